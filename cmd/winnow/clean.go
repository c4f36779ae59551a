package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// cleanFlags holds the flags of "winnow clean".
type cleanFlags struct {
	input     string
	format    string
	url       string
	model     string
	threshold float64
	fast      bool
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

func runClean(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var f cleanFlags
	fs := newFlagSet("clean", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: winnow clean [flags] [FILE...]\n\nClean pages (HTML or text, gzip or not, any charset). No FILE or - reads stdin.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.input, "input", "auto", "input type: auto, html or text")
	fs.StringVar(&f.format, "format", "text", "output format: text, json, jsonl or markdown")
	fs.StringVar(&f.url, "url", "", "the page's URL, copied to JSON output")
	fs.StringVar(&f.model, "model", "", "model file (default: the embedded model)")
	fs.Float64Var(&f.threshold, "threshold", 0, "P(junk) at or above which a block is dropped (default: the model's)")
	fs.BoolVar(&f.fast, "fast", false, "stage 1 only: skip the line classifier")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	kind, err := extract.ParseKind(f.input)
	if err != nil {
		return &usageError{err.Error()}
	}
	switch f.format {
	case "text", "json", "jsonl", "markdown":
	default:
		return &usageError{fmt.Sprintf("unknown format %q (want text, json, jsonl or markdown)", f.format)}
	}
	if f.threshold < 0 || f.threshold > 1 {
		return &usageError{"threshold must be between 0 and 1"}
	}
	opts := &winnow.Options{Kind: kind, URL: f.url, Threshold: f.threshold, Fast: f.fast}
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
	out := &cleanWriter{w: stdout, format: f.format, many: len(files) > 1}
	failed := 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := cleanOne(ctx, name, stdin, opts)
		if err != nil {
			failed++
			if f.format == "jsonl" {
				if werr := out.writeError(name, err); werr != nil {
					return werr
				}
			}
			fmt.Fprintf(stderr, "winnow: %s: %v\n", name, err)
			continue
		}
		if err := out.write(name, res); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if err := out.close(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// cleanOne cleans one named input ("-" is stdin).
func cleanOne(ctx context.Context, name string, stdin io.Reader, opts *winnow.Options) (*winnow.Result, error) {
	if name == "-" {
		return winnow.Clean(ctx, stdin, opts)
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return winnow.Clean(ctx, fh, opts)
}

// cleanWriter writes results in one of the output formats.
type cleanWriter struct {
	w      io.Writer
	format string
	many   bool // more than one input
	n      int  // results written
}

// jsonResult is a result as written in json and jsonl output.
type jsonResult struct {
	Source string `json:"source"`
	*winnow.Result
}

func (c *cleanWriter) write(source string, res *winnow.Result) error {
	defer func() { c.n++ }()
	switch c.format {
	case "jsonl":
		return writeJSONLine(c.w, jsonResult{Source: source, Result: res})
	case "json":
		prefix := ""
		if c.many {
			prefix = ",\n"
			if c.n == 0 {
				prefix = "[\n"
			}
		}
		b, err := json.MarshalIndent(jsonResult{Source: source, Result: res}, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.w, "%s%s", prefix, b)
		if err == nil && !c.many {
			_, err = io.WriteString(c.w, "\n")
		}
		return err
	case "markdown":
		return c.text(source, res.Markdown())
	default:
		return c.text(source, res.Text)
	}
}

func (c *cleanWriter) text(source, body string) error {
	var b strings.Builder
	if c.many {
		if c.n > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "==> %s <==\n", source)
	}
	b.WriteString(body)
	if body != "" && !strings.HasSuffix(body, "\n") {
		b.WriteByte('\n')
	}
	_, err := io.WriteString(c.w, b.String())
	return err
}

func (c *cleanWriter) writeError(source string, err error) error {
	return writeJSONLine(c.w, struct {
		Source string `json:"source"`
		Error  string `json:"error"`
	}{source, err.Error()})
}

func (c *cleanWriter) close() error {
	if c.format == "json" && c.many {
		if c.n == 0 {
			_, err := io.WriteString(c.w, "[]\n")
			return err
		}
		_, err := io.WriteString(c.w, "\n]\n")
		return err
	}
	return nil
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
