package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/labels"
)

// textExporter makes the text export of a page that eval --input text
// cleans: winnow's own (labels.TextExport: the page's visible text, one
// block a line) or, with cmd, what the shell command prints given the
// page's HTML on its standard input (lynx -dump -stdin, w3m -dump,
// html2text); hard-wrapped at wrap columns when wrap > 0 (see
// extract.HardWrap). The HTML is decoded to UTF-8 and starts with a byte
// order mark, which tells a tool so over the charset the page declares
// (lynx obeys a <meta charset> over -assume_charset). A command that runs
// longer than timeout (default exportTimeout) is killed, with what it
// started.
type textExporter struct {
	cmd     string
	wrap    int
	timeout time.Duration
}

// exportTimeout is the default time a text export command may take a page.
const exportTimeout = time.Minute

// maxExportBytes caps what a text export command may print for one page.
const maxExportBytes = extract.DefaultMaxBytes

// maxStderrBytes is how much of a text export command's standard error is
// kept, for the first line of its message.
const maxStderrBytes = 4 << 10

// exportWaitDelay is how long a text export command's output is waited
// for once the command is killed or has exited.
const exportWaitDelay = 2 * time.Second

// errExportTooLong is returned for a command that prints more than
// maxExportBytes.
var errExportTooLong = fmt.Errorf("text export: more than %d bytes", maxExportBytes)

// export returns raw's text export.
func (e textExporter) export(ctx context.Context, raw []byte) (string, error) {
	var text string
	if e.cmd == "" {
		doc, err := extract.Extract(ctx, raw, extract.Options{Kind: extract.KindHTML})
		if err != nil {
			return "", err
		}
		text = labels.TextExport(doc)
	} else {
		html, _, err := extract.Decode(raw, "", extract.KindHTML)
		if err != nil {
			return "", err
		}
		timeout := e.timeout
		if timeout <= 0 {
			timeout = exportTimeout
		}
		ctx, stop := context.WithTimeout(ctx, timeout)
		defer stop()
		c := exec.CommandContext(ctx, "sh", "-c", e.cmd)
		c.Stdin = strings.NewReader("\ufeff" + html)
		killGroup(c)
		c.WaitDelay = exportWaitDelay                         // what outlives a kill may hold the output open
		out := &cappedBuffer{max: maxExportBytes, full: stop} // a command that prints on is killed
		stderr := &headBuffer{max: maxStderrBytes}
		c.Stdout, c.Stderr = out, stderr
		if err := c.Run(); err != nil {
			switch {
			case errors.Is(out.err, errExportTooLong):
				err = out.err
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				err = fmt.Errorf("text export: not done within %v", timeout)
			}
			if msg, _, _ := strings.Cut(strings.TrimSpace(stderr.buf.String()), "\n"); msg != "" {
				err = fmt.Errorf("%w: %s", err, msg)
			}
			return "", fmt.Errorf("text export by %q: %w", e.cmd, err)
		}
		text = out.String()
	}
	return extract.HardWrap(text, e.wrap), nil
}

// name names the export in a report: "text", "text from lynx", "text
// wrapped at 78". A command is named by its program: the base name of its
// first word that sets no variable, bracket trimmed.
func (e textExporter) name() string {
	name := "text"
	if e.cmd != "" {
		tool := "a command"
		for _, f := range strings.Fields(e.cmd) {
			if f = strings.TrimLeft(f, "({"); f != "" && !strings.Contains(f, "=") {
				tool = path.Base(f)
				break
			}
		}
		name += " from " + tool
	}
	if e.wrap > 0 {
		name += fmt.Sprintf(" wrapped at %d", e.wrap)
	}
	return name
}

// cappedBuffer is a buffer that refuses to grow past max bytes, and calls
// full when it first does. It holds its bytes.Buffer in a field, not
// embedded: a promoted ReadFrom would let io.Copy fill it past the cap.
type cappedBuffer struct {
	buf  bytes.Buffer
	max  int64
	full func()
	err  error
}

// Write appends p, or fails with errExportTooLong when p would take the
// buffer past its cap.
func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(b.buf.Len()+len(p)) > b.max {
		if b.err == nil && b.full != nil {
			b.full()
		}
		b.err = errExportTooLong
		return 0, b.err
	}
	return b.buf.Write(p)
}

// String returns the bytes written.
func (b *cappedBuffer) String() string { return b.buf.String() }

// headBuffer keeps the first max bytes written to it and drops the rest,
// still taking them, so that a command that floods its standard error
// neither blocks nor fills memory.
type headBuffer struct {
	buf bytes.Buffer
	max int
}

// Write keeps what of p fits under the cap and reports all of p written.
func (b *headBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
