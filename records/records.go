package records

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/winnowlabs/winnow/extract"
)

// Record is one page read from an input stream, ready for
// [github.com/winnowlabs/winnow.CleanBytes] with Kind, ContentType and URL as
// its options.
type Record struct {
	// Source is the name of the stream the record came from (a file name, or
	// "-" for stdin), as given to [Open].
	Source string
	// Index is the record's position among the records Next returned for
	// Source, from 0 (skipped WARC records are not counted).
	Index int
	// Format is the container the record came from.
	Format Format
	// URL is the page's address: WARC-Target-URI, or the "url" field of a
	// JSON line. Empty when unknown.
	URL string
	// ID is the record's id: WARC-Record-ID, or the "id" field of a JSON line
	// (a JSON number is given as written). Empty when unknown.
	ID string
	// Date is WARC-Date, when the record has one.
	Date string
	// ContentType is the page's Content-Type (the HTTP header of a WARC
	// response, the "content_type" field of a JSON line), whose charset the
	// decoder honours. Empty when unknown.
	ContentType string
	// Kind is the type of Body: extract.KindHTML, extract.KindText, or
	// extract.KindAuto to sniff it (single pages).
	Kind extract.Kind
	// Body is the page, decompressed from the container (the page itself may
	// still be gzip'ed, which the extractor handles).
	Body []byte
	// Fields are the fields of a JSON line other than "html" and "text",
	// untouched, to be written back (see [AppendJSON]). Nil for other formats.
	Fields map[string]json.RawMessage
	// Err is set when this record could not be read (too large, a bad JSON
	// line); Body is then empty. The stream goes on after it.
	Err error

	// lazy is the undecoded JSON line of a record from a lazy reader (see
	// [Options].Lazy), nil once Decode has run.
	lazy *lazyLine
}

// lazyLine is what Decode needs to parse a JSON line later.
type lazyLine struct {
	raw  []byte // the line, the record's own copy
	line int    // its line number, for messages
	max  int64  // the reader's MaxBytes
}

// Decode finishes reading a record from a lazy reader (see [Options].Lazy):
// it parses the JSON line and fills Body, Kind, Fields, URL, ID, ContentType
// and Err exactly as an eager reader does, then drops the line. It returns
// Err. For a record that is already decoded (any record of an eager reader or
// of a format other than JSON lines, or a second call) it does nothing but
// return Err. Decode may run on another goroutine than the Reader's, but not
// on two at once for the same record.
func (r *Record) Decode() error {
	if l := r.lazy; l != nil {
		r.lazy = nil
		parseJSONL(r, l.raw, l.line, l.max)
	}
	return r.Err
}

// Label names the record in messages: the source, then the record's position,
// id and URL when it is one of many.
func (r *Record) Label() string {
	if r.Format == FormatPage {
		return r.Source
	}
	s := fmt.Sprintf("%s: record %d", r.Source, r.Index+1)
	if r.ID != "" {
		s += " " + r.ID
	}
	if r.URL != "" {
		s += " " + r.URL
	}
	return s
}

// Reader reads records one at a time. Next returns io.EOF after the last
// record, and another error when the stream itself is broken (the records
// returned before it are good). A Reader is not safe for concurrent use.
type Reader interface {
	// Next returns the next record. The record is the caller's to keep.
	Next() (*Record, error)
	// Close releases the decoders; it does not close the underlying stream.
	Close() error
}

// Options configures [NewReader]. The zero value means the defaults.
type Options struct {
	// Format is the container format. Default FormatAuto: see [Detect].
	Format Format
	// MaxBytes is the largest record body read into memory, in bytes; a
	// larger record comes back with Err matching extract.ErrTooLarge.
	// Default extract.DefaultMaxBytes (32 MiB), the extractor's own limit.
	MaxBytes int64
	// Lazy makes a JSON-lines reader only split the lines: Next returns
	// records holding the raw line, with just Source, Index and Format set
	// (and Err for a line over the length limit), and [Record.Decode] does
	// the JSON decoding, so that it can run on the goroutine that uses the
	// record. Call Decode before reading any other field. Other formats
	// ignore Lazy (their records are complete and Decode does nothing).
	Lazy bool
}

// Open returns a Reader of the records in r, which is named name ("-" or ""
// for stdin; the name also helps detect the format). It is NewReader with
// default options. r is read as Next is called, never all at once, and is
// never closed.
func Open(r io.Reader, name string, f Format) (Reader, error) {
	return NewReader(r, name, Options{Format: f})
}

// NewReader is [Open] with options.
func NewReader(r io.Reader, name string, opts Options) (Reader, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = extract.DefaultMaxBytes
	}
	dec, _, err := decompress(bufio.NewReaderSize(r, 64<<10))
	if err != nil {
		return nil, err
	}
	sticky := &stickyReader{r: dec}
	br := bufio.NewReaderSize(sticky, 1<<20)
	f := opts.Format
	if f == FormatAuto {
		head, err := br.Peek(4096)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) && len(head) == 0 {
			dec.close()
			return nil, err
		}
		f = Detect(head, name)
	}
	base := reader{name: name, br: br, sticky: sticky, dec: dec, max: opts.MaxBytes}
	switch f {
	case FormatWARC:
		return newWARCReader(base), nil
	case FormatJSONL:
		return &jsonlReader{reader: base, lazy: opts.Lazy}, nil
	case FormatPage:
		return &pageReader{reader: base}, nil
	}
	dec.close()
	return nil, fmt.Errorf("records: unknown format %v", f)
}

// reader is the state every format's reader shares.
type reader struct {
	name   string
	br     *bufio.Reader // the decompressed stream
	sticky *stickyReader // under br: the first read error
	dec    *decompressor
	max    int64
	n      int // records returned
	done   bool
}

func (r *reader) Close() error {
	if r.dec != nil {
		r.dec.close()
		r.dec = nil
	}
	r.done = true
	return nil
}

// record returns a new record of this stream, numbered.
func (r *reader) record(f Format) *Record {
	rec := &Record{Source: r.name, Index: r.n, Format: f}
	r.n++
	return rec
}

// readBody reads all of body, up to the limit.
func (r *reader) readBody(body io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(body, r.max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > r.max {
		return nil, &extract.LimitError{Limit: "bytes", Max: r.max}
	}
	return b, nil
}

// pageReader returns the whole stream as one record.
type pageReader struct{ reader }

func (p *pageReader) Next() (*Record, error) {
	if p.done {
		return nil, io.EOF
	}
	p.done = true
	rec := p.record(FormatPage)
	rec.Body, rec.Err = p.readBody(p.br)
	return rec, nil
}
