package classifier

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Sample is one labelled line, the unit of training.
//
// In a JSON-lines file each sample is one object:
//
//	{"text":"Share on Facebook","features":["tag=a","link=high"],"label":"junk","page":"p17","corpus":"cleaneval"}
type Sample struct {
	// Text is the text of the line.
	Text string `json:"text"`
	// Features are the structural feature tokens of the block, without the
	// leading '#': "tag=li", "link=high", "len=short", "punct=stop",
	// "region=inside", "pos=tail", "heading", "url", "cls=nav" …
	Features []string `json:"features,omitempty"`
	// Label is the class of the line.
	Label Label `json:"label"`
	// Page identifies the page the line came from (optional).
	Page string `json:"page,omitempty"`
	// Corpus names the corpus the page came from (optional).
	Corpus string `json:"corpus,omitempty"`
}

// MaxSampleLine is the longest line, in bytes, that [ReadSamples] accepts.
const MaxSampleLine = 16 << 20

// ParseError is an error in a JSON-lines samples file, with its line number
// (counted from 1).
type ParseError struct {
	Line int    // line number, from 1
	Msg  string // what is wrong
	Err  error  // the underlying error, if any
}

// Error implements error.
func (e *ParseError) Error() string {
	return "classifier: line " + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadSamples reads samples in JSON-lines form: one JSON object per line,
// blank lines skipped. Every object must have a "label"; unknown fields are
// an error, so that a misspelt field is not silently ignored. A bad line
// stops reading with a *[ParseError] carrying its line number. Lines longer
// than [MaxSampleLine] are an error. ReadSamples does not close r.
func ReadSamples(r io.Reader) ([]Sample, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxSampleLine)
	var out []Sample
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var raw struct {
			Text     string   `json:"text"`
			Features []string `json:"features"`
			Label    *Label   `json:"label"`
			Page     string   `json:"page"`
			Corpus   string   `json:"corpus"`
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&raw); err != nil {
			return out, &ParseError{Line: line, Msg: err.Error(), Err: err}
		}
		if dec.More() {
			return out, &ParseError{Line: line, Msg: "more than one JSON value on the line"}
		}
		if raw.Label == nil {
			return out, &ParseError{Line: line, Msg: `missing "label"`}
		}
		out = append(out, Sample{Text: raw.Text, Features: raw.Features, Label: *raw.Label, Page: raw.Page, Corpus: raw.Corpus})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return out, &ParseError{Line: line + 1, Msg: fmt.Sprintf("line longer than %d bytes", MaxSampleLine), Err: err}
		}
		return out, fmt.Errorf("classifier: reading samples: %w", err)
	}
	return out, nil
}

// WriteSamples writes samples in the JSON-lines form read by [ReadSamples],
// one object per line. It returns an error for a sample with an invalid
// label.
func WriteSamples(w io.Writer, s []Sample) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range s {
		if !s[i].Label.valid() {
			return fmt.Errorf("classifier: sample %d: invalid label %d", i, uint8(s[i].Label))
		}
		if err := enc.Encode(&s[i]); err != nil {
			return fmt.Errorf("classifier: writing samples: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("classifier: writing samples: %w", err)
	}
	return nil
}
