package records

import (
	"bytes"
	"crypto/sha1"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/winnowlabs/winnow"
)

// JSONOptions configures [AppendJSON].
type JSONOptions struct {
	// Blocks adds "blocks": every block of the page with its tag, region,
	// label and P(junk). Default false.
	Blocks bool
}

// outputKeys are the keys AppendJSON writes itself; input fields of these
// names are replaced.
var outputKeys = map[string]bool{
	"source": true, "record_id": true, "title": true, "text": true,
	"kind": true, "encoding": true, "blocks": true, "error": true,
}

// AppendJSON appends rec cleaned (res, or the error err when it failed) as
// one JSON object and a newline. The shape depends on where rec came from:
//
//   - a JSON line: its fields untouched (keys sorted; "html" and "text"
//     are not copied), then "title" and "text" (the clean article), or
//     "error";
//   - a WARC record: "source", "url", "record_id", "title", "text", "kind"
//     and "encoding", or "source", "url", "record_id" and "error";
//   - a single page: "source", "url" (when known), "title", "text", "kind"
//     and "encoding", or "source" and "error".
//
// "blocks" follows "encoding" (or "text") when opts.Blocks is set.
func AppendJSON(dst []byte, rec *Record, res *winnow.Result, err error, opts JSONOptions) ([]byte, error) {
	o := object{b: append(dst, '{')}
	switch rec.Format {
	case FormatJSONL:
		keys := make([]string, 0, len(rec.Fields))
		for k := range rec.Fields {
			if !outputKeys[k] {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			o.raw(k, rec.Fields[k])
		}
	case FormatWARC:
		o.str("source", rec.Source)
		o.str("url", rec.URL)
		o.str("record_id", rec.ID)
	default:
		o.str("source", rec.Source)
		url := rec.URL
		if res != nil && res.URL != "" {
			url = res.URL
		}
		if url != "" && err == nil {
			o.str("url", url)
		}
	}
	if err != nil {
		o.str("error", err.Error())
		return append(o.b, '}', '\n'), o.err
	}
	o.str("title", res.Title)
	o.str("text", res.Text)
	if rec.Format != FormatJSONL {
		o.str("kind", res.Kind)
		o.str("encoding", res.Encoding)
	}
	if opts.Blocks {
		blocks := res.Blocks
		if blocks == nil {
			blocks = []winnow.Block{}
		}
		o.value("blocks", blocks)
	}
	return append(o.b, '}', '\n'), o.err
}

// object builds a JSON object field by field.
type object struct {
	b   []byte
	n   int
	err error
}

func (o *object) key(k string) {
	if o.n > 0 {
		o.b = append(o.b, ',')
	}
	o.n++
	kb, _ := json.Marshal(k)
	o.b = append(o.b, kb...)
	o.b = append(o.b, ':')
}

func (o *object) raw(k string, v json.RawMessage) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, v); err != nil {
		o.err = err
		return
	}
	o.key(k)
	o.b = append(o.b, buf.Bytes()...)
}

func (o *object) str(k, v string) { o.value(k, v) }

func (o *object) value(k string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		o.err = err
		return
	}
	o.key(k)
	o.b = append(o.b, b...)
}

// WETWriter writes cleaned records as WARC/1.0 conversion records (the shape
// of a Common Crawl WET file): the clean text as a text/plain block, with
// the source record's URL, date and id (WARC-Refers-To). The first Write
// writes a warcinfo record. The output can be read again with [Open].
type WETWriter struct {
	w       io.Writer
	started bool
	// Now gives WARC-Date for records that carry no date of their own.
	// Default time.Now.
	Now func() time.Time
}

// NewWETWriter returns a WETWriter writing to w.
func NewWETWriter(w io.Writer) *WETWriter { return &WETWriter{w: w} }

// namespace seeds the record ids of WET output: the id of a conversion
// record is a UUID (version 5) of the source and position of the record it
// was made from, so that cleaning the same input twice gives the same ids.
var namespace = uuid.MustParse("6b1c0c58-8e51-4a53-9d27-3d0f7b0e4a11")

// Write writes rec cleaned as res.
func (w *WETWriter) Write(rec *Record, res *winnow.Result) error {
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	date := rec.Date
	if date == "" {
		date = now().UTC().Format(time.RFC3339)
	}
	if !w.started {
		w.started = true
		info := []byte("software: winnow\r\nformat: WARC File Format 1.0\r\ndescription: article text cleaned by winnow\r\n")
		id := uuid.NewSHA1(namespace, []byte("warcinfo\x00"+rec.Source))
		if err := w.record("warcinfo", date, id, nil, "application/warc-fields", info); err != nil {
			return err
		}
	}
	text := res.Text
	if text != "" {
		text += "\n"
	}
	id := uuid.NewSHA1(namespace, []byte(rec.Source+"\x00"+strconv.Itoa(rec.Index)+"\x00"+rec.ID))
	extra := [][2]string{}
	if u := rec.URL; u != "" {
		extra = append(extra, [2]string{"WARC-Target-URI", u})
	} else if res.URL != "" {
		extra = append(extra, [2]string{"WARC-Target-URI", res.URL})
	}
	if rec.ID != "" && rec.Format == FormatWARC {
		extra = append(extra, [2]string{"WARC-Refers-To", rec.ID})
	}
	return w.record("conversion", date, id, extra, "text/plain; charset=utf-8", []byte(text))
}

// record writes one WARC record.
func (w *WETWriter) record(typ, date string, id uuid.UUID, extra [][2]string, contentType string, block []byte) error {
	sum := sha1.Sum(block)
	var b bytes.Buffer
	b.Grow(len(block) + 512)
	b.WriteString("WARC/1.0\r\nWARC-Type: " + typ + "\r\n")
	for _, kv := range extra {
		fmt.Fprintf(&b, "%s: %s\r\n", kv[0], clean(kv[1]))
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", clean(date), id)
	fmt.Fprintf(&b, "WARC-Block-Digest: sha1:%s\r\n", base32.StdEncoding.EncodeToString(sum[:]))
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	_, err := w.w.Write(b.Bytes())
	return err
}

// clean keeps a header value on one line.
func clean(s string) string {
	return string(bytes.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, []byte(s)))
}
