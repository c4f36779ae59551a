package eval

import (
	"slices"
	"strings"
)

// Ceiling returns the best output an extractor can make of a page that it
// has cut into blocks, if it keeps or drops each block whole: it knows the
// truth, ranks the blocks by the share of their token trigrams (tokens from
// [Tokens], per character when the truth is CJK) found in the truth, and
// keeps, in document order, the blocks at or above whichever of a few cuts
// gives the page's highest shingle F1.
//
// Its score on a corpus is what the segmentation allows: no extractor that
// chooses among the same blocks does much better (the cuts are few, so it is
// an estimate, not a strict bound), and a target above it cannot be met by
// choosing blocks better, only by cutting the page differently or by a
// truth that agrees with the page.
func Ceiling(blocks []string, truth string) string {
	cjk := IsCJKText(truth)
	want := shingles(truth, cjk)
	trigrams := make(map[string]bool)
	toks := Tokens(truth, cjk)
	for i := 0; i+3 <= len(toks); i++ {
		trigrams[strings.Join(toks[i:i+3], " ")] = true
	}
	shares := make([]float64, len(blocks))
	for i, b := range blocks {
		shares[i] = trigramShare(Tokens(b, cjk), trigrams, toks)
	}
	// The cuts are shares of a block's trigrams found in the truth. A dozen
	// keep the search linear in the page's size; 102 (every hundredth) gave
	// the same score on all of wceb1000 to four places (F1 0.9038,
	// `winnow eval --ceiling --split all`).
	cuts := [...]float64{1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.01, 0}
	best, bestF1 := "", -1.0
	for _, cut := range cuts {
		var kept []string
		for i, b := range blocks {
			if shares[i] >= cut {
				kept = append(kept, b)
			}
		}
		out := strings.Join(kept, "\n")
		if f1 := shingleF1(shingles(out, cjk), want); f1 > bestF1 {
			best, bestF1 = out, f1
		}
	}
	return best
}

// trigramShare is the share of a block's token trigrams found in the
// truth's; a block of one or two tokens counts 1 when its tokens occur in
// the truth in a row, else 0.
func trigramShare(toks []string, trigrams map[string]bool, truth []string) float64 {
	switch {
	case len(toks) == 0:
		return 0
	case len(toks) < 3:
		for i := 0; i+len(toks) <= len(truth); i++ {
			if slices.Equal(truth[i:i+len(toks)], toks) {
				return 1
			}
		}
		return 0
	}
	hit := 0
	for i := 0; i+3 <= len(toks); i++ {
		if trigrams[strings.Join(toks[i:i+3], " ")] {
			hit++
		}
	}
	return float64(hit) / float64(len(toks)-2)
}

// shingleF1 is the page F1 of an output's shingles against the truth's.
func shingleF1(got, want map[string]int) float64 {
	tp, fp, fn := matchShingles(got, want)
	if tp == 0 {
		return 0
	}
	return f1(float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn))
}
