// Package corpustest writes small corpora in the shared layout
// (DIR/html/<id>.html.gz and DIR/ground-truth.json) for tests.
package corpustest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Page is one page of a test corpus.
type Page struct {
	ID string
	// HTML is written gzip-compressed as html/<ID>.html.gz; when Raw is set,
	// Raw is written as it is instead (to make a page unreadable), and when
	// both are nil no file is written (a page without its HTML).
	HTML, Raw []byte
	// Body is the ground truth's article body.
	Body string
	// SnippetsOnly writes the article body as null (a truth of snippets
	// only); Body is then ignored.
	SnippetsOnly bool
	// With and Without are the snippets; nil is written as [].
	With, Without []string
}

// Write writes pages as a corpus in dir (made if need be) and returns dir.
func Write(t testing.TB, dir string, pages []Page) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	type truth struct {
		ArticleBody *string  `json:"articleBody"`
		URL         string   `json:"url"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	}
	gt := map[string]truth{}
	for _, p := range pages {
		data := p.Raw
		if data == nil && p.HTML != nil {
			data = Gzip(t, p.HTML)
		}
		if data != nil {
			if err := os.WriteFile(filepath.Join(dir, "html", p.ID+".html.gz"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		body := &p.Body
		if p.SnippetsOnly {
			body = nil
		}
		gt[p.ID] = truth{ArticleBody: body, With: nonNil(p.With), Without: nonNil(p.Without)}
	}
	b, err := json.MarshalIndent(gt, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Gzip returns b gzip-compressed.
func Gzip(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
