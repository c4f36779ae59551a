// Package labels derives labelled training lines from pages with a known
// article body, and prepares hand-labelled lines for training.
//
// A page is segmented exactly as winnow's clean command segments it; a block
// is content when most of its token trigrams (for Chinese, Japanese and
// Korean: character trigrams) occur in the ground-truth body, junk when
// almost none do, and left out in between. Short blocks need an exact phrase
// match. See [FromDocument].
package labels
