package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/records"
)

// cleanFlags holds the flags of "winnow clean".
type cleanFlags struct {
	input     string
	format    string
	url       string
	model     string
	threshold float64
	fast      bool
	jsonlIn   bool
	workers   int
	quiet     bool
	blocks    autoBool
}

// autoBool is a boolean flag that also knows whether it was set.
type autoBool struct{ set, value bool }

func (b *autoBool) String() string {
	if b == nil || !b.set {
		return "auto"
	}
	return strconv.FormatBool(b.value)
}

func (b *autoBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	b.set, b.value = true, v
	return nil
}

func (b *autoBool) IsBoolFlag() bool { return true }

// or returns the flag's value, or def when it was not set.
func (b *autoBool) or(def bool) bool {
	if b.set {
		return b.value
	}
	return def
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args, turning flag errors into usage errors and -h into errHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{err.Error()}
	}
	return nil
}

const cleanUsage = `Usage: winnow clean [flags] [FILE...]

Clean pages. A FILE (no FILE or - reads stdin) is a page (HTML or text, any
charset), a WARC file (response records with HTML, and WET conversion
records), or JSON lines ({"html" or "text", "url", "id", ...} a line);
gzip and zstd are detected from the bytes. Records are cleaned by -j workers
and written in input order.

Flags:
`

func runClean(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var f cleanFlags
	fs := newFlagSet("clean", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, cleanUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&f.input, "input", "auto", "page type: auto, html or text (forces the type of every record)")
	fs.StringVar(&f.format, "format", "text", "output format: text, json, jsonl, markdown or wet")
	fs.StringVar(&f.url, "url", "", "the page's URL, copied to JSON output (for records without one)")
	fs.StringVar(&f.model, "model", "", "model file (default: the embedded model)")
	fs.Float64Var(&f.threshold, "threshold", 0, "P(junk) at or above which a block inside the article is dropped (default: the model's for text, 0.6 for the default model; 0.85 for HTML)")
	fs.BoolVar(&f.fast, "fast", false, "stage 1 only: skip the line classifier")
	fs.BoolVar(&f.jsonlIn, "jsonl-in", false, "read every input as JSON lines (objects with \"html\" or \"text\")")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "number of pages cleaned at once")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bar and no summary on stderr")
	fs.Var(&f.blocks, "blocks", "add every block with its label and P(junk) to json/jsonl output (default: for single pages only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	kind, err := extract.ParseKind(f.input)
	if err != nil {
		return &usageError{err.Error()}
	}
	switch f.format {
	case "text", "json", "jsonl", "markdown", "wet":
	default:
		return &usageError{fmt.Sprintf("unknown format %q (want text, json, jsonl, markdown or wet)", f.format)}
	}
	if f.threshold < 0 || f.threshold > 1 {
		return &usageError{"threshold must be between 0 and 1"}
	}
	if f.workers < 1 {
		return &usageError{"-j must be at least 1"}
	}
	opts := winnow.Options{Kind: kind, URL: f.url, Threshold: f.threshold, Fast: f.fast}
	if f.model != "" {
		m, err := classifier.LoadFile(f.model)
		if err != nil {
			return err
		}
		opts.Model = m
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	inFormat := records.FormatAuto
	if f.jsonlIn {
		inFormat = records.FormatJSONL
	}
	p := &pipeline{
		files:    files,
		stdin:    stdin,
		inFormat: inFormat,
		opts:     opts,
		workers:  f.workers,
		out:      newCleanWriter(stdout, f.format, len(files) > 1, f.blocks),
		stderr:   stderr,
		quiet:    f.quiet,
	}
	return p.run(ctx)
}
