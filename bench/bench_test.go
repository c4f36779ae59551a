package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

var articleParas = []string{
	"The river authority said on Tuesday that the new flood barrier, built over four years at a cost of twelve million pounds, had held back the highest tide recorded in the town since records began in 1921.",
	"Engineers had warned last winter that the old earth banks along the eastern meadows would not survive another storm surge, and residents of the low streets near the harbour were told to prepare sandbags and move valuables upstairs.",
	"When the water rose on Monday night, the steel gates closed automatically and the pumping station ran for eleven hours without a fault, according to the authority's chief engineer, who spoke to reporters at the quay.",
	"Shopkeepers on Bridge Street, which flooded three times in the past decade, said they had slept for the first time in years through a spring tide without listening for the sirens or checking the cellar every hour.",
	"The authority plans to extend the barrier along the western bank next year, although funding for the second phase has not yet been approved by the regional council, which meets again in the autumn to decide.",
	"Local historians note that the town was founded as a fishing port in the twelfth century and that the market square was rebuilt twice after great floods, once in 1607 and again after the storm of 1953.",
}

const junkLines = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>`

func articleHTML(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", title)
	b.WriteString("<header>" + junkLines + "</header>\n<main><article><h1>" + title + "</h1>\n")
	for _, p := range articleParas {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></main>\n<aside><h3>Most read</h3><ul><li><a href=\"/a\">Celebrity chef opens new restaurant</a></li><li><a href=\"/b\">Transfer news live</a></li></ul></aside>\n")
	b.WriteString("<footer><p>Copyright 2024 Example News. All rights reserved.</p><p>We use cookies to improve your experience.</p></footer></body></html>\n")
	return b.String()
}

// tinyCorpus writes a corpus of three pages: two articles and a bare
// navigation page.
func tinyCorpus(t *testing.T) *eval.Corpus {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{
		"a1": articleHTML("Flood barrier holds back record tide"),
		"a2": articleHTML("Town spared as new gates close"),
		"n1": "<html><head><title>Index</title></head><body>" + junkLines + "</body></html>",
	}
	gt := map[string]map[string]any{}
	body := strings.Join(articleParas, "\n")
	for id, h := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(h))
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		e := map[string]any{"url": "https://example.com/" + id, "articleBody": body,
			"with": []string{"steel gates closed automatically"}, "without": []string{"Transfer news live"}}
		if id == "n1" {
			e["articleBody"] = ""
			e["with"] = []string{}
		}
		gt[id] = e
	}
	data, _ := json.Marshal(gt)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := eval.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryExtractorOnTinyCorpus(t *testing.T) {
	c := tinyCorpus(t)
	for _, in := range []Input{InputHTML, InputText} {
		reports, err := RunCorpus(context.Background(), c, Options{Split: eval.SplitAll, Input: in, Extractors: Extractors(in)})
		if err != nil {
			t.Fatal(err)
		}
		if len(reports) != len(Extractors(in)) {
			t.Fatalf("%s: %d reports, want %d", in, len(reports), len(Extractors(in)))
		}
		for _, r := range reports {
			if r.Pages != 3 {
				t.Errorf("%s %s: %d pages, want 3", in, r.Name, r.Pages)
			}
			for _, res := range r.Results {
				if res.ID[0] != 'a' {
					continue
				}
				if res.Err != "" || res.Empty {
					t.Errorf("%s %s page %s: empty output (err %q)", in, r.Name, res.ID, res.Err)
				} else if res.R < 0.5 {
					t.Errorf("%s %s page %s: recall %.2f, want >= 0.5", in, r.Name, res.ID, res.R)
				}
			}
		}
		var b strings.Builder
		if err := WriteTable(&b, c.Name, eval.SplitAll, in, reports); err != nil {
			t.Fatal(err)
		}
		table := b.String()
		if !strings.Contains(table, "| extractor | pages | shingle P |") {
			t.Errorf("%s: table has no header:\n%s", in, table)
		}
		for _, e := range Extractors(in) {
			if !strings.Contains(table, "| "+e.Name+" | 3 |") {
				t.Errorf("%s: table has no row for %s:\n%s", in, e.Name, table)
			}
		}
	}
}

func TestGuard(t *testing.T) {
	hang := Guard(func(ctx context.Context, _ []byte, _ eval.Page) (string, error) {
		time.Sleep(2 * time.Second) // ignores ctx, like a peer would
		return "late", nil
	}, 50*time.Millisecond)
	start := time.Now()
	if _, err := hang(context.Background(), nil, eval.Page{}); !errors.Is(err, ErrTimeout) {
		t.Errorf("hanging extractor: err %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("hanging extractor took %s", d)
	}
	boom := Guard(func(context.Context, []byte, eval.Page) (string, error) { panic("boom") }, time.Second)
	if _, err := boom(context.Background(), nil, eval.Page{}); err == nil || !strings.Contains(err.Error(), "panic: boom") {
		t.Errorf("panicking extractor: err %v", err)
	}
	ok := Guard(func(context.Context, []byte, eval.Page) (string, error) { return "text", nil }, time.Second)
	if out, err := ok(context.Background(), nil, eval.Page{}); out != "text" || err != nil {
		t.Errorf("ok extractor: %q, %v", out, err)
	}
}

func TestC4(t *testing.T) {
	keep := []string{
		"The barrier held back the highest tide on record.",
		"Did the steel gates close in time for the tide?",
		`He said "the gates will hold."`,
		"新的防洪闸门在周一晚上自动关闭，挡住了有记录以来的最高潮位。",
		"他说：“闸门一定能挡住潮水。”",
	}
	drop := []string{
		"Home News Sport Weather", // no terminal punctuation
		"Read more.",              // too few words
		"Please enable JavaScript to view the comments on this page.", // javascript
		"We use cookies to improve your experience on this site.",     // cookie
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit.",    // lorem ipsum
		"function f() { return the value of x here; }.",               // curly brace
		"首页。",         // too few CJK characters (1.5 words)
		"新闻 体育 天气 财经", // no terminal punctuation
	}
	for _, l := range keep {
		if got := C4(l + "\n"); got != l+"\n" {
			t.Errorf("C4 dropped %q", l)
		}
	}
	for _, l := range drop {
		if got := C4(l); got != "" {
			t.Errorf("C4 kept %q", l)
		}
	}
	in := "  " + keep[0] + "  \n\n" + drop[0] + "\r\n" + keep[3]
	if got, want := C4(in), keep[0]+"\n"+keep[3]+"\n"; got != want {
		t.Errorf("C4(%q) = %q, want %q", in, got, want)
	}
}

func TestSelect(t *testing.T) {
	got, err := Select(HTMLExtractors(), []string{"winnow", "go-trafilatura"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "go-trafilatura" || got[1].Name != "winnow" {
		t.Errorf("Select kept %v", got)
	}
	if _, err := Select(HTMLExtractors(), []string{"nope"}); err == nil {
		t.Error("Select accepted an unknown name")
	}
}

// TestWceb1000Pages runs every HTML extractor on three pages of the shared
// corpus, when it is there.
func TestWceb1000Pages(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "wceb1000")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skip("shared corpus not present:", err)
	}
	c, err := eval.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Pages = c.Pages[:3]
	reports, err := RunCorpus(context.Background(), c, Options{Split: eval.SplitAll, Input: InputHTML, Extractors: HTMLExtractors()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if r.Pages != 3 || r.Errors > 1 || r.Empty > 1 {
			t.Errorf("%s: %d pages, %d errors, %d empty", r.Name, r.Pages, r.Errors, r.Empty)
		}
	}
}

// TestCeilingRow checks the ceiling row: last, untimed, and not below any
// extractor on the same pages.
func TestCeilingRow(t *testing.T) {
	c := tinyCorpus(t)
	for _, in := range []Input{InputHTML, InputText} {
		reports, err := RunCorpus(context.Background(), c, Options{Split: eval.SplitAll, Input: in, Extractors: Extractors(in), Ceiling: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(reports) != len(Extractors(in))+1 {
			t.Fatalf("%s: %d reports, want %d", in, len(reports), len(Extractors(in))+1)
		}
		ceil := reports[len(reports)-1]
		if ceil.Name != CeilingName || ceil.Pages != 3 || ceil.Errors != 0 || ceil.PagesPerSec != 0 {
			t.Errorf("%s: last row %q, %d pages, %d errors, %.1f pages/s; want %q, 3, 0, untimed", in, ceil.Name, ceil.Pages, ceil.Errors, ceil.PagesPerSec, CeilingName)
		}
		for _, r := range reports[:len(reports)-1] {
			// An estimate (eval.Ceiling), not a strict bound: a small allowance.
			if r.Shingle.F1 > ceil.Shingle.F1+0.01 {
				t.Errorf("%s: %s scores F1 %.3f, above the ceiling's %.3f", in, r.Name, r.Shingle.F1, ceil.Shingle.F1)
			}
		}
		var b strings.Builder
		if err := WriteTable(&b, c.Name, eval.SplitAll, in, reports); err != nil {
			t.Fatal(err)
		}
		var row string
		for _, line := range strings.Split(b.String(), "\n") {
			if strings.HasPrefix(line, "| "+CeilingName+" | 3 |") {
				row = line
			}
		}
		if !strings.HasSuffix(row, "| — |") {
			t.Errorf("%s: no untimed ceiling row (pages/s —):\n%s", in, b.String())
		}
	}
}

// TestSnippetsOnlyCorpus checks a corpus whose truth has snippets and no
// article bodies (as trafilatura's comparison set): no ceiling row, a
// progress line with the snippet F, and a table that shows snippet F alone.
func TestSnippetsOnlyCorpus(t *testing.T) {
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), "snips"), []corpustest.Page{
		{ID: "a1", HTML: []byte(articleHTML("Flood barrier holds back record tide")), SnippetsOnly: true,
			With: []string{"steel gates closed automatically"}, Without: []string{"Transfer news live"}},
		{ID: "a2", HTML: []byte(articleHTML("Town spared as new gates close")), SnippetsOnly: true,
			With: []string{"steel gates closed automatically"}, Without: []string{"Transfer news live"}},
	})
	c, err := eval.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	exs, err := Select(HTMLExtractors(), []string{"winnow"})
	if err != nil {
		t.Fatal(err)
	}
	var progress strings.Builder
	reports, err := RunCorpus(context.Background(), c, Options{Split: eval.SplitAll, Input: InputHTML, Extractors: exs, Ceiling: true, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0].Name != "winnow" {
		t.Fatalf("%d reports (want winnow alone, no ceiling row)", len(reports))
	}
	if !strings.Contains(progress.String(), "winnow: snippet F 1.0000") {
		t.Errorf("progress %q does not give the snippet F", progress.String())
	}
	var b strings.Builder
	if err := WriteTable(&b, c.Name, eval.SplitAll, InputHTML, reports); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"its truth has no article bodies", "| winnow | 2 | — | — | — | **1.000** |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

// TestCeilingRowMixedCorpus checks that on a corpus where some pages have
// an article body and some only snippets, the ceiling row scores the pages
// with a body, without errors.
func TestCeilingRowMixedCorpus(t *testing.T) {
	body := strings.Join(articleParas, "\n")
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), "mixed"), []corpustest.Page{
		{ID: "a1", HTML: []byte(articleHTML("Flood barrier holds back record tide")), Body: body},
		{ID: "a2", HTML: []byte(articleHTML("Town spared as new gates close")), SnippetsOnly: true,
			With: []string{"steel gates closed automatically"}},
	})
	c, err := eval.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	exs, err := Select(HTMLExtractors(), []string{"winnow"})
	if err != nil {
		t.Fatal(err)
	}
	reports, err := RunCorpus(context.Background(), c, Options{Split: eval.SplitAll, Input: InputHTML, Extractors: exs, Ceiling: true})
	if err != nil {
		t.Fatal(err)
	}
	ceil := reports[len(reports)-1]
	if ceil.Name != CeilingName || ceil.Pages != 1 || ceil.Errors != 0 || ceil.Shingle.F1 < 0.9 {
		t.Errorf("ceiling row %q: %d pages, %d errors, F1 %.3f; want 1 page (the one with a body), 0 errors", ceil.Name, ceil.Pages, ceil.Errors, ceil.Shingle.F1)
	}
}

// TestWriteTableEmptySplit checks that a table of a split with no pages
// does not claim the corpus has no article bodies.
func TestWriteTableEmptySplit(t *testing.T) {
	var b strings.Builder
	r := &eval.Report{Name: "winnow"}
	if err := WriteTable(&b, "tiny", eval.SplitDev, InputHTML, []*eval.Report{r}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "no article bodies") || strings.Contains(b.String(), "| — | — | — |") {
		t.Errorf("an empty split's table speaks of missing bodies:\n%s", b.String())
	}
}
