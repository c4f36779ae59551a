package records

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"regexp"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/winnowlabs/winnow/extract"
)

// maxBadRecords is how many unparsable WARC records in a row end the stream
// with an error: past that the file is not WARC, or is broken beyond repair.
const maxBadRecords = 100

// warcReader reads WARC records with gowarc, from a stream already
// decompressed (so that both gzip per record and gzip of the whole file work).
type warcReader struct {
	reader
	u   gowarc.Unmarshaler
	bad int // unparsable records in a row
}

func newWARCReader(base reader) *warcReader {
	// Spec violations are warnings (the default): gowarc then caches each
	// block (in memory up to the buffer size, on disk beyond it) so that the
	// payload can be read after parsing.
	return &warcReader{reader: base, u: gowarc.NewUnmarshaler(gowarc.WithBufferMaxMemBytes(4 << 20))}
}

func (w *warcReader) Next() (rec *Record, err error) {
	if w.done {
		return nil, io.EOF
	}
	defer func() {
		// gowarc is a third-party parser: a panic on hostile input becomes
		// an error that ends this stream, not the program.
		if p := recover(); p != nil {
			w.done = true
			rec, err = nil, fmt.Errorf("records: %s: WARC parser failed: %v", w.name, p)
		}
	}()
	for {
		wr, _, validation, err := w.u.Unmarshal(w.br)
		if err != nil {
			if wr != nil {
				wr.Close()
			}
			if w.sticky.err != nil {
				w.done = true
				return nil, fmt.Errorf("records: %s: %w", w.name, w.sticky.err)
			}
			switch {
			case err == io.EOF:
				w.done = true
				return nil, io.EOF
			case errors.Is(err, gowarc.ErrNoRecord):
				// Bytes after the last record that hold no record.
				w.done = true
				if w.n == 0 && w.bad == 0 {
					return nil, fmt.Errorf("records: %s: no WARC record found", w.name)
				}
				return nil, io.EOF
			case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
				w.done = true
				return nil, fmt.Errorf("records: %s: truncated WARC record: %w", w.name, err)
			}
			w.bad++
			if w.bad > maxBadRecords {
				w.done = true
				return nil, fmt.Errorf("records: %s: %d bad WARC records in a row, last: %w", w.name, w.bad, err)
			}
			rec := w.record(FormatWARC)
			rec.Err = fmt.Errorf("records: bad WARC record: %w", err)
			return rec, nil
		}
		w.bad = 0
		if short := truncated(validation); short != nil {
			rec := w.newRecord(wr.WarcHeader())
			rec.Err = fmt.Errorf("records: truncated WARC record: %w", short)
			wr.Close()
			return rec, nil
		}
		rec, ok := w.convert(wr)
		wr.Close()
		if ok {
			return rec, nil
		}
	}
}

// convert turns a WARC record into a Record, or reports false for records
// that hold no page to clean (requests, metadata, revisits, images, redirects).
func (w *warcReader) convert(wr gowarc.WarcRecord) (*Record, bool) {
	h := wr.WarcHeader()
	var (
		body        io.Reader
		kind        extract.Kind
		contentType string
	)
	switch wr.Type() {
	case gowarc.Response:
		hb, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil, false // a response of another protocol (dns:, ...)
		}
		if code := hb.HttpStatusCode(); code < 200 || code > 299 {
			return nil, false
		}
		var hdr = hb.HttpHeader()
		if hdr != nil {
			contentType = hdr.Get("Content-Type")
		}
		if !isPage(contentType) {
			return nil, false
		}
		r, err := hb.PayloadBytes()
		if err != nil {
			rec := w.newRecord(h)
			rec.Err = fmt.Errorf("records: read payload: %w", err)
			return rec, true
		}
		if chunkedRe.Match(hb.ProtocolHeaderBytes()) {
			r = &dechunk{r: io.LimitReader(r, w.max+1<<20)}
		}
		body, kind = r, extract.KindHTML
		if mediaType(contentType) == "text/plain" {
			kind = extract.KindText
		}
	case gowarc.Resource:
		contentType = h.Get(gowarc.ContentType)
		if !isPage(contentType) {
			return nil, false
		}
		r, err := wr.Block().RawBytes()
		if err != nil {
			return nil, false
		}
		body, kind = r, extract.KindHTML
		if mediaType(contentType) == "text/plain" {
			kind = extract.KindText
		}
	case gowarc.Conversion:
		contentType = h.Get(gowarc.ContentType)
		if mt := mediaType(contentType); mt != "" && mt != "text/plain" {
			return nil, false
		}
		r, err := wr.Block().RawBytes()
		if err != nil {
			return nil, false
		}
		body, kind = r, extract.KindText
	default:
		return nil, false
	}
	rec := w.newRecord(h)
	rec.ContentType, rec.Kind = contentType, kind
	rec.Body, rec.Err = w.readBody(body)
	if rec.Err != nil {
		rec.Err = fmt.Errorf("records: read payload: %w", rec.Err)
	}
	return rec, true
}

// truncated returns the Content-Length error of a record whose block is
// shorter than its header says (the stream ended inside it), or nil.
func truncated(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			return v
		}
	}
	return nil
}

// chunkedRe finds a chunked Transfer-Encoding in HTTP headers (net/http
// removes the header from the parsed map, so the raw bytes are searched).
var chunkedRe = regexp.MustCompile(`(?im)^transfer-encoding:[ \t]*chunked[ \t]*\r?$`)

// dechunk decodes a chunked HTTP body, or passes it through unchanged when
// it is not in fact chunked (crawlers often store the decoded body and keep
// the header).
type dechunk struct {
	r io.Reader
	// out is the decoded body once read.
	out io.Reader
}

func (d *dechunk) Read(p []byte) (int, error) {
	if d.out == nil {
		raw, err := io.ReadAll(d.r)
		if err != nil {
			return 0, err
		}
		dec, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw)))
		if err != nil {
			dec = raw
		}
		d.out = bytes.NewReader(dec)
	}
	return d.out.Read(p)
}

// newRecord returns a numbered record with the WARC header's URL, id and date.
func (w *warcReader) newRecord(h *gowarc.WarcFields) *Record {
	rec := w.record(FormatWARC)
	rec.URL = strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	rec.ID = h.Get(gowarc.WarcRecordID)
	rec.Date = h.Get(gowarc.WarcDate)
	return rec
}

// mediaType returns the lower-cased media type of a Content-Type ("" when
// there is none or it does not parse).
func mediaType(contentType string) string {
	if strings.TrimSpace(contentType) == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A malformed parameter list still names its type.
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// isPage reports whether a payload of this Content-Type is a page to clean:
// HTML, XHTML, plain text, or no type at all (sniffed).
func isPage(contentType string) bool {
	switch mediaType(contentType) {
	case "", "text/html", "application/xhtml+xml", "text/plain", "application/xml+xhtml":
		return true
	}
	return false
}
