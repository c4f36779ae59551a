package training

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
)

// basePages are labelled pages of another corpus, learned by every fold.
func basePages() []Page {
	return []Page{{
		Corpus: "other", ID: "o1",
		HTML: []classifier.Sample{
			{Text: "Sign in", Features: []string{"tag=a"}, Label: classifier.Junk, Page: "o1", Corpus: "other"},
			{Text: "The museum reopens on Saturday after a renovation.", Features: []string{"tag=p"}, Label: classifier.Content, Page: "o1", Corpus: "other"},
			{Text: "Privacy policy", Features: []string{"tag=a"}, Label: classifier.Junk, Page: "o1", Corpus: "other"},
		},
		Text: []classifier.Sample{
			{Text: "The museum reopens on Saturday after a renovation.", Features: []string{"len=long"}, Label: classifier.Content, Page: "o1", Corpus: "other"},
		},
	}}
}

func TestCrossValidateFoldCount(t *testing.T) {
	c := loadCorpus(t)
	for _, k := range []int{-1, 0, 1} {
		folds, err := CrossValidate(context.Background(), Recipe{}, nil, c, k)
		if err == nil || folds != nil {
			t.Errorf("k=%d: folds %v, err %v; want an error", k, folds, err)
		} else if !strings.Contains(err.Error(), "2 folds") {
			t.Errorf("k=%d: error %q does not say 2 folds are needed", k, err)
		}
	}
	for _, k := range []int{2, 3, 5} {
		folds, err := CrossValidate(context.Background(), Recipe{}, nil, c, k)
		if err != nil {
			t.Fatalf("k=%d: %v", k, err)
		}
		if len(folds) != k {
			t.Errorf("k=%d: %d folds", k, len(folds))
		}
	}
}

func TestCrossValidateCancelled(t *testing.T) {
	c := loadCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CrossValidate(ctx, Recipe{}, nil, c, 5); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestCrossValidateBadRecipe(t *testing.T) {
	c := loadCorpus(t)
	if _, err := CrossValidate(context.Background(), Recipe{Hand: []string{"testdata/no-such-file.jsonl"}}, nil, c, 2); err == nil {
		t.Error("a recipe with a missing hand file: no error")
	}
}

// TestCrossValidateTestSets checks that the folds' test sets partition the
// corpus: every page is in exactly one fold, the one of eval.Fold, and the
// corpus itself is left alone.
func TestCrossValidateTestSets(t *testing.T) {
	c := loadCorpus(t)
	orig := slices.Clone(c.Pages)
	for _, k := range []int{2, 3, 5} {
		folds, err := CrossValidate(context.Background(), Recipe{}, nil, c, k)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		nonEmpty := 0
		for i, f := range folds {
			if f.K != i {
				t.Errorf("k=%d: fold %d has K %d", k, i, f.K)
			}
			if f.Model == nil || f.Test == nil {
				t.Fatalf("k=%d: fold %d: model %v, test %v", k, i, f.Model, f.Test)
			}
			if f.Test.Name != c.Name || f.Test.Dir != c.Dir {
				t.Errorf("k=%d: fold %d: test corpus %s at %s, want %s at %s", k, i, f.Test.Name, f.Test.Dir, c.Name, c.Dir)
			}
			if !slices.IsSortedFunc(f.Test.Pages, func(a, b eval.Page) int { return strings.Compare(a.ID, b.ID) }) {
				t.Errorf("k=%d: fold %d: test pages not sorted by id", k, i)
			}
			if len(f.Test.Pages) > 0 {
				nonEmpty++
			}
			for _, p := range f.Test.Pages {
				seen[p.ID]++
				if got := eval.Fold(p.ID, k); got != i {
					t.Errorf("k=%d: page %s in fold %d, but eval.Fold says %d", k, p.ID, i, got)
				}
				if q, _ := c.Page(p.ID); q.Body != p.Body {
					t.Errorf("k=%d: page %s: ground truth not carried over", k, p.ID)
				}
				// The test corpus reads the pages of the corpus.
				if _, err := f.Test.ReadPage(p.ID); err != nil {
					t.Errorf("k=%d: fold %d: %v", k, i, err)
				}
			}
		}
		for _, p := range c.Pages {
			if seen[p.ID] != 1 {
				t.Errorf("k=%d: page %s is in %d folds, want 1", k, p.ID, seen[p.ID])
			}
		}
		if len(seen) != len(c.Pages) {
			t.Errorf("k=%d: folds hold %d distinct pages, corpus has %d", k, len(seen), len(c.Pages))
		}
		if k == 5 && nonEmpty != 5 {
			t.Errorf("k=5: %d non-empty folds, want 5 (see TestCorpusFolds)", nonEmpty)
		}
		if !slices.EqualFunc(c.Pages, orig, func(a, b eval.Page) bool { return a.ID == b.ID && a.Body == b.Body }) {
			t.Fatalf("k=%d: CrossValidate changed the corpus's pages", k)
		}
	}
}

// TestCrossValidateModels checks that fold i's model has learned the hand
// file, the base pages and every labelled page of the corpus except those
// of fold i: its samples are the full model's less exactly fold i's, and
// its counts are the full model's with fold i's pages unlearned.
func TestCrossValidateModels(t *testing.T) {
	c := loadCorpus(t)
	const k = 5
	r := Recipe{Hand: []string{handFile}, HandWeight: 2, Info: classifier.Info{WordCap: 6, Note: "cv"}}
	base := basePages()
	folds, err := CrossValidate(context.Background(), r, base, c, k)
	if err != nil {
		t.Fatal(err)
	}
	labelled := labelAll(t, c)
	full, err := r.Build(append(slices.Clone(base), labelled...))
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[[2]int]bool{}
	for i, f := range folds {
		var in []Page
		for _, p := range labelled {
			if eval.Fold(p.ID, k) == i {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			t.Fatalf("fold %d has no labelled pages", i)
		}
		fc := pageCounts(in)
		fs := f.Model.Info().Samples
		distinct[fs] = true
		if want := [2]int{full.Info().Samples[0] - fc[0], full.Info().Samples[1] - fc[1]}; fs != want {
			t.Errorf("fold %d: Samples %v, want %v (all pages %v less the fold's %v)", i, fs, want, full.Info().Samples, fc)
		}
		if info := f.Model.Info(); info.Note != "cv" || info.WordCap != 6 {
			t.Errorf("fold %d: Info %+v, want the recipe's note and word cap", i, info)
		}

		// Stronger: the full counts with fold i's pages taken back are
		// fold i's model, byte for byte.
		counts := full.Counts()
		for _, p := range in {
			if err := UnlearnPages(counts, p.HTML); err != nil {
				t.Fatal(err)
			}
			if err := UnlearnPages(counts, p.Text); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(saved(t, f.Model), saved(t, counts.ModelWith(r.Info))) {
			t.Errorf("fold %d: model differs from the full model with the fold's pages unlearned", i)
		}
		// And fold i's model cannot give back a page of fold i: its
		// samples were never learned.
		if err := UnlearnPages(f.Model.Counts(), in[0].HTML); err == nil {
			t.Errorf("fold %d: the model had learned page %s of its own test set", i, in[0].ID)
		}
	}
	if len(distinct) < 2 {
		t.Errorf("all folds learned the same number of samples %v", distinct)
	}
}

// TestCrossValidateFailedPage checks that a page that cannot be labelled is
// left out of training but kept in its fold's test set, so that it is
// still scored.
func TestCrossValidateFailedPage(t *testing.T) {
	c, err := eval.LoadCorpus(makeCorpus(t, corpusPages, map[string][]byte{"garbled": []byte("not gzip")}))
	if err != nil {
		t.Fatal(err)
	}
	folds, err := CrossValidate(context.Background(), Recipe{}, nil, c, 2)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range folds {
		if _, ok := f.Test.Page("garbled"); ok {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the unreadable page is in %d test sets, want 1", n)
	}
}
