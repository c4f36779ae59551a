package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/records"
)

// cleanWriter writes cleaned records in one of the output formats, buffered.
type cleanWriter struct {
	w      *bufio.Writer
	format string
	many   bool     // more than one input file
	blocks autoBool // --blocks
	n      int      // results written
	wet    *records.WETWriter
	buf    []byte
}

func newCleanWriter(w io.Writer, format string, many bool, blocks autoBool) *cleanWriter {
	bw := bufio.NewWriterSize(w, 256<<10)
	c := &cleanWriter{w: bw, format: format, many: many, blocks: blocks}
	if format == "wet" {
		c.wet = records.NewWETWriter(bw)
	}
	return c
}

// jsonResult is a single page's result as written in json output.
type jsonResult struct {
	Source string `json:"source"`
	*winnow.Result
}

// several reports whether the output holds several results (headers in
// text output, an array in json): several files, or any crawl file.
func (c *cleanWriter) several(rec *records.Record) bool {
	return c.many || rec.Format != records.FormatPage
}

// write writes one cleaned record.
func (c *cleanWriter) write(rec *records.Record, res *winnow.Result) error {
	defer func() { c.n++ }()
	switch c.format {
	case "wet":
		return c.wet.Write(rec, res)
	case "jsonl":
		var err error
		c.buf, err = records.AppendJSON(c.buf[:0], rec, res, nil, records.JSONOptions{Blocks: c.blocks.or(rec.Format == records.FormatPage)})
		if err != nil {
			return err
		}
		_, err = c.w.Write(c.buf)
		return err
	case "json":
		var b []byte
		var err error
		if rec.Format == records.FormatPage && c.blocks.or(true) {
			b, err = json.MarshalIndent(jsonResult{Source: rec.Source, Result: res}, "", "  ")
		} else {
			b, err = c.indented(rec, res)
		}
		if err != nil {
			return err
		}
		prefix := ""
		if c.several(rec) {
			prefix = ",\n"
			if c.n == 0 {
				prefix = "[\n"
			}
			c.many = true // the closing bracket is owed
		}
		if _, err := fmt.Fprintf(c.w, "%s%s", prefix, b); err != nil {
			return err
		}
		if !c.several(rec) {
			_, err = io.WriteString(c.w, "\n")
		}
		return err
	case "markdown":
		return c.text(rec, res.Markdown())
	default:
		return c.text(rec, res.Text)
	}
}

// indented is the jsonl object of a record, indented for json output.
func (c *cleanWriter) indented(rec *records.Record, res *winnow.Result) ([]byte, error) {
	line, err := records.AppendJSON(nil, rec, res, nil, records.JSONOptions{Blocks: c.blocks.or(rec.Format == records.FormatPage)})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, bytes.TrimSpace(line), "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// header names a record in text output.
func header(rec *records.Record) string {
	switch {
	case rec.Format == records.FormatPage:
		return rec.Source
	case rec.URL != "":
		return rec.URL
	case rec.ID != "":
		return rec.ID
	}
	return fmt.Sprintf("%s: record %d", rec.Source, rec.Index+1)
}

func (c *cleanWriter) text(rec *records.Record, body string) error {
	var b strings.Builder
	if c.several(rec) {
		if c.n > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "==> %s <==\n", header(rec))
	}
	b.WriteString(body)
	if body != "" && !strings.HasSuffix(body, "\n") {
		b.WriteByte('\n')
	}
	_, err := io.WriteString(c.w, b.String())
	return err
}

// writeError writes a failed record: a line with an "error" field in jsonl
// output, nothing in the other formats (the error goes to stderr).
func (c *cleanWriter) writeError(rec *records.Record, err error) error {
	if c.format != "jsonl" {
		return nil
	}
	var werr error
	c.buf, werr = records.AppendJSON(c.buf[:0], rec, nil, err, records.JSONOptions{})
	if werr != nil {
		return werr
	}
	_, werr = c.w.Write(c.buf)
	return werr
}

// close ends the output (the closing bracket of a json array) and flushes it.
func (c *cleanWriter) close() error {
	if c.format == "json" && c.many {
		s := "\n]\n"
		if c.n == 0 {
			s = "[]\n"
		}
		if _, err := io.WriteString(c.w, s); err != nil {
			return err
		}
	}
	return c.w.Flush()
}

// flush writes out what is buffered.
func (c *cleanWriter) flush() error { return c.w.Flush() }
