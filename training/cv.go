package training

import (
	"context"
	"fmt"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
)

// Fold is one fold of a cross-validation: the model trained without the
// fold's pages, and the fold's pages to score it on.
type Fold struct {
	K     int
	Model *classifier.Model
	// Test is the corpus restricted to the fold's pages.
	Test *eval.Corpus
}

// CrossValidate builds the k folds of a cross-validation over target: fold
// i's model learns the recipe's hand-labelled lines, the base pages (other
// corpora's training pages) and target's pages outside fold i, by the hash
// fold of their ids ([eval.Fold]), so that every page of target is scored by
// a model that has not seen it.
func CrossValidate(ctx context.Context, r Recipe, base []Page, target *eval.Corpus, k int) ([]Fold, error) {
	if k < 2 {
		return nil, fmt.Errorf("training: cross-validation needs at least 2 folds, not %d", k)
	}
	labelled, _, err := LabelCorpus(ctx, target, nil)
	if err != nil {
		return nil, err
	}
	folds := make([]Fold, k)
	for i := range k {
		train := append([]Page(nil), base...)
		for _, p := range labelled {
			if eval.Fold(p.ID, k) != i {
				train = append(train, p)
			}
		}
		m, err := r.Build(train)
		if err != nil {
			return nil, err
		}
		test := target.Filter(func(id string) bool { return eval.Fold(id, k) == i })
		folds[i] = Fold{K: i, Model: m, Test: test}
	}
	return folds, nil
}

// Score runs, for every fold with test pages, the extractor made from the
// fold's model over the fold's pages (eval.Run with the given workers), and
// merges the reports into one over all the pages ([eval.Merge]).
func Score(ctx context.Context, folds []Fold, name string, workers int, extractor func(*classifier.Model) eval.Extractor) (*eval.Report, error) {
	var reports []*eval.Report
	for _, f := range folds {
		if len(f.Test.Pages) == 0 {
			continue
		}
		r, err := eval.Run(ctx, f.Test, eval.SplitAll, name, extractor(f.Model), workers)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return eval.Merge(reports...), nil
}
