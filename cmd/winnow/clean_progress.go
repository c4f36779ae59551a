package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a progress bar on stderr when it is a terminal: input
// bytes read (of the total, when the inputs are regular files), pages,
// pages/s and errors. A nil bar draws nothing.
type progress struct {
	bar  *progressbar.ProgressBar
	p    *pipeline
	st   *stats
	last time.Time
}

func newProgress(p *pipeline, st *stats) *progress {
	prog := &progress{p: p, st: st}
	f, ok := p.stderr.(*os.File)
	if p.quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return prog
	}
	total := int64(0)
	for _, name := range p.files {
		fi, err := os.Stat(name)
		if name == "-" || err != nil || !fi.Mode().IsRegular() {
			total = -1 // unknown: a spinner
			break
		}
		total += fi.Size()
	}
	prog.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("cleaning"),
	)
	return prog
}

// update redraws the bar, at most every 200ms unless force.
func (pr *progress) update(force bool) {
	if pr.bar == nil {
		return
	}
	now := time.Now()
	if !force && now.Sub(pr.last) < 200*time.Millisecond {
		return
	}
	pr.last = now
	secs := now.Sub(pr.st.start).Seconds()
	pr.bar.Describe(fmt.Sprintf("%d pages, %.0f pages/s, %d errors", pr.st.pages, float64(pr.st.pages)/max(secs, 1e-3), pr.st.errors))
	pr.bar.Set64(pr.p.bytesRead.Load())
}

// clear wipes the bar so that a message can be printed on its line.
func (pr *progress) clear() {
	if pr.bar != nil {
		pr.bar.Clear()
	}
}

// finish removes the bar.
func (pr *progress) finish() {
	if pr.bar != nil {
		pr.bar.Finish()
		pr.bar.Clear()
	}
}

// summary prints the run's one-line summary.
func (st *stats) summary(w io.Writer, bytes int64) {
	d := time.Since(st.start)
	fmt.Fprintf(w, "winnow: %d pages, %d blocks kept, %d dropped, %d errors, %s (%.1f pages/s, %s read)\n",
		st.pages, st.kept, st.dropped, st.errors, d.Round(time.Millisecond), float64(st.pages)/max(d.Seconds(), 1e-3), sizeString(bytes))
}

// sizeString formats a byte count with a binary unit.
func sizeString(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
