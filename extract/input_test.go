package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func gzipBytes(tb testing.TB, parts ...[]byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	for _, p := range parts { // one member per part
		zw := gzip.NewWriter(&buf)
		if _, err := zw.Write(p); err != nil {
			tb.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestKind(t *testing.T) {
	for _, k := range []Kind{KindAuto, KindHTML, KindText} {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	if _, err := ParseKind("pdf"); err == nil {
		t.Error("ParseKind(pdf) succeeded")
	}
	if s := Kind(9).String(); s != "Kind(9)" {
		t.Errorf("Kind(9).String() = %q", s)
	}
}

func TestDecompress(t *testing.T) {
	page := []byte("<html><body><p>hello</p></body></html>")
	gz := gzipBytes(t, page)
	tests := []struct {
		name    string
		raw     []byte
		max     int64
		want    []byte
		wantErr error // matched with errors.Is; nil for success
	}{
		{"plain", page, 0, page, nil},
		{"empty", nil, 0, nil, nil},
		{"gzip", gz, 0, page, nil},
		{"multi-member", gzipBytes(t, page[:10], page[10:]), 0, page, nil},
		{"plain over max", page, 10, nil, ErrTooLarge},
		{"gzip over max", gz, 10, nil, ErrTooLarge},
		{"gzip exactly max", gz, int64(len(page)), page, nil},
		{"truncated", gz[:len(gz)/2], 0, nil, errGzip},
		{"bad trailer", append(append([]byte{}, gz[:len(gz)-8]...), 1, 2, 3, 4, 5, 6, 7, 8), 0, nil, errGzip},
		{"magic only", []byte{0x1f, 0x8b}, 0, nil, errGzip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decompress(tt.raw, tt.max)
			switch {
			case tt.wantErr == errGzip:
				if err == nil || !strings.HasPrefix(err.Error(), "extract: gzip: ") {
					t.Fatalf("err = %v, want an extract: gzip: error", err)
				}
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				var le *LimitError
				if !errors.As(err, &le) || le.Limit != "bytes" {
					t.Fatalf("err = %#v, want a bytes LimitError", err)
				}
			case err != nil:
				t.Fatal(err)
			case !bytes.Equal(got, tt.want):
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// errGzip marks test cases that expect a gzip error.
var errGzip = errors.New("gzip error expected")

func TestSniff(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "<html><body>hi</body></html>" {
		utf16 = append(utf16, byte(c), 0)
	}
	tests := []struct {
		name    string
		in      string
		want    Kind
		wantErr error
	}{
		{"empty", "", KindText, nil},
		{"doctype", "\ufeff  \n<!DOCTYPE html><html>", KindHTML, nil},
		{"starts with tag", "<div class=x>hello</div>", KindHTML, nil},
		{"zh-dev wrapper", `<text id="x" title="t" encoding="gbk">` + "\n<table>", KindHTML, nil},
		{"marker later", "some preamble line\n\n<html><head><title>x</title>", KindHTML, nil},
		{"tag dense", "junk " + strings.Repeat("<p>para</p><br>", 20), KindHTML, nil},
		{"prose mentioning a tag", "Use the <div> element to group content. " + strings.Repeat("Plain words here. ", 100), KindText, nil},
		{"plain text", "Title\n\nFirst paragraph of the export.\nSecond line.", KindText, nil},
		{"gbk text", "\xc4\xe3\xba\xc3\xca\xc0\xbd\xe7\n\xc4\xe3\xba\xc3", KindText, nil},
		{"utf16 bom html", string(utf16), KindHTML, nil},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", KindAuto, ErrBinary},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", KindAuto, ErrBinary},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", KindAuto, ErrBinary},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", KindAuto, ErrBinary},
		{"nested gzip", "\x1f\x8b\x08\x00", KindAuto, ErrBinary},
		{"NULs", strings.Repeat("\x00", 1000), KindAuto, ErrBinary},
		{"random", string(random), KindAuto, ErrBinary},
		{"stray NUL in page", "<html><body>" + strings.Repeat("text ", 500) + "\x00</body></html>", KindHTML, nil},
		{"MZ prose", "MZ is a text that starts like an exe header.", KindText, nil},
		{"10 MB line", strings.Repeat("word ", 2<<20), KindText, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Sniff([]byte(tt.in))
			if !errors.Is(err, tt.wantErr) || (err == nil && got != tt.want) {
				t.Fatalf("Sniff = %v, %v; want %v, %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
