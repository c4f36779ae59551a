package records

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		head string
		file string
		want Format
	}{
		{name: "warc magic", head: "WARC/1.1\r\n", want: FormatWARC},
		{name: "warc name", head: "", file: "crawl.warc.gz", want: FormatWARC},
		{name: "wet name", head: "", file: "CC-MAIN-1.warc.wet.gz", want: FormatWARC},
		{name: "wet zst name", head: "", file: "a.wet.zst", want: FormatWARC},
		{name: "jsonl name", head: "<html>", file: "pages.jsonl", want: FormatJSONL},
		{name: "ndjson name", head: "", file: "pages.ndjson.gz", want: FormatJSONL},
		{name: "json html", head: `{"url": "u", "html" : "<p>x"}`, want: FormatJSONL},
		{name: "json text", head: "\n{\"text\":\"a\"}", want: FormatJSONL},
		{name: "json without page keys", head: `{"a": 1}`, want: FormatPage},
		{name: "html", head: "<!doctype html><html>", file: "page.html", want: FormatPage},
		{name: "text", head: "Some text\nmore", want: FormatPage},
		{name: "empty", head: "", want: FormatPage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.head), tt.file); got != tt.want {
				t.Errorf("Detect(%q, %q) = %v, want %v", tt.head, tt.file, got, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{FormatAuto, FormatPage, FormatWARC, FormatJSONL} {
		got, err := ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), got, err)
		}
	}
	if f, err := ParseFormat("wet"); err != nil || f != FormatWARC {
		t.Errorf("ParseFormat(wet) = %v, %v, want warc", f, err)
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf): no error")
	}
}

func TestPage(t *testing.T) {
	page := []byte("<html><body><p>Hello, world.</p></body></html>")
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"plain", page},
		{"gzip", corpustest.Gzip(t, page)},
		{"zstd", zst(t, page)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			recs := readAll(t, tt.data, "page.html", FormatAuto)
			if len(recs) != 1 {
				t.Fatalf("%d records, want 1", len(recs))
			}
			r := recs[0]
			if r.Err != nil || !bytes.Equal(r.Body, page) || r.Kind != extract.KindAuto || r.Format != FormatPage || r.Source != "page.html" {
				t.Errorf("record = %+v, want the page", r)
			}
		})
	}
}

func TestPageErrors(t *testing.T) {
	page := bytes.Repeat([]byte("<p>Hello, world.</p>\n"), 100)
	truncated := corpustest.Gzip(t, page)[:40]
	recs := readAll(t, truncated, "p.gz", FormatAuto)
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "gzip") {
		t.Fatalf("truncated gzip: records %+v, want one record with a gzip error", recs)
	}
	r, err := NewReader(bytes.NewReader(page), "big.html", Options{MaxBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil || !errors.Is(rec.Err, extract.ErrTooLarge) {
		t.Errorf("over the limit: rec.Err %v, err %v, want ErrTooLarge", rec.Err, err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("second Next: %v, want io.EOF", err)
	}
}
