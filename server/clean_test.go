package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// TestCleanFixtures posts each fixture page gzipped, as a crawler would,
// and checks the answer is what the library gives for the same page.
func TestCleanFixtures(t *testing.T) {
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := MustOpenServer(t, Config{DefaultModel: model})
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			raw := fixture(t, name)
			r := do(t, "POST", s.URL()+"/v1/clean?url=http://example.com/a", bytes.NewReader(raw),
				"Content-Type: text/html", "Content-Encoding: gzip")
			if r.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			var got cleanResponse
			r.JSON(t, &got)
			want, err := winnow.CleanBytes(context.Background(), raw, &winnow.Options{Kind: extract.KindHTML, ContentType: "text/html", Model: model})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Text, got.Text); diff != "" {
				t.Errorf("text differs from the library's (-want +got):\n%s", diff)
			}
			if got.Title != want.Title || got.URL != "http://example.com/a" || got.Kind != "html" {
				t.Errorf("title %q url %q kind %q, want %q, the query's URL, html", got.Title, got.URL, got.Kind, want.Title)
			}
			if len(got.Blocks) != len(want.Blocks) || got.Text == "" {
				t.Errorf("%d blocks and %d bytes of text, want %d blocks and some text", len(got.Blocks), len(got.Text), len(want.Blocks))
			}
			if got.ModelVersion != model.Info().Version || got.Timings.TotalMS <= 0 {
				t.Errorf("model_version %d timings %+v", got.ModelVersion, got.Timings)
			}
		})
	}
}

// TestCleanForms covers the body forms and output formats.
func TestCleanForms(t *testing.T) {
	s := MustOpenServer(t, Config{})
	html := `<html><head><title>Otters</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Sea otters hold hands</h1><p>Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.</p>
<p>The animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open shellfish.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>`
	text := "Sign in\nHome > World\n\nSea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.\nThe animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open shellfish.\nShare on Facebook\n"
	const article = "drift apart"
	tests := []struct {
		name     string
		query    string
		body     []byte
		headers  []string
		wantType string
		wantKind string
	}{
		{"html", "", []byte(html), []string{"Content-Type: text/html; charset=utf-8"}, "application/json", "html"},
		{"html gzip", "", gz([]byte(html)), []string{"Content-Type: text/html", "Content-Encoding: gzip"}, "application/json", "html"},
		{"text", "", []byte(text), []string{"Content-Type: text/plain; charset=utf-8"}, "application/json", "text"},
		{"sniffed", "", []byte(html), nil, "application/json", "html"},
		{"octet-stream gzip", "", gz([]byte(text)), []string{"Content-Type: application/octet-stream"}, "application/json", "text"},
		{"input forced", "?input=text", []byte(text), []string{"Content-Type: text/html"}, "application/json", "text"},
		{"json html", "", []byte(`{"html":` + quote(html) + `,"url":"http://x.test/"}`), []string{"Content-Type: application/json"}, "application/json", "html"},
		{"json text", "", []byte(`{"text":` + quote(text) + `}`), []string{"Content-Type: application/json"}, "application/json", "text"},
		{"json gzip", "", gz([]byte(`{"text":` + quote(text) + `}`)), []string{"Content-Type: application/json", "Content-Encoding: gzip"}, "application/json", "text"},
		{"format text", "?format=text", []byte(html), []string{"Content-Type: text/html"}, "text/plain; charset=utf-8", ""},
		{"format markdown", "?format=markdown", []byte(html), []string{"Content-Type: text/html"}, "text/markdown; charset=utf-8", ""},
		{"fast threshold", "?fast=1&threshold=0.7", []byte(html), []string{"Content-Type: text/html"}, "application/json", "html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, "POST", s.URL()+"/v1/clean"+tt.query, bytes.NewReader(tt.body), tt.headers...)
			if r.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			if ct := r.Header.Get("Content-Type"); ct != tt.wantType {
				t.Fatalf("Content-Type %q, want %q", ct, tt.wantType)
			}
			if r.Header.Get("X-Winnow-Model-Version") != "1" || r.Header.Get("X-Request-Id") == "" {
				t.Errorf("headers %v: want the model version and a request id", r.Header)
			}
			if tt.wantKind == "" {
				if !strings.Contains(string(r.Body), article) {
					t.Errorf("body lacks the article: %s", r.Body)
				}
				if tt.name == "format markdown" && !strings.HasPrefix(string(r.Body), "# Otters") {
					t.Errorf("markdown does not start with the title: %s", r.Body)
				}
				return
			}
			var got cleanResponse
			r.JSON(t, &got)
			if got.Kind != tt.wantKind || !strings.Contains(got.Text, article) || strings.Contains(got.Text, "Sign in") {
				t.Errorf("kind %q text %q", got.Kind, got.Text)
			}
			for _, b := range got.Blocks {
				if b.PJunk < 0 || b.PJunk > 1 {
					t.Errorf("block %+v: p_junk out of range", b)
				}
			}
			if strings.HasPrefix(tt.name, "json html") && got.URL != "http://x.test/" {
				t.Errorf("url %q, want the JSON body's", got.URL)
			}
		})
	}
}

// TestCleanCharset checks the charset of the Content-Type header is used:
// a GBK page without a declaration decodes right when the header says so.
func TestCleanCharset(t *testing.T) {
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := MustOpenServer(t, Config{DefaultModel: model})
	raw := fixture(t, "zh-gbk-no-charset")
	const ct = "text/html; charset=gbk"
	r := do(t, "POST", s.URL()+"/v1/clean", bytes.NewReader(raw), "Content-Type: "+ct)
	var got cleanResponse
	r.JSON(t, &got)
	want, err := winnow.CleanBytes(context.Background(), raw, &winnow.Options{Kind: extract.KindHTML, ContentType: ct, Model: model})
	if err != nil {
		t.Fatal(err)
	}
	if got.Encoding != want.Encoding || got.Text != want.Text || !strings.Contains(strings.ToLower(got.Encoding), "gb") {
		t.Errorf("encoding %q (want %q), text equal %v", got.Encoding, want.Encoding, got.Text == want.Text)
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestCleanErrors checks every error status of /v1/clean, and that each
// answer is the one JSON error shape.
func TestCleanErrors(t *testing.T) {
	s := MustOpenServer(t, Config{MaxBodyBytes: 64 << 10})
	page := []byte("<html><body><p>Hello there, this is a page with some text in it.</p></body></html>")
	var bomb bytes.Buffer // 40 MiB of zeros: past the 32 MiB page limit once gunzipped
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	io.CopyN(zw, zeroReader{}, 40<<20)
	zw.Close()
	truncated := gz(bytes.Repeat(page, 20))
	truncated = truncated[:len(truncated)/2]
	tests := []struct {
		name    string
		query   string
		body    []byte
		headers []string
		status  int
		code    string
	}{
		{"bad format", "?format=xml", page, nil, 400, codeBadRequest},
		{"bad threshold", "?threshold=2", page, nil, 400, codeBadRequest},
		{"bad fast", "?fast=maybe", page, nil, 400, codeBadRequest},
		{"bad input", "?input=pdf", page, nil, 400, codeBadRequest},
		{"empty body", "", nil, []string{"Content-Type: text/html"}, 400, codeBadRequest},
		{"malformed json", "", []byte(`{"html": `), []string{"Content-Type: application/json"}, 400, codeBadRequest},
		{"unknown field", "", []byte(`{"html": "<p>x</p>", "htlm": 1}`), []string{"Content-Type: application/json"}, 400, codeBadRequest},
		{"both html and text", "", []byte(`{"html": "<p>x</p>", "text": "x"}`), []string{"Content-Type: application/json"}, 400, codeBadRequest},
		{"trailing json", "", []byte(`{"text": "x"} {}`), []string{"Content-Type: application/json"}, 400, codeBadRequest},
		{"malformed content type", "", page, []string{"Content-Type: text/html; charset"}, 400, codeBadRequest},
		{"not gzip", "", page, []string{"Content-Type: text/html", "Content-Encoding: gzip"}, 400, codeBadGzip},
		{"truncated gzip", "", truncated, []string{"Content-Type: text/html", "Content-Encoding: gzip"}, 400, codeBadGzip},
		{"body too large", "", bytes.Repeat(page, 2000), []string{"Content-Type: text/html"}, 413, codeTooLarge},
		{"gzip bomb", "", bomb.Bytes(), []string{"Content-Type: text/plain", "Content-Encoding: gzip"}, 413, codeTooLarge},
		{"unsupported type", "", page, []string{"Content-Type: image/png"}, 415, codeUnsupported},
		{"unsupported encoding", "", page, []string{"Content-Type: text/html", "Content-Encoding: br"}, 415, codeUnsupported},
		{"binary", "", bytes.Repeat([]byte{0, 1, 2, 3, 0xff, 0xfe, 0x80, 0}, 256), nil, 415, codeUnsupported},
		{"no text", "", []byte(" \n\t\n "), []string{"Content-Type: text/plain"}, 422, codeNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, "POST", s.URL()+"/v1/clean"+tt.query, bytes.NewReader(tt.body), tt.headers...)
			wantError(t, r, tt.status, tt.code)
		})
	}
	t.Run("not found", func(t *testing.T) {
		wantError(t, do(t, "GET", s.URL()+"/v2/clean", nil), 404, codeNotFound)
	})
	t.Run("method", func(t *testing.T) {
		wantError(t, do(t, "GET", s.URL()+"/v1/clean", nil), http.StatusMethodNotAllowed, codeMethod)
	})
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
