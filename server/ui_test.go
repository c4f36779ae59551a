package server

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// reviewPage is the page the review tests clean: an article between a
// menu and a footer, with one paragraph of promotion (junk the model keeps) inside it.
const reviewPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Sea otters hold hands</title></head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/animals">Animals</a></li><li><a href="/about">About us</a></li></ul></nav>
<article class="post">
<h1>Sea otters hold hands while they sleep</h1>
<p>Sea otters often hold hands while they sleep, so that the current does not carry them apart from the rest of their group.</p>
<p>A group of resting otters is called a raft, and some rafts counted by researchers on the coast of California held more than a hundred animals.</p>
<p>Mothers carry their pups on their bellies for the first weeks, grooming the thick fur so that it traps air and keeps the young one afloat.</p>
<p>You can read more stories about otters and the other animals of the coast in the archive of our magazine.</p>
<p>Otters also keep a favourite stone in a pouch of loose skin under each forearm and use it to crack open shellfish.</p>
</article>
<footer><p>Copyright 2025 Example Media. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p></footer>
</body></html>`

// cleanBlock is a block of /v1/clean?features=1.
type cleanBlock struct {
	Text     string   `json:"text"`
	Tag      string   `json:"tag"`
	Region   string   `json:"region"`
	Label    string   `json:"label"`
	PJunk    float64  `json:"p_junk"`
	Features []string `json:"features"`
}

func cleanBlocks(tb testing.TB, s *Server, query string) []cleanBlock {
	tb.Helper()
	r := postJSON(tb, s.URL()+"/v1/clean"+query, map[string]string{"html": reviewPage})
	if r.Status != 200 {
		tb.Fatalf("clean: %d %s", r.Status, r.Body)
	}
	var res struct {
		Blocks []cleanBlock `json:"blocks"`
	}
	r.JSON(tb, &res)
	return res.Blocks
}

func TestUIFiles(t *testing.T) {
	s := MustOpenServer(t, Config{})
	for _, tc := range []struct{ path, ctype, has string }{
		{"/", "text/html; charset=utf-8", `<script src="/ui/app.js" defer></script>`},
		{"/ui/index.html", "text/html; charset=utf-8", "<title>winnow review</title>"},
		{"/ui/app.js", "text/javascript; charset=utf-8", "textContent"},
		{"/ui/style.css", "text/css; charset=utf-8", ".block"},
	} {
		r := do(t, "GET", s.URL()+tc.path, nil)
		if r.Status != 200 || r.Header.Get("Content-Type") != tc.ctype || !bytes.Contains(r.Body, []byte(tc.has)) {
			t.Errorf("GET %s: %d %q, want 200 %q with %q", tc.path, r.Status, r.Header.Get("Content-Type"), tc.ctype, tc.has)
		}
		if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", tc.path, csp)
		}
		if r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", tc.path)
		}
	}
	for _, p := range []string{"/ui/", "/ui/nope.js", "/ui/..%2fui.go", "/ui/../server.go", "/ui/sub/app.js", "/index.html"} {
		if r := do(t, "GET", s.URL()+p, nil); r.Status != 404 {
			t.Errorf("GET %s: %d, want 404", p, r.Status)
		}
	}
	wantError(t, do(t, "POST", s.URL()+"/", nil), 405, codeMethod)
}

// TestUINoHTMLInsertion checks the page's script never parses strings as
// HTML: the reviewed page is hostile, and its text must go in with
// textContent only.
func TestUINoHTMLInsertion(t *testing.T) {
	src, err := os.ReadFile("ui/app.js")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAll(src, nil) // comments may name them
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "createContextualFragment", "DOMParser", "setAttribute('on", "srcdoc"} {
		if bytes.Contains(code, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	html, _ := os.ReadFile("ui/index.html")
	for _, ext := range []string{"http://", "https://", "//cdn"} {
		if bytes.Contains(html, []byte(ext)) || bytes.Contains(src, []byte(ext)) {
			t.Errorf("the page refers to %s: it must work offline", ext)
		}
	}
	if bytes.Contains(html, []byte("<script>")) || bytes.Contains(html, []byte(" on")) && regexp.MustCompile(`\son[a-z]+=`).Match(html) {
		t.Error("index.html has inline script, which the Content-Security-Policy forbids")
	}
}

// TestCleanFeatures checks ?features=1 gives each block the features the
// model scored it with, and that they are accepted back by /v1/train.
func TestCleanFeatures(t *testing.T) {
	s := MustOpenServer(t, trainingConfig(t))
	plain := cleanBlocks(t, s, "")
	blocks := cleanBlocks(t, s, "?features=1")
	if len(blocks) != len(plain) || len(blocks) < 8 {
		t.Fatalf("%d blocks with features, %d without", len(blocks), len(plain))
	}
	for i, b := range blocks {
		if plain[i].Features != nil {
			t.Fatalf("block %d has features without ?features=1", i)
		}
		if b.Text != plain[i].Text || b.Label != plain[i].Label || b.PJunk != plain[i].PJunk {
			t.Errorf("block %d differs with features: %+v vs %+v", i, b, plain[i])
		}
		if !slices.Contains(b.Features, "tag="+b.Tag) || !slices.Contains(b.Features, "region="+b.Region) {
			t.Errorf("block %d %q: features %q", i, b.Text, b.Features)
		}
	}
	r := do(t, "POST", s.URL()+"/v1/clean?features=maybe", strings.NewReader(reviewPage), "Content-Type: text/html")
	wantError(t, r, 400, codeBadRequest)

	// Teach the promotion paragraph as junk with its features, strongly.
	i := slices.IndexFunc(blocks, func(b cleanBlock) bool { return strings.HasPrefix(b.Text, "You can read more") })
	if i < 0 || blocks[i].Label != "content" {
		t.Fatalf("promotion block: %d %+v", i, blocks)
	}
	tr := postJSON(t, s.URL()+"/v1/train", map[string]any{"weight": 1000, "note": "review test",
		"samples": []map[string]any{{"text": blocks[i].Text, "label": "junk", "features": blocks[i].Features}}}, bearer)
	if tr.Status != 200 {
		t.Fatalf("train: %d %s", tr.Status, tr.Body)
	}
	after := cleanBlocks(t, s, "?features=1")
	if after[i].Label != "junk" {
		t.Errorf("after teaching, the promotion block is %s (p_junk %v, was %v)", after[i].Label, after[i].PJunk, blocks[i].PJunk)
	}
}

// TestModelVersions checks GET /v1/model lists the training events, newest
// first, the served model marked current, and that the list survives a
// restart of the store (read from the kept files).
func TestModelVersions(t *testing.T) {
	cfg := trainingConfig(t)
	s := MustOpenServer(t, cfg)
	m := modelInfo(t, s)
	if len(m.Versions) != 1 || m.Versions[0].Version != 1 || !m.Versions[0].Current || m.Versions[0].Note != "test model" {
		t.Fatalf("versions before training: %+v", m.Versions)
	}
	sample := []map[string]any{{"text": "Open the app for VIP stories", "label": "junk"}}
	for _, note := range []string{"first", "second"} {
		if r := postJSON(t, s.URL()+"/v1/train", map[string]any{"samples": sample, "note": note}, bearer); r.Status != 200 {
			t.Fatalf("train: %d %s", r.Status, r.Body)
		}
	}
	if r := postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{"version": 2}, bearer); r.Status != 200 {
		t.Fatalf("rollback: %d %s", r.Status, r.Body)
	}
	check := func(m modelResponse) {
		t.Helper()
		var got []string
		for _, v := range m.Versions {
			s := v.Note
			if v.Current {
				s += " (current)"
			}
			if v.TrainedAt == nil && v.Version > 1 {
				t.Errorf("version %d has no time", v.Version)
			}
			got = append(got, s)
		}
		want := []string{"rollback to version 2: first (current)", "second", "first", "test model"}
		if !slices.Equal(got, want) {
			b, _ := json.Marshal(m.Versions)
			t.Errorf("versions %s, want notes %q", b, want)
		}
		if m.Versions[0].Version != m.Version || m.Versions[0].Samples.Junk != m.Samples.Junk || m.Versions[0].Vocabulary != m.Vocabulary {
			t.Errorf("current version %+v does not match the model %+v", m.Versions[0], m)
		}
	}
	check(modelInfo(t, s))
	s.Close()
	check(modelInfo(t, MustOpenServer(t, cfg))) // a fresh store reads the kept files
}
