package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const tinyCorpus = "testdata/tinycorpus"

func mustLoad(tb testing.TB, dir string) *Corpus {
	tb.Helper()
	c, err := LoadCorpus(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestLoadCorpus(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	if c.Name != "tinycorpus" || c.Dir != tinyCorpus {
		t.Errorf("Name, Dir = %q, %q", c.Name, c.Dir)
	}
	var ids []string
	for _, p := range c.Pages {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"a1", "b2", "c3"}) {
		t.Fatalf("ids = %q", ids)
	}
	a1, b2, c3 := c.Pages[0], c.Pages[1], c.Pages[2]
	if a1.URL != "https://example.com/otters" || a1.Title != "Otters" || !strings.HasPrefix(a1.Body, "Otters hold hands\n\nSea otters") {
		t.Errorf("a1 = %+v", a1)
	}
	if !slices.Equal(a1.With, []string{"Sea otters hold hands", "favourite rock"}) ||
		!slices.Equal(a1.Without, []string{"Home | About", "Copyright 2026 Example"}) {
		t.Errorf("a1 with/without = %q / %q", a1.With, a1.Without)
	}
	// b2 stores its snippets as Python list reprs.
	if !slices.Equal(b2.With, []string{"海獭睡觉时会手牵手", "它们还把喜欢的石头"}) ||
		!slices.Equal(b2.Without, []string{"首页", "版权所有"}) {
		t.Errorf("b2 with/without = %q / %q", b2.With, b2.Without)
	}
	if c3.Title != "" || len(c3.With) != 0 || len(c3.Without) != 0 {
		t.Errorf("c3 = %+v", c3)
	}
	if p, ok := c.Page("b2"); !ok || p.ID != "b2" {
		t.Errorf("Page(b2) = %+v, %v", p, ok)
	}
	if _, ok := c.Page("zz"); ok {
		t.Error("Page(zz) found")
	}
}

// An articleBody that is null or missing makes a page of snippets only; an
// empty one is a page without an article, still scored by shingles.
func TestLoadCorpusSnippetsOnly(t *testing.T) {
	dir := t.TempDir()
	gt := `{"null": {"articleBody": null, "with": ["a"]}, "missing": {"with": ["a"]}, "empty": {"articleBody": ""}, "body": {"articleBody": "text"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(gt), 0o644); err != nil {
		t.Fatal(err)
	}
	c := mustLoad(t, dir)
	for _, p := range c.Pages {
		want := p.ID == "null" || p.ID == "missing"
		if p.SnippetsOnly != want || p.HasBody() == want {
			t.Errorf("%s: SnippetsOnly %v, HasBody %v; want %v, %v", p.ID, p.SnippetsOnly, p.HasBody(), want, !want)
		}
	}
	var ids []string
	for _, p := range c.WithBodies().Pages {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"body", "empty"}) || len(c.Pages) != 4 {
		t.Errorf("WithBodies kept %q (and left %d pages in c), want [body empty] (and 4)", ids, len(c.Pages))
	}
	snips := c.Filter(func(id string) bool { return id == "null" || id == "missing" })
	if c.SnippetsOnly() || !snips.SnippetsOnly() || c.Filter(func(string) bool { return false }).SnippetsOnly() {
		t.Errorf("SnippetsOnly: whole corpus %v, its two body-less pages %v, no pages %v; want false, true, false",
			c.SnippetsOnly(), snips.SnippetsOnly(), c.Filter(func(string) bool { return false }).SnippetsOnly())
	}
}

func TestLoadCorpusErrors(t *testing.T) {
	_, err := LoadCorpus("testdata/no-such-corpus")
	if err == nil || !strings.HasPrefix(err.Error(), "eval: ") {
		t.Errorf("missing corpus: err = %v", err)
	}
}

func TestReadPage(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	gz, err := c.RawHTML("a1")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(gz, []byte{0x1f, 0x8b}) {
		t.Errorf("RawHTML does not return gzip bytes: % x", gz[:4])
	}
	page, err := c.ReadPage("a1")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("<p>Sea otters hold hands")) {
		t.Errorf("ReadPage(a1) = %q", page)
	}
	// b2 is stored in GBK: ReadPage must not decode it.
	page, err = c.ReadPage("b2")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte{0xba, 0xa3, 0xcc, 0xa1}) { // 海獭 in GBK
		t.Errorf("ReadPage(b2) lost the GBK bytes: %q", page)
	}
	for _, id := range []string{"", "..", "../tinycorpus/ground-truth", `a\b`, "missing"} {
		if _, err := c.ReadPage(id); err == nil || !strings.HasPrefix(err.Error(), "eval: ") {
			t.Errorf("ReadPage(%q) error = %v", id, err)
		}
	}
}

func TestSnippetList(t *testing.T) {
	tests := []struct {
		raw     string
		want    []string
		wantErr bool
	}{
		{``, nil, false},
		{`null`, nil, false},
		{`[]`, []string{}, false},
		{`["a", null, "b"]`, []string{"a", "b"}, false},
		{`""`, nil, false},
		{`"  "`, nil, false},
		{`"[]"`, []string{}, false},
		{`"['a', \"b's\"]"`, []string{"a", "b's"}, false},
		{`"just one snippet"`, []string{"just one snippet"}, false},
		{`"[18] arXiv"`, []string{"[18] arXiv"}, false},
		{`"['broken"`, []string{"['broken"}, false},
		{`"['broken]"`, nil, true},
		{`[1, 2]`, nil, true},
		{`{"a": 1}`, nil, true},
		{`42`, nil, true},
	}
	for _, tt := range tests {
		got, err := snippetList(json.RawMessage(tt.raw))
		if (err != nil) != tt.wantErr {
			t.Errorf("snippetList(%s) error = %v, wantErr %v", tt.raw, err, tt.wantErr)
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("snippetList(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestLoadSharedCorpora(t *testing.T) {
	for _, name := range []string{"wceb1000", "zh-dev"} {
		c, err := LoadCorpus(sharedData + "/" + name)
		if err != nil {
			if strings.Contains(err.Error(), "no such file") {
				t.Skip("shared data not present")
			}
			t.Fatal(err)
		}
		if len(c.Pages) < 40 {
			t.Errorf("%s: %d pages", name, len(c.Pages))
		}
		// Reading one page each keeps the test fast.
		if _, err := c.ReadPage(c.Pages[0].ID); err != nil {
			t.Error(err)
		}
	}
}
