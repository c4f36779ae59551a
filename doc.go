// Package winnow separates the article from the chaff on scraped pages.
//
// It reads HTML in any encoding (gzip or not) and plain-text page exports,
// and runs one pipeline:
//
//	decode → parse → blocks → stage 1 (where the article is) → stage 2 (which lines are junk) → assemble
//
// Stage 1 ([extract]) finds the main-content region from the page structure;
// stage 2 ([classifier]) is a naive Bayes line model with a sequence pass that
// removes the junk left inside and at the edges of that region: app and VIP
// prompts, share rows, related-article lists, disclaimers, injected spam.
// On a text export, where stage 1 has only the lines' shapes to go by, the
// article's run of lines is found again with the model's opinion of them
// before the decisions. Users retrain the model on their own labelled lines.
//
// # Example
//
//	res, err := winnow.Clean(ctx, strings.NewReader(page), nil)
//	if err != nil { ... }
//	fmt.Println(res.Title)
//	fmt.Println(res.Text)
//
// [Clean] is safe for concurrent use; an [Options] value may be shared by any
// number of goroutines.
package winnow
