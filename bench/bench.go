// Package bench runs winnow and its peers side by side on the same corpora,
// the same split and the same metric code (package eval), single-threaded,
// and renders the results as Markdown tables.
//
// It lives in its own module so that the peers (go-trafilatura, readeck's
// go-readability) never become dependencies of the winnow library.
package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/labels"
	"github.com/winnowlabs/winnow/training"
)

// Input is what an extractor is given: the page's HTML, or its text export.
type Input string

const (
	// InputHTML gives each extractor the page's raw bytes, in their original
	// encoding; every extractor does its own charset detection.
	InputHTML Input = "html"
	// InputText gives each extractor the page's text export (one block per
	// line, as in Common Crawl WET files), built by winnow's HTML reader
	// (see [TextExport]). Building it is not timed.
	InputText Input = "text"
)

// ParseInput parses "html" or "text".
func ParseInput(s string) (Input, error) {
	switch Input(s) {
	case InputHTML, InputText:
		return Input(s), nil
	}
	return "", fmt.Errorf("bench: unknown input %q (want html or text)", s)
}

// TextFunc extracts the article text from one input (raw HTML bytes, or a
// text export as UTF-8 bytes).
type TextFunc func(ctx context.Context, in []byte, page eval.Page) (string, error)

// Extractor is one row of the table.
type Extractor struct {
	Name string
	Fn   TextFunc
}

// HTMLExtractors returns the extractors run on HTML input, in table order.
func HTMLExtractors() []Extractor {
	return []Extractor{
		{"go-trafilatura", trafilaturaFunc(false)},
		{"go-trafilatura+fallback", trafilaturaFunc(true)},
		{"readeck go-readability", readeckFunc},
		{"winnow --fast", winnowFunc(extract.KindHTML, true)},
		{"winnow", winnowFunc(extract.KindHTML, false)},
	}
}

// TextExtractors returns the extractors (line filters) run on text exports,
// in table order.
func TextExtractors() []Extractor {
	return []Extractor{
		{"none", func(_ context.Context, in []byte, _ eval.Page) (string, error) { return string(in), nil }},
		{"c4", func(_ context.Context, in []byte, _ eval.Page) (string, error) { return C4(string(in)), nil }},
		{"winnow --fast", winnowFunc(extract.KindText, true)},
		{"winnow", winnowFunc(extract.KindText, false)},
	}
}

// CeilingName names the row of [Options.Ceiling].
const CeilingName = "ceiling (knows the truth)"

func ceilingFunc(kind extract.Kind) TextFunc {
	return func(ctx context.Context, in []byte, p eval.Page) (string, error) {
		if !p.HasBody() {
			return "", eval.ErrNoBody
		}
		doc, err := extract.Extract(ctx, in, extract.Options{Kind: kind})
		if err != nil {
			return "", err
		}
		return eval.Ceiling(doc.Texts(), p.Body), nil
	}
}

// Extractors returns the extractors for in.
func Extractors(in Input) []Extractor {
	if in == InputText {
		return TextExtractors()
	}
	return HTMLExtractors()
}

// Select returns the extractors of all whose names are in names (all of
// them when names is empty), in the order of all. An unknown name is an
// error.
func Select(all []Extractor, names []string) ([]Extractor, error) {
	if len(names) == 0 {
		return all, nil
	}
	var out []Extractor
	for _, n := range names {
		if !slices.ContainsFunc(all, func(e Extractor) bool { return e.Name == n }) {
			known := make([]string, len(all))
			for i, e := range all {
				known[i] = e.Name
			}
			return nil, fmt.Errorf("bench: unknown extractor %q (have %s)", n, strings.Join(known, ", "))
		}
	}
	for _, e := range all {
		if slices.Contains(names, e.Name) {
			out = append(out, e)
		}
	}
	return out, nil
}

func pageURL(p eval.Page) *nurl.URL {
	if p.URL == "" {
		return nil
	}
	u, err := nurl.Parse(p.URL)
	if err != nil {
		return nil
	}
	return u
}

// trafilaturaFunc runs go-trafilatura with its default options (and
// EnableFallback when fallback is set: its bundled go-readability and
// go-domdistiller are then also run and the best candidate is kept). The
// output is ContentText: the article without the comments.
func trafilaturaFunc(fallback bool) TextFunc {
	return func(_ context.Context, in []byte, p eval.Page) (string, error) {
		res, err := trafilatura.Extract(bytes.NewReader(in), trafilatura.Options{
			OriginalURL:    pageURL(p),
			EnableFallback: fallback,
		})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

// readeckFunc runs readeck's go-readability v2 and takes the article's text
// (Article.RenderText, its InnerText rendering).
func readeckFunc(_ context.Context, in []byte, p eval.Page) (string, error) {
	art, err := readability.FromReader(bytes.NewReader(in), pageURL(p))
	if err != nil {
		return "", err
	}
	if art.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

func winnowFunc(kind extract.Kind, fast bool) TextFunc {
	return func(ctx context.Context, in []byte, _ eval.Page) (string, error) {
		res, err := winnow.CleanBytes(ctx, in, &winnow.Options{Kind: kind, Fast: fast})
		if err != nil {
			return "", err
		}
		return res.Text, nil
	}
}

// ErrTimeout is returned for a page an extractor did not finish in time.
var ErrTimeout = errors.New("bench: extractor timed out")

// Guard runs fn on its own goroutine with a context that expires after
// timeout, turns a panic into an error, and gives up after timeout with
// [ErrTimeout]: a peer that hangs on a page counts as an error on it and
// cannot stall the run. (A goroutine given up on keeps running until it
// returns; the number of such pages is in the Errors column.)
func Guard(fn TextFunc, timeout time.Duration) TextFunc {
	type result struct {
		out string
		err error
	}
	return func(ctx context.Context, in []byte, p eval.Page) (string, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		done := make(chan result, 1)
		go func() {
			defer func() {
				if v := recover(); v != nil {
					done <- result{err: fmt.Errorf("panic: %v\n%s", v, firstLines(debug.Stack(), 12))}
				}
			}()
			out, err := fn(ctx, in, p)
			done <- result{out, err}
		}()
		select {
		case r := <-done:
			return r.out, r.err
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return "", fmt.Errorf("%w after %s", ErrTimeout, timeout)
			}
			return "", ctx.Err()
		}
	}
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitN(string(b), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TextExport builds a page's text export the way a crawler's WET file holds
// it: winnow's HTML reader (extract.Extract with KindHTML) segments the page
// into blocks, and labels.TextExport writes them one a line, all of them
// (the stage-1 region is not used).
func TextExport(ctx context.Context, raw []byte) (string, error) {
	doc, err := extract.Extract(ctx, raw, extract.Options{Kind: extract.KindHTML})
	if err != nil {
		return "", err
	}
	return labels.TextExport(doc), nil
}

// Options configures [RunCorpus].
type Options struct {
	Split      eval.Split
	Input      Input
	Extractors []Extractor
	// Timeout is the per-page limit of each extractor call (default 10 s).
	Timeout time.Duration
	// Repeat is the number of timed runs of each extractor (default 1); the
	// scores are those of the first run (the extractors are deterministic)
	// and PagesPerSec is the best of the runs, which is the least disturbed
	// by other work on the machine.
	Repeat int
	// Progress, if not nil, gets a line per extractor as it finishes.
	Progress io.Writer
	// CV, when at least 2, adds a row "winnow (CV)": every page cleaned with
	// a model of the default recipe trained without it (k-fold
	// cross-validation over the split's pages, with CVBase learned in every
	// fold), for corpora whose pages the embedded model has seen.
	CV int
	// CVBase are labelled pages every fold's model learns (other corpora's
	// training pages).
	CVBase []training.Page
	// HandDir holds the hand-labelled lines of the default recipe.
	HandDir string
	// Ceiling adds a last row, [CeilingName]: not an extractor but
	// [eval.Ceiling], the best choice of whole blocks (HTML input: the
	// blocks of winnow's reader) or lines (text input) made with each
	// page's truth. It is what the segmentation allows, so the other rows
	// read as a distance from it; it is not timed (pages/s "—").
	Ceiling bool
}

// RunCorpus runs every extractor of opts on the pages of c in opts.Split,
// one after another, single-threaded (eval.Run with workers = 1), and
// returns one report per extractor. Before the timed run each extractor is
// called once, untimed, on the first selected page, so one-off
// initialisation (regexp compilation, the embedded model) is not counted.
func RunCorpus(ctx context.Context, c *eval.Corpus, opts Options) ([]*eval.Report, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	var ids []string
	for _, p := range c.Pages {
		if opts.Split.Has(p.ID) {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("bench: %s has no pages in split %s", c.Name, opts.Split)
	}

	// For text input, build every page's export up front so that only the
	// line filters are timed.
	type export struct {
		text string
		err  error
	}
	var exports map[string]export
	if opts.Input == InputText {
		exports = make(map[string]export, len(ids))
		for _, id := range ids {
			raw, err := c.ReadPage(id)
			if err != nil {
				return nil, err
			}
			t, err := TextExport(ctx, raw)
			if err != nil {
				err = fmt.Errorf("text export: %w", err)
			}
			exports[id] = export{t, err}
		}
	}
	adapt := func(fn TextFunc) eval.Extractor {
		if opts.Input != InputText {
			return eval.Extractor(fn)
		}
		return func(ctx context.Context, _ []byte, p eval.Page) (string, error) {
			e := exports[p.ID]
			if e.err != nil {
				return "", e.err
			}
			return fn(ctx, []byte(e.text), p)
		}
	}

	first, _ := c.Page(ids[0])
	firstRaw, err := c.ReadPage(first.ID)
	if err != nil {
		return nil, err
	}
	var reports []*eval.Report
	for _, e := range opts.Extractors {
		ex := adapt(Guard(e.Fn, timeout))
		_, _ = ex(ctx, firstRaw, first) // warm-up, untimed
		r, err := eval.Run(ctx, c, opts.Split, e.Name, ex, 1)
		if err != nil {
			return nil, err
		}
		for range opts.Repeat - 1 {
			again, err := eval.Run(ctx, c, opts.Split, e.Name, ex, 1)
			if err != nil {
				return nil, err
			}
			if again.PagesPerSec > r.PagesPerSec {
				r.PagesPerSec, r.Elapsed = again.PagesPerSec, again.Elapsed
			}
		}
		reports = append(reports, r)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "%s/%s %s %s: %s, %d errors, %.1f pages/s\n",
				c.Name, opts.Split, opts.Input, e.Name, score(r), r.Errors, r.PagesPerSec)
		}
	}
	if opts.CV >= 2 {
		r, err := runCV(ctx, c, opts, adapt)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "%s/%s %s %s: %s, %d errors, %.1f pages/s\n",
				c.Name, opts.Split, opts.Input, r.Name, score(r), r.Errors, r.PagesPerSec)
		}
	}
	if !opts.Ceiling {
		return reports, nil
	}
	// The ceiling chooses blocks by the article body: it scores the pages
	// that have one, and has no row where none has.
	withBody := c.Filter(opts.Split.Has).WithBodies()
	if len(withBody.Pages) == 0 {
		return reports, nil
	}
	kind := extract.KindHTML
	if opts.Input == InputText {
		kind = extract.KindText
	}
	r, err := eval.Run(ctx, withBody, opts.Split, CeilingName, adapt(Guard(ceilingFunc(kind), timeout)), 1)
	if err != nil {
		return nil, err
	}
	r.PagesPerSec, r.Elapsed = 0, 0
	reports = append(reports, r)
	if opts.Progress != nil {
		fmt.Fprintf(opts.Progress, "%s/%s %s %s: %s, %d errors\n", c.Name, opts.Split, opts.Input, r.Name, score(r), r.Errors)
	}
	return reports, nil
}

// score names a report's main score for progress lines: shingle F1, or
// snippet F when no page's truth has an article body.
func score(r *eval.Report) string {
	if r.Shingle.Pages == 0 && r.Pages > 0 {
		return fmt.Sprintf("snippet F %.4f", r.Snippet.F())
	}
	return fmt.Sprintf("F1 %.4f", r.Shingle.F1)
}

// runCV runs winnow with k-fold cross-validated models over the pages of c in opts.Split.
func runCV(ctx context.Context, c *eval.Corpus, opts Options, adapt func(TextFunc) eval.Extractor) (*eval.Report, error) {
	folds, err := training.CrossValidate(ctx, training.DefaultRecipe(opts.HandDir), opts.CVBase, c.Filter(opts.Split.Has), opts.CV)
	if err != nil {
		return nil, err
	}
	kind := extract.KindHTML
	if opts.Input == InputText {
		kind = extract.KindText
	}
	name := fmt.Sprintf("winnow (%d-fold CV)", opts.CV)
	m, err := training.Score(ctx, folds, name, 1, func(model *classifier.Model) eval.Extractor {
		fn := func(ctx context.Context, in []byte, _ eval.Page) (string, error) {
			res, err := winnow.CleanBytes(ctx, in, &winnow.Options{Kind: kind, Model: model})
			if err != nil {
				return "", err
			}
			return res.Text, nil
		}
		return adapt(Guard(fn, opts.Timeout))
	})
	if err != nil {
		return nil, err
	}
	m.Split = opts.Split.String()
	return m, nil
}

// WriteTable writes reports (all of one corpus, split and input) as a
// Markdown table under a level-3 heading.
func WriteTable(w io.Writer, corpus string, split eval.Split, in Input, reports []*eval.Report) error {
	var b strings.Builder
	pages, cjk := 0, 0
	hasSnippets, hasBodies := false, false
	for _, r := range reports {
		pages, cjk = max(pages, r.Pages), max(cjk, r.CJKPages)
		if r.Snippet != (eval.SnippetCounts{}) {
			hasSnippets = true
		}
		if r.Shingle.Pages > 0 {
			hasBodies = true
		}
	}
	fmt.Fprintf(&b, "### %s, %s split, %s input\n\n", corpus, split, in)
	fmt.Fprintf(&b, "%d pages", pages)
	if cjk > 0 {
		fmt.Fprintf(&b, ", %d of them scored with CJK shingles (one token per Han/Kana/Hangul character)", cjk)
	}
	if !hasSnippets {
		b.WriteString("; the corpus has no snippets")
	}
	if !hasBodies && pages > 0 {
		b.WriteString("; its truth has no article bodies, so snippet F is its only score")
	}
	b.WriteString(".\n\n")
	b.WriteString("| extractor | pages | shingle P | shingle R | shingle F1 | snippet F | empty | errors | pages/s |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range reports {
		snip := "—"
		if hasSnippets {
			snip = fmt.Sprintf("%.3f", r.Snippet.F())
		}
		speed := "—"
		if r.PagesPerSec > 0 {
			speed = fmt.Sprintf("%.1f", r.PagesPerSec)
		}
		shingle := fmt.Sprintf("%.3f | %.3f | **%.3f**", r.Shingle.Precision, r.Shingle.Recall, r.Shingle.F1)
		if !hasBodies && pages > 0 {
			shingle, snip = "— | — | —", "**"+snip+"**"
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %d | %d | %s |\n",
			r.Name, r.Pages, shingle, snip, r.Empty, r.Errors, speed)
	}
	b.WriteString("\n")
	if errs := errorSummary(reports); errs != "" {
		b.WriteString(errs)
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// errorSummary lists, per extractor with errors, the distinct error kinds
// and their counts (first line of the message, at most 80 characters).
func errorSummary(reports []*eval.Report) string {
	var b strings.Builder
	for _, r := range reports {
		if r.Errors == 0 {
			continue
		}
		counts := map[string]int{}
		var order []string
		for _, res := range r.Results {
			if res.Err == "" {
				continue
			}
			k := strings.SplitN(res.Err, "\n", 2)[0]
			if len([]rune(k)) > 80 {
				k = string([]rune(k)[:80]) + "…"
			}
			if counts[k] == 0 {
				order = append(order, k)
			}
			counts[k]++
		}
		parts := make([]string, len(order))
		for i, k := range order {
			parts[i] = fmt.Sprintf("%d× `%s`", counts[k], strings.ReplaceAll(k, "`", "'"))
		}
		fmt.Fprintf(&b, "- %s errors: %s\n", r.Name, strings.Join(parts, "; "))
	}
	return b.String()
}

// PeerVersions returns the module versions of the peers in the running
// binary, as "path version" pairs.
func PeerVersions() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(build info unavailable)"
	}
	var out []string
	for _, d := range info.Deps {
		switch d.Path {
		case "github.com/markusmobius/go-trafilatura", "codeberg.org/readeck/go-readability/v2":
			out = append(out, d.Path+" "+d.Version)
		}
	}
	if len(out) == 0 {
		return "(not in build info)"
	}
	return strings.Join(out, ", ")
}
