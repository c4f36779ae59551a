package records

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Format is the container format of an input stream.
type Format uint8

const (
	// FormatAuto asks [Open] to detect the format (see [Detect]).
	FormatAuto Format = iota
	// FormatPage is a single page, HTML or text: the stream is one record.
	FormatPage
	// FormatWARC is a WARC file: response, resource and conversion (WET) records.
	FormatWARC
	// FormatJSONL is JSON lines: one object with "html" or "text" a line.
	FormatJSONL
)

// String returns "auto", "page", "warc" or "jsonl".
func (f Format) String() string {
	switch f {
	case FormatAuto:
		return "auto"
	case FormatPage:
		return "page"
	case FormatWARC:
		return "warc"
	case FormatJSONL:
		return "jsonl"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// ParseFormat parses the names [Format.String] returns ("" is auto; "wet" is
// an alias of "warc").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "page":
		return FormatPage, nil
	case "warc", "wet":
		return FormatWARC, nil
	case "jsonl", "ndjson":
		return FormatJSONL, nil
	}
	return FormatAuto, fmt.Errorf("records: unknown format %q (want auto, page, warc or jsonl)", s)
}

// Compression is the compression of a stream, found from its magic bytes.
type Compression uint8

const (
	// None is an uncompressed stream.
	None Compression = iota
	// Gzip is a gzip stream (one member or many, as in .warc.gz).
	Gzip
	// Zstd is a zstd stream.
	Zstd
)

// String returns "none", "gzip" or "zstd".
func (c Compression) String() string {
	switch c {
	case Gzip:
		return "gzip"
	case Zstd:
		return "zstd"
	}
	return "none"
}

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
	warcMagic = []byte("WARC/")
)

// DetectCompression returns the compression whose magic bytes start head.
func DetectCompression(head []byte) Compression {
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		return Gzip
	case bytes.HasPrefix(head, zstdMagic):
		return Zstd
	}
	return None
}

// Detect returns the format of a stream from its first (decompressed) bytes
// and its name: WARC when head starts with "WARC/" or the name ends in .warc
// or .wet (before any .gz or .zst); JSON lines when the name ends in .jsonl or
// .ndjson, or head is a JSON object with an "html", "text" or "url" field;
// otherwise a single page. name may be empty (stdin).
func Detect(head []byte, name string) Format {
	base := strings.ToLower(path.Base(name))
	for _, ext := range []string{".gz", ".zst", ".zstd"} {
		base = strings.TrimSuffix(base, ext)
	}
	switch {
	case bytes.HasPrefix(head, warcMagic):
		return FormatWARC
	case strings.HasSuffix(base, ".warc"), strings.HasSuffix(base, ".wet"):
		return FormatWARC
	case strings.HasSuffix(base, ".jsonl"), strings.HasSuffix(base, ".ndjson"):
		return FormatJSONL
	}
	h := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(h) > 0 && h[0] == '{' {
		for _, key := range []string{`"html"`, `"text"`, `"url"`} {
			if i := bytes.Index(h, []byte(key)); i >= 0 && bytes.HasPrefix(bytes.TrimLeft(h[i+len(key):], " \t"), []byte(":")) {
				return FormatJSONL
			}
		}
	}
	return FormatPage
}

// decompressor is a decompressed view of a stream, with a Close that
// releases the decoder (zstd decoders hold goroutines).
type decompressor struct {
	io.Reader
	close func()
}

// decompress wraps br in the decoder its magic bytes call for.
func decompress(br *bufio.Reader) (*decompressor, Compression, error) {
	head, _ := br.Peek(4)
	c := DetectCompression(head)
	switch c {
	case Gzip:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, c, fmt.Errorf("records: gzip: %w", err)
		}
		return &decompressor{Reader: &wrapErr{r: zr, prefix: "records: gzip"}, close: func() { zr.Close() }}, c, nil
	case Zstd:
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			return nil, c, fmt.Errorf("records: zstd: %w", err)
		}
		return &decompressor{Reader: &wrapErr{r: zr, prefix: "records: zstd"}, close: zr.Close}, c, nil
	}
	return &decompressor{Reader: br, close: func() {}}, c, nil
}

// wrapErr prefixes the decoder's errors (not io.EOF) so that users see which
// layer failed ("records: gzip: unexpected EOF").
type wrapErr struct {
	r      io.Reader
	prefix string
}

func (w *wrapErr) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", w.prefix, err)
	}
	return n, err
}

// stickyReader remembers the first error other than io.EOF from r, so that a
// parser that swallows errors cannot loop on a broken stream, and counts the
// bytes read.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}
