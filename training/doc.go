// Package training builds line models from hand-labelled lines and from
// corpora of pages with known article bodies, the way winnow's default
// model is built, and runs the k-fold cross-validation that reports how such
// a model does on pages it has not seen.
//
// Pages of a corpus are labelled once ([LabelCorpus]: every block of the
// page, and every line of its text export, labelled against the article
// body by [labels.Body]); a model is then learned from any subset of the
// labelled pages ([Recipe.Build]), so that the folds of a cross-validation
// share the labelling work.
package training
