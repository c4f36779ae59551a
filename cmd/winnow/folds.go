package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/winnowlabs/winnow/eval"
)

// pageFlags are the flags that choose which pages of the corpora a command
// reads: --split and the hash folds of cross-validation (eval and label
// share them).
type pageFlags struct {
	split, fold, excludeFold *string
}

// addPageFlags registers --split (with its default, and a usage that says
// what the pages are for), --fold and --exclude-fold on fs.
func addPageFlags(fs *flag.FlagSet, split, usage string) *pageFlags {
	return &pageFlags{
		split:       fs.String("split", split, usage),
		fold:        fs.String("fold", "", "only the pages of hash fold k/n (cross-validation)"),
		excludeFold: fs.String("exclude-fold", "", "leave out the pages of hash fold k/n (cross-validation)"),
	}
}

// parse checks the flags once fs is parsed, and that the command cmd was
// given a corpus directory: it returns the split and the fold filters.
func (f *pageFlags) parse(cmd string, fs *flag.FlagSet) (eval.Split, []*foldFilter, error) {
	filters, err := foldFlags(*f.fold, *f.excludeFold)
	if err != nil {
		return 0, nil, &usageError{cmd + ": " + err.Error()}
	}
	if fs.NArg() == 0 {
		return 0, nil, &usageError{cmd + ": name at least one corpus directory"}
	}
	sp, err := eval.ParseSplit(*f.split)
	if err != nil {
		return 0, nil, &usageError{fmt.Sprintf("%s: --split %q: want all, train or dev", cmd, *f.split)}
	}
	return sp, filters, nil
}

// foldFilter selects pages by a hash fold of their id, for cross-validation:
// "k/n" keeps the pages of fold k of n; with exclude, the pages of the other folds.
type foldFilter struct {
	k, n    int
	exclude bool
}

// parseFold parses "k/n" (0 <= k < n); "" means no filter.
func parseFold(s string, exclude bool) (*foldFilter, error) {
	if s == "" {
		return nil, nil
	}
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 2 || k < 0 || k >= n {
		return nil, &usageError{fmt.Sprintf("fold %q: want k/n with 0 <= k < n, n >= 2", s)}
	}
	return &foldFilter{k: k, n: n, exclude: exclude}, nil
}

// keep reports whether the page id passes the filter (a nil filter keeps all).
func (f *foldFilter) keep(id string) bool {
	if f == nil {
		return true
	}
	return (eval.Fold(id, f.n) == f.k) != f.exclude
}

// filterCorpus returns a corpus with only the pages that pass every filter.
func filterCorpus(c *eval.Corpus, filters ...*foldFilter) *eval.Corpus {
	return c.Filter(func(id string) bool {
		for _, f := range filters {
			if !f.keep(id) {
				return false
			}
		}
		return true
	})
}

// foldFlags reads the --fold and --exclude-fold flag values.
func foldFlags(fold, excludeFold string) ([]*foldFilter, error) {
	in, err := parseFold(fold, false)
	if err != nil {
		return nil, err
	}
	out, err := parseFold(excludeFold, true)
	if err != nil {
		return nil, err
	}
	return []*foldFilter{in, out}, nil
}
