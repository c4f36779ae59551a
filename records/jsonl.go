package records

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/winnowlabs/winnow/extract"
)

// jsonlReader reads one JSON object a line. Blank lines are skipped.
type jsonlReader struct {
	reader
	line int    // lines read
	buf  []byte // the current line, reused
	lazy bool   // return the lines undecoded (Options.Lazy)
}

// maxLine is the longest JSON line read for a body limit of max bytes: the
// body escaped in JSON (most pages grow by well under half) plus the other fields.
func maxLine(max int64) int64 { return 2*max + 1<<20 }

func (j *jsonlReader) Next() (*Record, error) {
	if j.done {
		return nil, io.EOF
	}
	for {
		line, tooLong, err := j.readLine()
		if err != nil && err != io.EOF {
			j.done = true
			return nil, fmt.Errorf("records: %s: %w", j.name, err)
		}
		if tooLong {
			rec := j.record(FormatJSONL)
			rec.Err = fmt.Errorf("records: line %d: %w", j.line, &extract.LimitError{Limit: "bytes", Max: maxLine(j.max)})
			return rec, nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			rec := j.record(FormatJSONL)
			if j.lazy {
				rec.lazy = &lazyLine{raw: bytes.Clone(line), line: j.line, max: j.max}
			} else {
				parseJSONL(rec, line, j.line, j.max)
			}
			return rec, nil
		}
		if err == io.EOF {
			j.done = true
			return nil, io.EOF
		}
	}
}

// readLine reads the next line without its newline into j.buf. A line longer
// than the limit is skipped to its end and reported as tooLong. err is io.EOF
// with the last line when the stream ends without a newline.
func (j *jsonlReader) readLine() (line []byte, tooLong bool, err error) {
	j.buf = j.buf[:0]
	limit := maxLine(j.max)
	for {
		chunk, err := j.br.ReadSlice('\n')
		if !tooLong {
			if int64(len(j.buf)+len(chunk)) > limit {
				tooLong = true
				j.buf = j.buf[:0]
			} else {
				j.buf = append(j.buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil || err == io.EOF {
			if err == nil || len(chunk) > 0 || len(j.buf) > 0 {
				j.line++
			}
		}
		if tooLong {
			j.buf = j.buf[:0]
		}
		// Keep big buffers from one huge line from pinning memory.
		line = bytes.TrimSuffix(j.buf, []byte("\n"))
		if cap(j.buf) > 4<<20 {
			line = bytes.Clone(line)
			j.buf = nil
		}
		return line, tooLong, err
	}
}

// parseJSONL fills rec from line, line number lineNo of its stream: the body
// from "html" or "text" (at most maxBytes), the rest into Fields. Nothing
// in rec refers to line afterwards.
func parseJSONL(rec *Record, line []byte, lineNo int, maxBytes int64) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil || fields == nil {
		if err == nil {
			err = errors.New("not an object")
		}
		rec.Err = fmt.Errorf("records: line %d: bad JSON: %w", lineNo, err)
		return
	}
	var body string
	switch {
	case fields["html"] != nil && string(fields["html"]) != "null":
		rec.Kind = extract.KindHTML
		rec.Err = json.Unmarshal(fields["html"], &body)
	case fields["text"] != nil && string(fields["text"]) != "null":
		rec.Kind = extract.KindText
		rec.Err = json.Unmarshal(fields["text"], &body)
	default:
		rec.Err = fmt.Errorf("records: line %d: no \"html\" or \"text\" field", lineNo)
	}
	delete(fields, "html")
	delete(fields, "text")
	rec.Fields = fields
	rec.URL = stringField(fields["url"])
	rec.ID = stringField(fields["id"])
	rec.ContentType = stringField(fields["content_type"])
	if rec.Err != nil {
		if rec.Body == nil && rec.Kind != extract.KindAuto {
			rec.Err = fmt.Errorf("records: line %d: the page is not a JSON string: %w", lineNo, rec.Err)
		}
		return
	}
	if int64(len(body)) > maxBytes {
		rec.Err = fmt.Errorf("records: line %d: %w", lineNo, &extract.LimitError{Limit: "bytes", Max: maxBytes})
		return
	}
	rec.Body = []byte(body)
}

// stringField returns a JSON string's value, a number as written, and ""
// for anything else.
func stringField(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return ""
	}
	if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return string(raw)
	}
	return ""
}
