package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// evalReport is the part of an eval report that the tests read.
type evalReport struct {
	Corpus, Split, Name  string
	Pages, Empty, Errors int
	CJKPages             int
	Shingle              struct{ Precision, Recall, F1 float64 }
	Results              []struct {
		ID  string
		F1  float64
		Err string
	}
}

func TestEvalText(t *testing.T) {
	dir := makeCorpus(t)
	r := mustRun(t, nil, "eval", "--split", "all", "--pages", "2", dir)
	for _, want := range []string{"tiny/all", "3 pages", "0 errors", "1 scored as CJK", "shingle", "F1 ", "worst pages"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output has no %q:\n%s", want, r.stdout)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	dir := makeCorpus(t)
	tests := []struct {
		name     string
		args     []string
		wantName string
	}{
		{name: "html", args: nil, wantName: "winnow (html)"},
		{name: "fast", args: []string{"--fast"}, wantName: "winnow --fast (html)"},
		{name: "text input", args: []string{"--input", "text"}, wantName: "winnow (text)"},
		{name: "wrapped text input", args: []string{"--input", "text", "--wrap", "40"}, wantName: "winnow (text wrapped at 40)"},
		{name: "two workers", args: []string{"-j", "2"}, wantName: "winnow (html)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"eval", "--json", "--split", "all"}, tt.args...), dir)
			r := mustRun(t, nil, args...)
			var reps []evalReport
			if err := jsonUnmarshal(r.stdout, &reps); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
			}
			if len(reps) != 1 {
				t.Fatalf("%d reports, want 1", len(reps))
			}
			rep := reps[0]
			if rep.Corpus != "tiny" || rep.Split != "all" || rep.Name != tt.wantName {
				t.Errorf("report for %q/%q by %q, want tiny/all by %q", rep.Corpus, rep.Split, rep.Name, tt.wantName)
			}
			if rep.Pages != 3 || rep.Errors != 0 || rep.Empty != 0 || rep.CJKPages != 1 {
				t.Errorf("pages %d, errors %d, empty %d, CJK %d; want 3, 0, 0, 1", rep.Pages, rep.Errors, rep.Empty, rep.CJKPages)
			}
			if rep.Shingle.F1 <= 0.5 {
				t.Errorf("shingle F1 = %.3f, want > 0.5 on these easy pages", rep.Shingle.F1)
			}
			for _, res := range rep.Results {
				if res.F1 <= 0.5 {
					t.Errorf("page %s: F1 %.3f, want > 0.5", res.ID, res.F1)
				}
			}
		})
	}
}

// TestEvalWrap checks that --wrap reaches each way eval scores text
// exports: wrapped at 12 columns, too narrow to be joined back, the exports'
// lines are cut into pieces, and every report changes.
func TestEvalWrap(t *testing.T) {
	dir := makeCorpus(t)
	for _, mode := range [][]string{nil, {"--ceiling"}, {"--cv", "2"}} {
		t.Run(strings.Join(append([]string{"eval"}, mode...), " "), func(t *testing.T) {
			if len(mode) > 0 && mode[0] == "--cv" {
				t.Chdir(filepath.Join("..", "..")) // the default recipe's hand-labelled lines
			}
			results := func(extra ...string) string {
				args := append(append(append([]string{"eval", "--json", "--split", "all", "--input", "text"}, mode...), extra...), dir)
				var reps []evalReport
				if err := jsonUnmarshal(mustRun(t, nil, args...).stdout, &reps); err != nil || len(reps) != 1 {
					t.Fatalf("%v: %v, %d reports", args, err, len(reps))
				}
				return fmt.Sprint(reps[0].Shingle, reps[0].Results)
			}
			if plain, wrapped := results(), results("--wrap", "12"); plain == wrapped {
				t.Errorf("--wrap 12 changed nothing: %s", plain)
			}
		})
	}
}

// TestEvalTextCmd checks that --text-cmd makes the text exports with a
// command: one that strips the tags scores the pages, one that fails or
// prints without end makes every page an error with the command named, and
// the flag needs --input text.
func TestEvalTextCmd(t *testing.T) {
	dir := makeCorpus(t)
	run := func(cmd string) evalReport {
		t.Helper()
		var reps []evalReport
		r := mustRun(t, nil, "eval", "--json", "--split", "all", "--input", "text", "--text-cmd", cmd, dir)
		if err := jsonUnmarshal(r.stdout, &reps); err != nil || len(reps) != 1 {
			t.Fatalf("--text-cmd %q: %v, %d reports", cmd, err, len(reps))
		}
		return reps[0]
	}
	rep := run(`sed -e 's/<[^>]*>/\n/g'`)
	if rep.Name != "winnow (text from sed)" || rep.Pages != 3 || rep.Errors != 0 || rep.Shingle.F1 <= 0.5 {
		t.Errorf("tags stripped by sed: %q, %d pages, %d errors, F1 %.3f; want winnow (text from sed), 3, 0, > 0.5", rep.Name, rep.Pages, rep.Errors, rep.Shingle.F1)
	}
	for cmd, want := range map[string]string{"echo broken >&2; false": "broken", "yes": "more than"} {
		rep := run(cmd)
		if rep.Errors != 3 {
			t.Errorf("--text-cmd %q: %d errors, want 3", cmd, rep.Errors)
		}
		for _, res := range rep.Results {
			if !strings.Contains(res.Err, cmd) || !strings.Contains(res.Err, want) {
				t.Errorf("--text-cmd %q: page %s: error %q, want the command and %q", cmd, res.ID, res.Err, want)
			}
		}
	}
	for _, extra := range [][]string{{"--text-cmd", "cat"}, {"--input", "text", "--text-cmd", "cat", "--wrap", "78"}} {
		args := append(append([]string{"eval", "--split", "all"}, extra...), dir)
		if r := runCmd(t, nil, args...); r.code != 2 || !strings.Contains(r.stderr, "--text-cmd") {
			t.Errorf("eval %v: exit %d, stderr %q; want 2 and a message", extra, r.code, r.stderr)
		}
	}
}

func TestTextExporterName(t *testing.T) {
	for cmd, want := range map[string]string{
		"":                                 "text",
		"lynx -dump -stdin":                "text from lynx",
		"LANG=C lynx -dump -stdin":         "text from lynx",
		"(printf x; cat)":                  "text from printf",
		"/usr/bin/python3 -c 'import sys'": "text from python3",
	} {
		if got := (textExporter{cmd: cmd}).name(); got != want {
			t.Errorf("name of %q = %q, want %q", cmd, got, want)
		}
	}
	if got := (textExporter{wrap: 78}).name(); got != "text wrapped at 78" {
		t.Errorf("name with wrap 78 = %q", got)
	}
}

// TestTextExporterBOM checks that a command gets the page's HTML decoded to
// UTF-8 after a byte order mark, whatever charset the page declares.
func TestTextExporterBOM(t *testing.T) {
	page := []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 au lait.</p></body></html>")
	got, err := textExporter{cmd: "cat"}.export(t.Context(), page)
	if err != nil || !strings.HasPrefix(got, "\ufeff<html>") || !strings.Contains(got, "Café au lait.") {
		t.Errorf("export by cat = %q, %v; want a BOM and the page in UTF-8", got, err)
	}
}

// TestTextExporterTimeout checks that a text export command that takes too
// long is killed and named in the error, and one that floods its standard
// error is still read to its end.
func TestTextExporterTimeout(t *testing.T) {
	page := []byte("<html><body><p>A page of one sentence.</p></body></html>")
	e := textExporter{cmd: "sleep 10", timeout: 100 * time.Millisecond}
	start := time.Now()
	if _, err := e.export(t.Context(), page); err == nil || !strings.Contains(err.Error(), "sleep 10") || !strings.Contains(err.Error(), "not done within") {
		t.Errorf("export by sleep 10: error %v, want one naming the command and the time out", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("export by sleep 10 took %v: the command was not killed", d)
	}
	e = textExporter{cmd: "head -c 1000000 /dev/zero | tr '\\0' x >&2; cat"}
	got, err := e.export(t.Context(), page)
	if err != nil || !strings.Contains(got, "A page of one sentence.") {
		t.Errorf("export by a command flooding stderr: %q, %v; want the page's HTML back", got, err)
	}
}

// TestEvalWrapUsage checks that --wrap takes a positive width and text input.
func TestEvalWrapUsage(t *testing.T) {
	dir := makeCorpus(t)
	for _, extra := range [][]string{{"--wrap", "78"}, {"--input", "text", "--wrap", "-1"}} {
		args := append(append([]string{"eval", "--split", "all"}, extra...), dir)
		if r := runCmd(t, nil, args...); r.code != 2 || !strings.Contains(r.stderr, "--wrap") {
			t.Errorf("eval %v: exit %d, stderr %q; want 2 and a message on --wrap", extra, r.code, r.stderr)
		}
	}
}

func TestEvalTwoCorpora(t *testing.T) {
	a, b := makeCorpus(t), makeCorpus(t)
	r := mustRun(t, nil, "eval", "--json", "--split", "all", a, b)
	var reps []evalReport
	if err := jsonUnmarshal(r.stdout, &reps); err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 {
		t.Errorf("%d reports, want one per corpus", len(reps))
	}
}

func TestEvalWithModel(t *testing.T) {
	dir := makeCorpus(t)
	m, _ := train(t, "m.model", "--in", trainPath)
	mustRun(t, nil, "eval", "--split", "all", "--model", m, dir)

	bad := writeFile(t, "bad.model", []byte("garbage"))
	r := runCmd(t, nil, "eval", "--split", "all", "--model", bad, dir)
	if r.code != 1 || !strings.Contains(r.err.Error(), bad) {
		t.Errorf("bad model: exit %d, err %v; want 1 and an error naming %s", r.code, r.err, bad)
	}
}

func TestEvalCorpusErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T) string // returns the corpus dir
	}{
		{name: "no such dir", setup: func(t *testing.T) string { return filepath.Join(t.TempDir(), "none") }},
		{name: "bad ground truth", setup: func(t *testing.T) string {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte("{not json"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
		{name: "page without html", setup: func(t *testing.T) string {
			dir := makeCorpus(t)
			if err := os.Remove(filepath.Join(dir, "html", "otters.html.gz")); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.setup(t)
			r := runCmd(t, nil, "eval", "--split", "all", dir)
			if r.code != 1 {
				t.Errorf("exit %d (err %v), want 1", r.code, r.err)
			}
		})
	}
}

// TestEvalSnippetsOnly checks a corpus whose truth has snippets but no
// article bodies: eval scores its snippets and says there is no shingle
// score, and --ceiling, which needs the bodies, fails with a message.
func TestEvalSnippetsOnly(t *testing.T) {
	var pages []corpustest.Page
	for _, p := range corpusPages {
		pages = append(pages, corpustest.Page{ID: p.id, HTML: []byte(p.html), With: p.body[:1], Without: []string{"Subscribe"}, SnippetsOnly: true})
	}
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), "snips"), pages)
	r := mustRun(t, nil, "eval", "--split", "all", dir)
	for _, want := range []string{"no page's truth has an article body", "(TP 3 FP 0 FN 0 TN 3)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output has no %q:\n%s", want, r.stdout)
		}
	}
	r = runCmd(t, nil, "eval", "--split", "all", "--ceiling", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "has an article body") {
		t.Errorf("eval --ceiling: exit %d, stderr %q; want 1 and a message", r.code, r.stderr)
	}
	// Nothing to learn from: label, train --corpus and eval --train-corpus
	// fail, and label makes no output file.
	out := filepath.Join(t.TempDir(), "labels.jsonl")
	for _, args := range [][]string{
		{"label", "--split", "all", "--out", out, dir},
		{"train", "--corpus", dir, "--out", filepath.Join(t.TempDir(), "m.model")},
		{"eval", "--cv", "2", "--train-corpus", dir, "--split", "all", dir},
	} {
		r := runCmd(t, nil, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "split") || !strings.Contains(r.stderr, "has an article body") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and a message", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("label made an output file for a corpus it could not label")
	}
}

// TestEvalMixedBodies checks a corpus where some pages have an article body
// and some only snippets: --ceiling scores the pages with a body, and label
// skips the others with one line for the lot.
func TestEvalMixedBodies(t *testing.T) {
	var pages []corpustest.Page
	for i, p := range corpusPages {
		pages = append(pages, corpustest.Page{ID: p.id, HTML: []byte(p.html), Body: strings.Join(p.body, "\n\n"), SnippetsOnly: i == 0})
	}
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), "mixed"), pages)
	var reps []evalReport
	r := mustRun(t, nil, "eval", "--json", "--split", "all", "--ceiling", dir)
	if err := jsonUnmarshal(r.stdout, &reps); err != nil || len(reps) != 1 {
		t.Fatalf("ceiling report: %v\n%s", err, r.stdout)
	}
	if rep := reps[0]; rep.Pages != len(pages)-1 || rep.Errors != 0 {
		t.Errorf("ceiling: %d pages, %d errors; want %d (those with a body), 0", rep.Pages, rep.Errors, len(pages)-1)
	}
	r = mustRun(t, nil, "label", "--split", "all", dir)
	if n := strings.Count(r.stderr, "article body"); n != 1 || !strings.Contains(r.stderr, ": 1 page(s)") {
		t.Errorf("label: stderr %q; want one line saying 1 page was skipped", r.stderr)
	}
	// A second corpus of snippets only: --ceiling says so and scores the
	// first; eval --cv warns that its folds learn nothing from it.
	var snips []corpustest.Page
	for _, p := range corpusPages {
		snips = append(snips, corpustest.Page{ID: p.id, HTML: []byte(p.html), With: p.body[:1], SnippetsOnly: true})
	}
	snipDir := corpustest.Write(t, filepath.Join(t.TempDir(), "snips"), snips)
	r = mustRun(t, nil, "eval", "--json", "--split", "all", "--ceiling", snipDir, dir)
	if err := jsonUnmarshal(r.stdout, &reps); err != nil || len(reps) != 1 || reps[0].Corpus != "mixed" {
		t.Errorf("ceiling over a snippets-only and a mixed corpus: %v, %+v; want the mixed corpus's report", err, reps)
	}
	if !strings.Contains(r.stderr, "corpus snips: 0 of the") {
		t.Errorf("ceiling: stderr %q does not say the snippets-only corpus was skipped", r.stderr)
	}
	// (The folds' models need the hand-labelled lines, not found from this
	// directory: only the warning before them is checked.)
	r = runCmd(t, nil, "eval", "--cv", "2", "--split", "all", snipDir)
	if !strings.Contains(r.stderr, "learn nothing from it") {
		t.Errorf("eval --cv on snippets only: stderr %q gives no warning", r.stderr)
	}
}

// TestBodiesOutsideTheSplit checks a corpus whose article bodies are all on
// pages of the dev split: train --corpus and label (train split by
// default), which would learn nothing, fail and name the split; label
// --split dev labels.
func TestBodiesOutsideTheSplit(t *testing.T) {
	var pages []corpustest.Page
	dev := 0
	for i := range 20 {
		p := corpusPages[i%len(corpusPages)]
		id := fmt.Sprintf("page%02d", i)
		inDev := eval.SplitDev.Has(id)
		if inDev {
			dev++
		}
		pages = append(pages, corpustest.Page{ID: id, HTML: []byte(p.html), Body: strings.Join(p.body, "\n\n"), With: p.body[:1], SnippetsOnly: !inDev})
	}
	if dev == 0 || dev == len(pages) {
		t.Fatalf("%d of the %d test pages are in the dev split: the test needs both splits", dev, len(pages))
	}
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), "devbodies"), pages)
	for _, args := range [][]string{
		{"train", "--corpus", dir, "--out", filepath.Join(t.TempDir(), "m.model")},
		{"label", dir},
	} {
		r := runCmd(t, nil, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "train split") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and the train split named", args, r.code, r.stderr)
		}
	}
	if r := mustRun(t, nil, "label", "--split", "dev", dir); !strings.Contains(r.stderr, "labelled") {
		t.Errorf("label --split dev: stderr %q", r.stderr)
	}
}

// TestEvalCeiling checks that --ceiling scores the truth-aware choice of
// whole blocks, for HTML and text exports, at or above winnow's own score
// on the same pages, and that it takes no model flags.
func TestEvalCeiling(t *testing.T) {
	dir := makeCorpus(t)
	for _, input := range []string{"html", "text"} {
		t.Run(input, func(t *testing.T) {
			var ceil, own []evalReport
			r := mustRun(t, nil, "eval", "--json", "--split", "all", "--input", input, "--ceiling", dir)
			if err := jsonUnmarshal(r.stdout, &ceil); err != nil || len(ceil) != 1 {
				t.Fatalf("ceiling report: %v, %d reports\n%s", err, len(ceil), r.stdout)
			}
			r = mustRun(t, nil, "eval", "--json", "--split", "all", "--input", input, dir)
			if err := jsonUnmarshal(r.stdout, &own); err != nil || len(own) != 1 {
				t.Fatalf("winnow report: %v, %d reports", err, len(own))
			}
			c := ceil[0]
			if want := "ceiling (" + input + ")"; c.Name != want || c.Pages != 3 || c.Errors != 0 {
				t.Errorf("report %q, %d pages, %d errors; want %q, 3, 0", c.Name, c.Pages, c.Errors, want)
			}
			// The ceiling is an estimate (eval.Ceiling), not a strict bound,
			// hence the small allowance.
			if c.Shingle.F1 < 0.95 || c.Shingle.F1 < own[0].Shingle.F1-0.01 {
				t.Errorf("ceiling F1 %.3f, winnow %.3f: want the ceiling >= 0.95 and not below winnow", c.Shingle.F1, own[0].Shingle.F1)
			}
		})
	}
	for _, extra := range [][]string{{"--cv", "2"}, {"--fast"}, {"--threshold", "0.5"}, {"--model", "x.model"}, {"--train-corpus", dir}} {
		args := append(append([]string{"eval", "--split", "all", "--ceiling"}, extra...), dir)
		if r := runCmd(t, nil, args...); r.code != 2 {
			t.Errorf("eval --ceiling %v: exit %d (err %v), want 2 (usage)", extra, r.code, r.err)
		}
	}
}
