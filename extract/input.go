package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
)

// Kind is the type of an input document.
type Kind uint8

const (
	// KindAuto asks for the kind to be sniffed from the input (see [Sniff]).
	KindAuto Kind = iota
	// KindHTML is an HTML page.
	KindHTML
	// KindText is a plain-text export: one paragraph or line of the page per
	// line, or paragraphs hard-wrapped at a fixed width.
	KindText
)

// String returns "auto", "html" or "text".
func (k Kind) String() string {
	switch k {
	case KindHTML:
		return "html"
	case KindText:
		return "text"
	case KindAuto:
		return "auto"
	default:
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
}

// ParseKind parses "auto" (or ""), "html" or "text", the inverse of [Kind.String].
func ParseKind(s string) (Kind, error) {
	switch s {
	case "auto", "":
		return KindAuto, nil
	case "html":
		return KindHTML, nil
	case "text":
		return KindText, nil
	}
	return KindAuto, fmt.Errorf("extract: unknown input kind %q (want auto, html or text)", s)
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Decompress returns raw unchanged unless it starts with the gzip magic, in
// which case it returns the gunzipped bytes (all members of a multi-member
// stream). Either way the result is at most max bytes (max <= 0 means
// [DefaultMaxBytes]); a larger input or expansion is a *[LimitError] with Limit
// "bytes", found without inflating more than max+1 bytes. A truncated or
// corrupt stream is an error wrapping the gzip error.
func Decompress(raw []byte, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if !bytes.HasPrefix(raw, gzipMagic) {
		if int64(len(raw)) > max {
			return nil, &LimitError{Limit: "bytes", Max: max}
		}
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, gzipError(err)
	}
	defer zr.Close()
	// A guess at the expanded size saves regrowing the buffer for ordinary pages.
	guess := int64(len(raw)) * 4
	if guess > max+1 {
		guess = max + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, guess))
	n, err := buf.ReadFrom(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, gzipError(err)
	}
	if n > max {
		return nil, &LimitError{Limit: "bytes", Max: max}
	}
	return buf.Bytes(), nil
}

// gzipError wraps a gzip failure; a stream that ends early says so.
func gzipError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("extract: gzip: truncated stream: %w", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("extract: gzip: %w", err)
}

// sniffLen is how much of the input Sniff looks at.
const sniffLen = 8 << 10

// binaryMagics are file signatures of formats that are never HTML or text.
var binaryMagics = [][]byte{
	[]byte("\x89PNG\r\n\x1a\n"),
	[]byte("\xff\xd8\xff"),     // JPEG
	[]byte("GIF87a"),           // GIF
	[]byte("GIF89a"),           // GIF
	[]byte("%PDF-"),            // PDF
	[]byte("PK\x03\x04"),       // zip, docx, epub, jar
	[]byte("PK\x05\x06"),       // empty zip
	[]byte("\x1f\x8b"),         // gzip (still compressed after Decompress: nested)
	[]byte("BZh"),              // bzip2
	[]byte("\xfd7zXZ\x00"),     // xz
	[]byte("\x28\xb5\x2f\xfd"), // zstd
	[]byte("7z\xbc\xaf\x27\x1c"),
	[]byte("Rar!\x1a\x07"),
	[]byte("\x7fELF"),
	[]byte("MZ"),                               // Windows executable
	[]byte("\x00asm"),                          // wasm
	[]byte("OggS"),                             // ogg
	[]byte("ID3"),                              // mp3
	[]byte("fLaC"),                             // flac
	[]byte("wOFF"),                             // woff
	[]byte("wOF2"),                             // woff2
	[]byte("\x00\x00\x01\x00"),                 // ico
	[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), // OLE (doc, xls)
}

// Sniff reports whether b (raw or decoded page bytes) is HTML or text, or
// returns [ErrBinary] when it looks like neither: a known binary signature
// (PNG, JPEG, PDF, zip, ...), NUL bytes that are not UTF-16 text, or a high
// share of control bytes in the first 8 KB. It is HTML when, after an optional
// BOM and white space, it starts with a tag, when a document marker (doctype,
// <html, <head, <body) appears within the first 4 KB, or when the first 8 KB
// is dense with common tags. Anything else, including empty input, is text.
func Sniff(b []byte) (Kind, error) {
	if k, ok := sniffUTF16(b); ok {
		return k, nil
	}
	for _, m := range binaryMagics {
		if bytes.HasPrefix(b, m) {
			// "MZ" and "ID3" are also plausible text starts; demand a control byte too.
			if (m[0] == 'M' || m[0] == 'I') && ctrlShare(b) == 0 {
				continue
			}
			return KindAuto, ErrBinary
		}
	}
	if len(b) >= 12 && string(b[:4]) == "RIFF" && (string(b[8:12]) == "WEBP" || string(b[8:12]) == "WAVE" || string(b[8:12]) == "AVI ") {
		return KindAuto, ErrBinary
	}
	if len(b) >= 12 && string(b[4:8]) == "ftyp" { // mp4, mov, heic, avif
		return KindAuto, ErrBinary
	}
	if ctrlShare(b) > 0.05 {
		return KindAuto, ErrBinary
	}
	if looksHTML(b) {
		return KindHTML, nil
	}
	return KindText, nil
}

// ctrlShare returns the share of bytes in the first sniffLen bytes of b that
// are control characters other than common white space. NUL bytes count
// tenfold, since text almost never holds them.
func ctrlShare(b []byte) float64 {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	if len(b) == 0 {
		return 0
	}
	bad := 0
	for _, c := range b {
		switch {
		case c == 0:
			bad += 10
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b, c == 0x7f:
			bad++
		}
	}
	return float64(bad) / float64(len(b))
}

// sniffUTF16 recognises UTF-16 text (with a BOM, or ASCII-range text with a
// NUL in every other byte) and sniffs the kind of its decoded start.
func sniffUTF16(b []byte) (Kind, bool) {
	if len(b) > sniffLen {
		b = b[:sniffLen&^1]
	}
	var big bool
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		b = b[2:]
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		b, big = b[2:], true
	case len(b) >= 16:
		even, odd := 0, 0
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] == 0 {
				even++
			}
			if b[i+1] == 0 {
				odd++
			}
		}
		pairs := len(b) / 2
		switch {
		case odd*10 >= pairs*9 && even*10 < pairs:
		case even*10 >= pairs*9 && odd*10 < pairs:
			big = true
		default:
			return KindAuto, false
		}
	default:
		return KindAuto, false
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := []byte(string(utf16.Decode(u)))
	if ctrlShare(s) > 0.05 {
		return KindAuto, false
	}
	if looksHTML(s) {
		return KindHTML, true
	}
	return KindText, true
}

// htmlMarkers are strong signs of an HTML document near its start.
var htmlMarkers = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
}

// tagStarts are common tag openings counted for tag density.
var tagStarts = [][]byte{
	[]byte("<div"), []byte("<p>"), []byte("<p "), []byte("<br"), []byte("<span"), []byte("<a "),
	[]byte("<table"), []byte("<td"), []byte("<tr"), []byte("<li"), []byte("<ul"), []byte("<img"),
	[]byte("<meta"), []byte("<link"), []byte("<script"), []byte("<title"), []byte("<h1"), []byte("<h2"),
	[]byte("<h3"), []byte("<font"), []byte("<b>"), []byte("<i>"), []byte("<strong"), []byte("<center"),
	[]byte("</"),
}

// looksHTML reports whether b looks like markup (see Sniff).
func looksHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	head := bytes.TrimLeft(b, " \t\r\n\f")
	if len(head) >= 2 && head[0] == '<' {
		c := head[1] | 0x20
		if (c >= 'a' && c <= 'z') || head[1] == '!' || head[1] == '?' {
			return true
		}
	}
	lower := bytes.ToLower(b)
	first := lower
	if len(first) > 4<<10 {
		first = first[:4<<10]
	}
	for _, m := range htmlMarkers {
		if bytes.Contains(first, m) {
			return true
		}
	}
	tags := 0
	for _, t := range tagStarts {
		tags += bytes.Count(lower, t)
	}
	return tags >= 10 && tags*400 >= len(lower)
}
