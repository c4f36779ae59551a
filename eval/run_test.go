package eval

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/internal/corpustest"
)

func truthExtractor(c *Corpus) Extractor {
	return func(_ context.Context, _ []byte, p Page) (string, error) {
		q, _ := c.Page(p.ID)
		return q.Body, nil
	}
}

func TestRunGroundTruth(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	for _, workers := range []int{1, 2, 8} {
		r, err := Run(context.Background(), c, SplitAll, "truth", truthExtractor(c), workers)
		if err != nil {
			t.Fatal(err)
		}
		if r.Pages != 3 || r.Empty != 0 || r.Errors != 0 || r.CJKPages != 1 {
			t.Errorf("workers=%d: report = %+v", workers, r)
		}
		if r.Shingle.F1 != 1 || r.Shingle.Precision != 1 || r.Shingle.Recall != 1 {
			t.Errorf("workers=%d: shingle = %+v, want 1", workers, r.Shingle)
		}
		if want := (SnippetCounts{TP: 4, TN: 4}); r.Snippet != want {
			t.Errorf("workers=%d: snippet = %+v, want %+v", workers, r.Snippet, want)
		}
		for i, id := range []string{"a1", "b2", "c3"} {
			if res := r.Results[i]; res.ID != id || res.Corpus != "tinycorpus" || res.F1 != 1 || res.Bytes == 0 {
				t.Errorf("workers=%d: result %d = %+v", workers, i, res)
			}
		}
		if !r.Results[1].CJK {
			t.Error("b2 not scored as CJK")
		}
	}
}

func TestRunFailures(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	fail := func(_ context.Context, _ []byte, p Page) (string, error) {
		if p.ID == "b2" {
			panic("boom")
		}
		return "", errors.New("no article")
	}
	r, err := Run(context.Background(), c, SplitAll, "fail", fail, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 3 || r.Empty != 3 {
		t.Errorf("Errors, Empty = %d, %d; want 3, 3", r.Errors, r.Empty)
	}
	if r.Shingle != (Scores{Pages: 3}) {
		t.Errorf("Shingle = %+v, want zeros", r.Shingle)
	}
	if !strings.Contains(r.Results[1].Err, "panic: boom") {
		t.Errorf("b2 Err = %q", r.Results[1].Err)
	}
	if want := (SnippetCounts{FN: 4, TN: 4}); r.Snippet != want {
		t.Errorf("snippet = %+v, want %+v", r.Snippet, want)
	}
}

func TestRunRawBytes(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	var got []string
	ex := func(_ context.Context, raw []byte, p Page) (string, error) {
		got = append(got, p.ID)
		if !bytes.HasPrefix(raw, []byte("<html>")) {
			t.Errorf("%s: raw = %q, want decompressed html", p.ID, raw)
		}
		return "", nil
	}
	if _, err := Run(context.Background(), c, SplitAll, "raw", ex, 1); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a1,b2,c3" {
		t.Errorf("pages in order %v", got)
	}
}

func TestRunSplit(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	var n int
	for _, p := range c.Pages {
		if SplitOf(p.ID) == SplitDev {
			n++
		}
	}
	r, err := Run(context.Background(), c, SplitDev, "truth", truthExtractor(c), 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages != n || r.Split != "dev" {
		t.Errorf("dev run: %d pages, split %q; want %d, dev", r.Pages, r.Split, n)
	}
}

func TestRunCancelled(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, workers := range []int{1, 4} {
		_, err := Run(ctx, c, SplitAll, "x", truthExtractor(c), workers)
		if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "eval: ") {
			t.Errorf("workers=%d: err = %v", workers, err)
		}
	}
}

func TestWriteText(t *testing.T) {
	c := mustLoad(t, tinyCorpus)
	ex := func(_ context.Context, _ []byte, p Page) (string, error) {
		if p.ID == "c3" {
			return "", nil
		}
		q, _ := c.Page(p.ID)
		return q.Body, nil
	}
	r, err := Run(context.Background(), c, SplitAll, "mostly", ex, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b, 2); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"mostly", "tinycorpus/all", "3 pages, 1 empty, 0 errors, 1 scored as CJK",
		"shingle", "snippet", "pages/s", "worst pages", "c3", "a1"} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteText output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\nb2 ") {
		t.Errorf("only the 2 worst pages should be listed:\n%s", out)
	}
	if !strings.Contains(out, "snippet  P 1.0000") {
		t.Errorf("snippet line missing or misaligned:\n%s", out)
	}
	b.Reset()
	r.WriteText(&b, 0)
	if strings.Contains(b.String(), "worst") {
		t.Errorf("pages=0 listed pages:\n%s", b.String())
	}
}

// A page whose truth gives snippets but no article body is scored by its
// snippets alone: it stays out of the shingle averages, and the text report
// says so and ranks it by its snippet F.
func TestRunSnippetsOnly(t *testing.T) {
	dir := corpustest.Write(t, t.TempDir(), []corpustest.Page{
		{ID: "body", HTML: []byte("<p>x</p>"), Body: "the article body of this page", With: []string{"article body"}},
		{ID: "snip", HTML: []byte("<p>x</p>"), With: []string{"kept line"}, Without: []string{"menu"}, SnippetsOnly: true},
		{ID: "none", HTML: []byte("<p>x</p>"), SnippetsOnly: true},
	})
	c := mustLoad(t, dir)
	ex := func(_ context.Context, _ []byte, p Page) (string, error) {
		if p.ID == "body" {
			return "the article body of this page", nil
		}
		return "a kept line and the menu", nil
	}
	r, err := Run(context.Background(), c, SplitAll, "ex", ex, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Shingle != (Scores{Precision: 1, Recall: 1, F1: 1, Pages: 1}) {
		t.Errorf("shingle = %+v, want a perfect score over the one page with a body", r.Shingle)
	}
	if want := (SnippetCounts{TP: 2, FP: 1}); r.Snippet != want {
		t.Errorf("snippet = %+v, want %+v", r.Snippet, want)
	}
	for _, res := range r.Results {
		if res.NoBody != (res.ID != "body") {
			t.Errorf("%s: NoBody = %v", res.ID, res.NoBody)
		}
	}
	if m := Merge(r); m.Shingle != r.Shingle {
		t.Errorf("Merge: shingle = %+v, want %+v", m.Shingle, r.Shingle)
	}
	var b strings.Builder
	if err := r.WriteText(&b, 5); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"F1 1.0000", "(2 pages without an article body: snippets only)",
		"snip         0.667  0.500  1.000  snippets only"} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteText output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\nnone ") {
		t.Errorf("a page with neither a body nor snippets was ranked:\n%s", out)
	}

	only := c.Filter(func(id string) bool { return id != "body" })
	r, err = Run(context.Background(), only, SplitAll, "ex", ex, 1)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := r.WriteText(&b, 0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "no page's truth has an article body") || strings.Contains(b.String(), "F1 0.0000") {
		t.Errorf("a corpus of snippets only printed a shingle score:\n%s", b.String())
	}
}

// TestWorstPagesBySnippets checks that --pages ranks a page without an
// article body by its snippet F, not by its (zero) shingle F1: a page of
// snippets only that is perfect comes after a page with a body scored 0.57,
// although its id sorts first.
func TestWorstPagesBySnippets(t *testing.T) {
	dir := corpustest.Write(t, t.TempDir(), []corpustest.Page{
		{ID: "z-half", HTML: []byte("<p>x</p>"), Body: "one two three four five six seven eight"},
		{ID: "a-snip", HTML: []byte("<p>x</p>"), With: []string{"kept line"}, SnippetsOnly: true},
	})
	c := mustLoad(t, dir)
	ex := func(_ context.Context, _ []byte, p Page) (string, error) {
		if p.ID == "z-half" {
			return "one two three four five", nil
		}
		return "a kept line", nil
	}
	r, err := Run(context.Background(), c, SplitAll, "ex", ex, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b, 2); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if h, s := strings.Index(out, "\nz-half "), strings.Index(out, "\na-snip "); h < 0 || s < 0 || h > s {
		t.Errorf("want z-half (F1 below 1) listed before a-snip (snippet F 1):\n%s", out)
	}
}
