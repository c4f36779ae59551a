package classifier

import "math"

// maxEvidence bounds the log likelihood ratio of one line in [Model.Smooth],
// so that a probability of exactly 0 or 1 cannot pin a line against the
// evidence of its neighbours (or produce NaN).
const maxEvidence = 40

// Smooth returns, for the lines of one page in document order, the
// posterior P(junk) of each line under a two-state hidden Markov model:
// the forward-backward algorithm over the states Content and Junk.
//
// pJunk holds the per-line probabilities from [Model.PJunk]. Each is turned
// back into a likelihood ratio P(x|junk)/P(x|content) by dividing its odds
// by the model's prior odds, and serves as the emission of that line. The
// first line's state has the class prior; the transitions are estimated
// from the label sequences given to [Counts.LearnSequence] with Laplace
// smoothing, or, if none were learned, stay in the same state with
// probability 0.9. So a lone content-like line inside a run of junk is
// pulled toward junk, and the reverse.
//
// The computation is scaled at each step, so it neither underflows nor
// overflows for any length; NaN inputs count as no evidence. Smooth
// allocates only the result, which has the length of pJunk.
func (m *Model) Smooth(pJunk []float64) []float64 {
	out := make([]float64, len(pJunk))
	if len(pJunk) == 0 {
		return out
	}
	var tr [2][2]float64
	for a := range 2 {
		for b := range 2 {
			tr[a][b] = math.Exp(m.logTrans[a][b])
		}
	}
	emit := func(p float64) (eC, eJ float64) {
		l := 0.0
		if !math.IsNaN(p) {
			l = logit(max(0, min(1, p))) - m.prior
			l = max(-maxEvidence, min(maxEvidence, l))
		}
		return sigmoid(-l), sigmoid(l) // ∝ (1, e^l)
	}

	// Forward: out[t] = P(junk at t | lines 0..t).
	pj := sigmoid(m.prior)
	fC, fJ := 1-pj, pj
	for t, p := range pJunk {
		if t > 0 {
			fC, fJ = fC*tr[Content][Content]+fJ*tr[Junk][Content], fC*tr[Content][Junk]+fJ*tr[Junk][Junk]
		}
		eC, eJ := emit(p)
		fC, fJ = fC*eC, fJ*eJ
		s := fC + fJ
		fC, fJ = fC/s, fJ/s
		out[t] = fJ
	}

	// Backward, combining as we go: out[t] = P(junk at t | all lines).
	bC, bJ := 0.5, 0.5
	for t := len(pJunk) - 1; t >= 0; t-- {
		if t < len(pJunk)-1 {
			eC, eJ := emit(pJunk[t+1])
			bC, bJ = tr[Content][Content]*eC*bC+tr[Content][Junk]*eJ*bJ, tr[Junk][Content]*eC*bC+tr[Junk][Junk]*eJ*bJ
			s := bC + bJ
			bC, bJ = bC/s, bJ/s
		}
		fJ := out[t]
		gJ, gC := fJ*bJ, (1-fJ)*bC
		out[t] = gJ / (gJ + gC)
	}
	return out
}

// logit returns log(p/(1−p)), ±Inf at 0 and 1.
func logit(p float64) float64 {
	return math.Log(p) - math.Log1p(-p)
}
