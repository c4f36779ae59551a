package eval

import "strings"

// Ceiling returns the best output an extractor can make of a page that it
// has cut into blocks, if it keeps or drops each block whole: it knows the
// truth, ranks the blocks by the share of their token trigrams (tokens from
// [Tokens], per character when the truth is CJK) found in the truth, and
// keeps, in document order, the blocks at or above whichever of a dozen
// cuts gives the page's highest shingle F1; when no cut finds any of the
// truth, it keeps nothing (an empty output costs no precision).
//
// Its score on a corpus estimates what the segmentation allows. It is not a
// strict bound: the cuts are few, and the corpus F1 is that of the mean
// precision and mean recall ([Accumulator]), which the best F1 of each page
// need not maximise. But no extractor that chooses among the same blocks
// comes far above it, so a target above it is met not by choosing blocks
// better but by cutting the page differently, or with a truth that agrees
// with the page.
func Ceiling(blocks []string, truth string) string {
	cjk := IsCJKText(truth)
	want := shingles(truth, cjk)
	toks := Tokens(truth, cjk)
	// grams holds the truth's runs of one, two and three tokens.
	grams := make(map[string]bool, 3*len(toks))
	for n := 1; n <= 3; n++ {
		for i := 0; i+n <= len(toks); i++ {
			grams[strings.Join(toks[i:i+n], " ")] = true
		}
	}
	shares := make([]float64, len(blocks))
	for i, b := range blocks {
		shares[i] = trigramShare(Tokens(b, cjk), grams)
	}
	// The cuts are shares of a block's trigrams found in the truth. A dozen
	// keep the search linear in the page's size; 102 (every hundredth) gave
	// the same score on all of wceb1000 to four places (F1 0.9038,
	// `winnow eval --ceiling --split all`).
	cuts := [...]float64{1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.01, 0}
	best, bestF1 := "", 0.0
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
// truth's runs (grams); a block of one or two tokens counts 1 when its
// tokens occur in the truth in a row, else 0.
func trigramShare(toks []string, grams map[string]bool) float64 {
	switch {
	case len(toks) == 0:
		return 0
	case len(toks) < 3:
		if grams[strings.Join(toks, " ")] {
			return 1
		}
		return 0
	}
	hit := 0
	for i := 0; i+3 <= len(toks); i++ {
		if grams[strings.Join(toks[i:i+3], " ")] {
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
