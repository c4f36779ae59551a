package eval

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// Extractor extracts the article text of one page. raw is the page's
// decompressed bytes in their original encoding; page carries its id and
// URL (an extractor must not peek at the ground truth it is scored on).
type Extractor func(ctx context.Context, raw []byte, page Page) (string, error)

// PageResult is one page's outcome in a [Report].
type PageResult struct {
	ID     string
	Corpus string
	// P, R and F1 are the page's shingle precision, recall and F1.
	P, R, F1 float64
	// Counts are the page's normalised shingle counts.
	Counts PRF
	// NoBody reports that the truth has no article body: the page has
	// snippet counts only, and P, R, F1 and Counts are zero and left out
	// of the report's shingle scores.
	NoBody bool `json:",omitempty"`
	// CJK reports whether the page was scored with per-character tokens.
	CJK bool
	// Empty reports that the output had no tokens.
	Empty bool
	// Err is the extractor's error, if any; the page is then scored as an
	// empty output.
	Err string
	// Snippet are the page's snippet matches.
	Snippet SnippetCounts
	// Bytes is the size of the decompressed page.
	Bytes int
	// Duration is the time the extractor took on the page.
	Duration time.Duration
}

// Report is the outcome of [Run].
type Report struct {
	Corpus string // corpus name
	Split  string // "all", "train" or "dev"
	Name   string // extractor name
	// Pages is the number of pages run; Empty of those with no output
	// tokens; Errors of those whose extractor call failed.
	Pages, Empty, Errors int
	// CJKPages is the number of pages scored with per-character tokens
	// (their ground truth is mostly CJK, see [IsCJKText]).
	CJKPages int
	// Shingle is the shingle score over the pages whose truth has an
	// article body (Shingle.Pages of them; see [Page.HasBody]).
	Shingle Scores
	// Snippet are the snippet matches summed over all pages.
	Snippet SnippetCounts
	// Workers is the number of goroutines that ran the extractor.
	Workers int
	// Elapsed is the wall time of the extractor calls (reading and
	// decompressing the pages and scoring are not included).
	Elapsed time.Duration
	// PagesPerSec is Pages / Elapsed.
	PagesPerSec float64
	// Results are per page, in ID order.
	Results []PageResult
}

// Run applies ex to the pages of c in split and scores the outputs. It reads
// and decompresses all selected pages first, so only the extractor calls are
// timed. workers <= 1 runs the extractor on the calling goroutine (use that
// for timing); more run it concurrently, and ex must then be safe for
// concurrent use. An extractor error or panic is recorded in the page's
// result and the page is scored as empty; a page that cannot be read, or a
// cancelled ctx, fails the run.
func Run(ctx context.Context, c *Corpus, split Split, name string, ex Extractor, workers int) (*Report, error) {
	var pages []Page
	for _, p := range c.Pages {
		if split.Has(p.ID) {
			pages = append(pages, p)
		}
	}
	raws := make([][]byte, len(pages))
	for i, p := range pages {
		b, err := c.ReadPage(p.ID)
		if err != nil {
			return nil, fmt.Errorf("eval: run %s: %w", name, err)
		}
		raws[i] = b
	}

	workers = max(1, min(workers, len(pages)))
	outs := make([]string, len(pages))
	errs := make([]error, len(pages))
	durs := make([]time.Duration, len(pages))
	call := func(i int) {
		t := time.Now()
		outs[i], errs[i] = safeCall(ctx, ex, raws[i], pages[i])
		durs[i] = time.Since(t)
	}
	start := time.Now()
	if workers == 1 {
		for i := range pages {
			if ctx.Err() != nil {
				break
			}
			call(i)
		}
	} else {
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range next {
					call(i)
				}
			})
		}
	feed:
		for i := range pages {
			select {
			case next <- i:
			case <-ctx.Done():
				break feed
			}
		}
		close(next)
		wg.Wait()
	}
	elapsed := time.Since(start)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval: run %s: %w", name, err)
	}

	r := &Report{
		Corpus: c.Name, Split: split.String(), Name: name, Pages: len(pages),
		Workers: workers, Elapsed: elapsed, Results: make([]PageResult, len(pages)),
	}
	if elapsed > 0 {
		r.PagesPerSec = float64(len(pages)) / elapsed.Seconds()
	}
	var acc Accumulator
	for i, p := range pages {
		res := PageResult{ID: p.ID, Corpus: c.Name, Bytes: len(raws[i]), Duration: durs[i]}
		got := outs[i]
		if errs[i] != nil {
			res.Err = errs[i].Error()
			r.Errors++
			got = ""
		}
		if p.HasBody() {
			res.CJK = IsCJKText(p.Body)
			if res.CJK {
				r.CJKPages++
			}
			res.Counts = acc.Add(got, p.Body, res.CJK)
			res.P, res.R, res.F1 = res.Counts.Precision(), res.Counts.Recall(), res.Counts.F1()
		} else {
			res.NoBody = true
		}
		res.Empty = len(Tokens(got, false)) == 0
		if res.Empty {
			r.Empty++
		}
		res.Snippet = Snippets(got, p.With, p.Without)
		r.Snippet = r.Snippet.Add(res.Snippet)
		r.Results[i] = res
	}
	r.Shingle = acc.Scores()
	return r, nil
}

// scores returns the page's shingle F1, precision and recall, or its
// snippet F, precision and recall when its truth has no article body.
func (res PageResult) scores() (f, p, r float64) {
	if res.NoBody {
		return res.Snippet.F(), res.Snippet.Precision(), res.Snippet.Recall()
	}
	return res.F1, res.P, res.R
}

// safeCall calls ex and turns a panic into an error.
func safeCall(ctx context.Context, ex Extractor, raw []byte, p Page) (out string, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = "", fmt.Errorf("panic: %v", v)
		}
	}()
	return ex(ctx, raw, p)
}

// WriteText writes a readable summary of r to w. When pages > 0 it also
// lists the pages worst pages by F1 (ties broken by id).
func (r *Report) WriteText(w io.Writer, pages int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s/%s\t%d pages, %d empty, %d errors, %d scored as CJK\n",
		r.Name, r.Corpus, r.Split, r.Pages, r.Empty, r.Errors, r.CJKPages)
	switch noBody := r.Pages - r.Shingle.Pages; {
	case r.Pages > 0 && noBody == r.Pages:
		fmt.Fprintf(tw, "shingle\t(no page's truth has an article body: snippets only)\n")
	case noBody > 0:
		fmt.Fprintf(tw, "shingle\tP %.4f\tR %.4f\tF1 %.4f\t(%d pages without an article body: snippets only)\n",
			r.Shingle.Precision, r.Shingle.Recall, r.Shingle.F1, noBody)
	default:
		fmt.Fprintf(tw, "shingle\tP %.4f\tR %.4f\tF1 %.4f\n", r.Shingle.Precision, r.Shingle.Recall, r.Shingle.F1)
	}
	if s := r.Snippet; s != (SnippetCounts{}) {
		fmt.Fprintf(tw, "snippet\tP %.4f\tR %.4f\tF %.4f\t(TP %d FP %d FN %d TN %d)\n",
			s.Precision(), s.Recall(), s.F(), s.TP, s.FP, s.FN, s.TN)
	} else {
		fmt.Fprintf(tw, "snippet\t(the corpus has no snippets)\n")
	}
	fmt.Fprintf(tw, "speed\t%.1f pages/s\t(%d worker(s), %s extracting)\n",
		r.PagesPerSec, r.Workers, r.Elapsed.Round(time.Millisecond))
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	if pages <= 0 || len(r.Results) == 0 {
		return nil
	}
	// A page without an article body is ranked, and shown, by its snippet
	// scores; one with neither a body nor snippets has no score to rank.
	worst := slices.DeleteFunc(slices.Clone(r.Results), func(res PageResult) bool {
		return res.NoBody && res.Snippet == (SnippetCounts{})
	})
	slices.SortStableFunc(worst, func(a, b PageResult) int {
		fa, _, _ := a.scores()
		fb, _, _ := b.scores()
		return cmp.Or(cmp.Compare(fa, fb), strings.Compare(a.ID, b.ID))
	})
	worst = worst[:min(pages, len(worst))]
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nworst pages\tF1\tP\tR\tnote\n")
	for _, res := range worst {
		var notes []string
		if res.NoBody {
			notes = append(notes, "snippets only")
		}
		switch {
		case res.Err != "":
			notes = append(notes, "error: "+strings.Join(strings.Fields(res.Err), " "))
		case res.Empty:
			notes = append(notes, "empty")
		}
		f, p, rec := res.scores()
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\n", res.ID, f, p, rec, strings.Join(notes, "; "))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}
