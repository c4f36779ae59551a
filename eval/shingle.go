package eval

import "strings"

// ShingleSize is the number of tokens in a shingle.
const ShingleSize = 4

// PRF holds one page's shingle counts: true positives (shingles of the
// output found in the ground truth), false positives (in the output only)
// and false negatives (in the ground truth only), normalised so that they
// sum to 1 unless both texts have no tokens.
type PRF struct{ TP, FP, FN float64 }

// Precision returns the page's precision: 1 when FP = FN = 0 (a perfect
// match, or two empty texts), 0 when TP = FP = 0 (no output), else
// TP/(TP+FP).
func (p PRF) Precision() float64 {
	switch {
	case p.FP == 0 && p.FN == 0:
		return 1
	case p.TP == 0 && p.FP == 0:
		return 0
	}
	return p.TP / (p.TP + p.FP)
}

// Recall returns the page's recall: 1 when FP = FN = 0, 0 when TP = FN = 0
// (an empty ground truth), else TP/(TP+FN).
func (p PRF) Recall() float64 {
	switch {
	case p.FP == 0 && p.FN == 0:
		return 1
	case p.TP == 0 && p.FN == 0:
		return 0
	}
	return p.TP / (p.TP + p.FN)
}

// F1 returns the harmonic mean of the page's precision and recall.
func (p PRF) F1() float64 {
	return f1(p.Precision(), p.Recall())
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingles returns the multiset of 4-token shingles of s. A text with fewer
// than 4 tokens (but at least one) is a single shingle of all its tokens.
func shingles(s string, cjk bool) map[string]int {
	toks := Tokens(s, cjk)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	n := max(1, len(toks)-ShingleSize+1)
	for i := range n {
		m[strings.Join(toks[i:min(i+ShingleSize, len(toks))], " ")]++
	}
	return m
}

// ShingleCounts compares the output got with the ground truth want as
// multisets of 4-token shingles (tokens from [Tokens]) and returns tp, fp
// and fn normalised to sum to 1. When neither text has a token all three
// are 0.
func ShingleCounts(got, want string, cjk bool) (tp, fp, fn float64) {
	itp, ifp, ifn := matchShingles(shingles(got, cjk), shingles(want, cjk))
	total := float64(itp + ifp + ifn)
	if total == 0 {
		return 0, 0, 0
	}
	return float64(itp) / total, float64(ifp) / total, float64(ifn) / total
}

// matchShingles counts the shingles of got that are in want (tp), those
// that are not (fp) and those of want missing from got (fn), as multisets.
func matchShingles(got, want map[string]int) (tp, fp, fn int) {
	for k, g := range got {
		tp += min(g, want[k])
		fp += max(0, g-want[k])
	}
	for k, w := range want {
		fn += max(0, w-got[k])
	}
	return tp, fp, fn
}

// Scores are the corpus-level shingle scores of an [Accumulator].
type Scores struct {
	// Precision is the mean precision over the pages with TP+FP > 0
	// (pages with output).
	Precision float64
	// Recall is the mean recall over the pages with TP+FN > 0 (pages with
	// a ground truth).
	Recall float64
	// F1 is the harmonic mean of Precision and Recall.
	F1 float64
	// Pages is the number of pages added.
	Pages int
}

// Accumulator averages shingle scores over pages, as the article-extraction
// benchmark does. The zero value is ready to use. It is not safe for
// concurrent use.
type Accumulator struct {
	psum, rsum float64
	pn, rn     int
	pages      int
}

// Add scores one page's output against its ground truth and adds it. It
// returns the page's counts.
func (a *Accumulator) Add(got, want string, cjk bool) PRF {
	tp, fp, fn := ShingleCounts(got, want, cjk)
	p := PRF{TP: tp, FP: fp, FN: fn}
	a.AddPRF(p)
	return p
}

// AddPRF adds one page's counts.
func (a *Accumulator) AddPRF(p PRF) {
	a.pages++
	if p.TP+p.FP > 0 {
		a.psum += p.Precision()
		a.pn++
	}
	if p.TP+p.FN > 0 {
		a.rsum += p.Recall()
		a.rn++
	}
}

// Scores returns the averages so far. With no page counted for precision
// (or recall) that average is 0.
func (a *Accumulator) Scores() Scores {
	s := Scores{Pages: a.pages}
	if a.pn > 0 {
		s.Precision = a.psum / float64(a.pn)
	}
	if a.rn > 0 {
		s.Recall = a.rsum / float64(a.rn)
	}
	s.F1 = f1(s.Precision, s.Recall)
	return s
}
