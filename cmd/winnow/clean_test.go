package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// articlePath is a small English news page: menu, cookie banner, article
// (h1, paragraphs, h2, list), related list and footer.
const articlePath = "testdata/article.html"

const (
	articleLine = "Sea otters hold hands while they sleep so that they do not drift apart"
	articleJunk = "Copyright 2026 Example News"
)

// jsonOut is the json/jsonl shape of one cleaned input.
type jsonOut struct {
	Source   string  `json:"source"`
	URL      string  `json:"url"`
	Title    string  `json:"title"`
	Text     string  `json:"text"`
	Kind     string  `json:"kind"`
	Encoding string  `json:"encoding"`
	Error    *string `json:"error"`
	Blocks   []struct {
		Text   string           `json:"text"`
		Tag    string           `json:"tag"`
		Region string           `json:"region"`
		Label  classifier.Label `json:"label"`
		PJunk  *float64         `json:"p_junk"`
		Repeat bool             `json:"repeat"`
	} `json:"blocks"`
}

// writeFile writes data to name in a fresh temporary directory and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readFile returns the contents of path or fails the test.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// outputLines splits output into its lines, without the final newline.
func outputLines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestCleanSeedText(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{name: "default", args: []string{"clean", seedPath}},
		{name: "fast", args: []string{"clean", "--fast", seedPath}},
		{name: "forced text", args: []string{"clean", "--input", "text", seedPath}},
		{name: "explicit threshold", args: []string{"clean", "--threshold", "0.5", seedPath}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, nil, tt.args...)
			lines := outputLines(r.stdout)
			if !slices.Contains(lines, seedArticleLine) {
				t.Errorf("output has no line %q:\n%s", seedArticleLine, r.stdout)
			}
			if strings.Contains(r.stdout, seedSpamLine) {
				t.Errorf("output keeps the SEO spam line %q", seedSpamLine)
			}
			if strings.Contains(r.stdout, "==>") {
				t.Errorf("one input, yet output has a ==> header")
			}
		})
	}
}

func TestCleanStdin(t *testing.T) {
	seed := readFile(t, seedPath)
	want := mustRun(t, nil, "clean", seedPath).stdout
	tests := []struct {
		name string
		gzip bool
		args []string
	}{
		{name: "dash", args: []string{"clean", "-"}},
		{name: "no args", args: []string{"clean"}},
		{name: "gzip via dash", gzip: true, args: []string{"clean", "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := seed
			if tt.gzip {
				in = corpustest.Gzip(t, seed)
			}
			r := mustRun(t, bytes.NewReader(in), tt.args...)
			if r.stdout != want {
				t.Errorf("stdin output differs from file output:\ngot:\n%.300s\nwant:\n%.300s", r.stdout, want)
			}
		})
	}
}

func TestCleanJSON(t *testing.T) {
	r := mustRun(t, nil, "clean", "--format", "json", "--url", "https://example.com/otters", articlePath)
	if !json.Valid([]byte(r.stdout)) {
		t.Fatalf("output is not valid JSON:\n%s", r.stdout)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &fields); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	for _, k := range []string{"source", "url", "title", "text", "kind", "encoding", "blocks"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("output has no field %q", k)
		}
	}
	var got jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Source != articlePath {
		t.Errorf("source = %q, want %q", got.Source, articlePath)
	}
	if got.URL != "https://example.com/otters" {
		t.Errorf("url = %q, want the --url value", got.URL)
	}
	if got.Title != "Otters hold hands | Example News" {
		t.Errorf("title = %q", got.Title)
	}
	if got.Kind != "html" || got.Encoding != "utf-8" {
		t.Errorf("kind, encoding = %q, %q, want html, utf-8", got.Kind, got.Encoding)
	}
	if !strings.Contains(got.Text, articleLine) || strings.Contains(got.Text, articleJunk) {
		t.Errorf("text = %q, want the article without the footer", got.Text)
	}
	if len(got.Blocks) == 0 {
		t.Fatal("no blocks")
	}
	var kept []string
	labels := map[classifier.Label]int{}
	for i, b := range got.Blocks {
		if b.PJunk == nil || *b.PJunk < 0 || *b.PJunk > 1 {
			t.Errorf("block %d %q: p_junk = %v, want a probability", i, b.Text, b.PJunk)
		}
		if b.Tag == "" || b.Region == "" {
			t.Errorf("block %d %q: tag %q region %q, want both set", i, b.Text, b.Tag, b.Region)
		}
		labels[b.Label]++
		if b.Label == classifier.Content && !b.Repeat {
			kept = append(kept, b.Text)
		}
	}
	if labels[classifier.Content] == 0 || labels[classifier.Junk] == 0 {
		t.Errorf("labels %v, want both content and junk blocks", labels)
	}
	if want := strings.Join(kept, "\n"); got.Text != want {
		t.Errorf("text is not the content blocks joined:\ntext:\n%s\ncontent blocks:\n%s", got.Text, want)
	}
	// The labels are spelt out in JSON.
	if !strings.Contains(r.stdout, `"label": "content"`) || !strings.Contains(r.stdout, `"label": "junk"`) {
		t.Errorf("labels are not written as \"content\" and \"junk\"")
	}
}

func TestCleanJSONSeveralInputsIsArray(t *testing.T) {
	r := mustRun(t, nil, "clean", "--format", "json", articlePath, seedPath)
	var got []jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%.500s", err, r.stdout)
	}
	if len(got) != 2 || got[0].Source != articlePath || got[1].Source != seedPath {
		t.Fatalf("got %d results, want 2 in input order", len(got))
	}
	if got[0].Kind != "html" || got[1].Kind != "text" {
		t.Errorf("kinds %q, %q, want html, text", got[0].Kind, got[1].Kind)
	}
}

func TestCleanJSONL(t *testing.T) {
	html := readFile(t, articlePath)
	gz := writeFile(t, "page.html.gz", corpustest.Gzip(t, html))
	missing := filepath.Join(t.TempDir(), "missing.html")
	inputs := []string{articlePath, gz, missing}

	r := runCmd(t, nil, append([]string{"clean", "--format", "jsonl"}, inputs...)...)
	if r.code != 1 {
		t.Errorf("exit %d (err %v), want 1 for a failed input", r.code, r.err)
	}
	if !strings.Contains(r.stderr, missing) {
		t.Errorf("stderr = %q, want it to name %s", r.stderr, missing)
	}
	lines := outputLines(r.stdout)
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), r.stdout)
	}
	for i, line := range lines {
		var got jsonOut
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		if got.Source != inputs[i] {
			t.Errorf("line %d: source %q, want %q (input order)", i+1, got.Source, inputs[i])
		}
		if i < 2 {
			if got.Error != nil {
				t.Errorf("line %d: error %q", i+1, *got.Error)
			}
			if !strings.Contains(got.Text, articleLine) || got.Kind != "html" {
				t.Errorf("line %d: kind %q text %.100q, want the cleaned article", i+1, got.Kind, got.Text)
			}
		}
	}
	// The failed input is exactly {"source", "error"}.
	var fields map[string]any
	if err := json.Unmarshal([]byte(lines[2]), &fields); err != nil {
		t.Fatal(err)
	}
	if len(fields) != 2 || fields["source"] != missing || fields["error"] == nil || fields["error"] == "" {
		t.Errorf("failed input line = %s, want only source and a non-empty error", lines[2])
	}
	// The two successful lines are the same page.
	var a, b jsonOut
	json.Unmarshal([]byte(lines[0]), &a)
	json.Unmarshal([]byte(lines[1]), &b)
	if a.Text != b.Text {
		t.Errorf("gzip'ed page cleaned differently from the plain page")
	}
}

func TestCleanMarkdown(t *testing.T) {
	r := mustRun(t, nil, "clean", "--format", "markdown", articlePath)
	for _, want := range []string{
		"# Otters hold hands | Example News\n",
		"## Otters hold hands while they sleep\n",
		"## A favourite rock\n",
		"- Otters eat about a quarter of their body weight every day.\n",
		articleLine,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("markdown has no %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, articleJunk) {
		t.Errorf("markdown keeps the footer")
	}
}

func TestCleanTextSeveralInputsHeaders(t *testing.T) {
	r := mustRun(t, nil, "clean", articlePath, seedPath)
	for _, want := range []string{"==> " + articlePath + " <==\n", "\n\n==> " + seedPath + " <==\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output has no header %q", want)
		}
	}
	if strings.Index(r.stdout, articleLine) > strings.Index(r.stdout, seedArticleLine) {
		t.Errorf("outputs are not in input order")
	}
}

func TestCleanInputForcing(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		wantKind string
	}{
		{name: "auto", input: "auto", wantKind: "html"},
		{name: "html", input: "html", wantKind: "html"},
		{name: "text", input: "text", wantKind: "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, nil, "clean", "--format", "json", "--input", tt.input, articlePath)
			var got jsonOut
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			if got.Kind != tt.wantKind {
				t.Errorf("kind = %q, want %q", got.Kind, tt.wantKind)
			}
			if tt.wantKind == "text" {
				for _, b := range got.Blocks {
					if b.Tag != "line" {
						t.Fatalf("forced text: block %q has tag %q, want line", b.Text, b.Tag)
					}
				}
			}
		})
	}
}

func TestCleanFastKeepsRegion(t *testing.T) {
	r := mustRun(t, nil, "clean", "--fast", "--format", "json", articlePath)
	var got jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text, articleLine) {
		t.Errorf("--fast lost the article: %q", got.Text)
	}
	for _, b := range got.Blocks {
		if b.Region == "outside" && b.Label == classifier.Content {
			t.Errorf("--fast kept block %q outside the article region", b.Text)
		}
	}
}

func TestCleanBadInputs(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\x00\x00IEND\xaeB`\x82")
	tests := []struct {
		name      string
		data      []byte
		wantInErr string // in stderr, besides the file name
	}{
		{name: "png", data: png, wantInErr: "binary"},
		{name: "empty", data: nil, wantInErr: "no text"},
		{name: "blank lines", data: []byte("\n  \n\t\n"), wantInErr: "no text"},
		{name: "truncated gzip", data: corpustest.Gzip(t, readFile(t, articlePath))[:40], wantInErr: "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "input", tt.data)
			r := runCmd(t, nil, "clean", path)
			if r.code != 1 {
				t.Errorf("exit %d (err %v), want 1", r.code, r.err)
			}
			if !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, tt.wantInErr) {
				t.Errorf("stderr = %q, want the path and %q", r.stderr, tt.wantInErr)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

// TestCleanGoesOnAfterFailure checks that a failed input does not stop the
// inputs after it, in text output.
func TestCleanGoesOnAfterFailure(t *testing.T) {
	empty := writeFile(t, "empty.txt", nil)
	r := runCmd(t, nil, "clean", empty, articlePath)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stdout, articleLine) {
		t.Errorf("the input after the failed one was not cleaned:\n%s", r.stdout)
	}
}

func TestCleanModelGarbage(t *testing.T) {
	path := writeFile(t, "garbage.model", []byte("this is not a model\n"))
	r := runCmd(t, nil, "clean", "--model", path, seedPath)
	if r.code != 1 {
		t.Errorf("exit %d (err %v), want 1", r.code, r.err)
	}
	if r.err == nil || !strings.Contains(r.err.Error(), path) {
		t.Errorf("err = %v, want it to name %s", r.err, path)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
}

func TestCleanModelMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.model")
	r := runCmd(t, nil, "clean", "--model", path, seedPath)
	if r.code != 1 || r.err == nil || !strings.Contains(r.err.Error(), path) {
		t.Errorf("exit %d, err %v; want 1 and an error naming %s", r.code, r.err, path)
	}
}

// TestCleanJSONLOneInput checks that jsonl output from stdin is one object
// on one line, with source "-".
func TestCleanJSONLOneInput(t *testing.T) {
	r := mustRun(t, bytes.NewReader(readFile(t, seedPath)), "clean", "--format", "jsonl")
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		var got jsonOut
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if got.Source != "-" {
			t.Errorf("source = %q, want - for stdin", got.Source)
		}
	}
	if n != 1 {
		t.Errorf("%d lines, want 1", n)
	}
}
