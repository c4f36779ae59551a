package classifier

import (
	"maps"
	"math"
	"sync"
	"time"
)

// Defaults for the zero fields of [Info] given to [Counts.ModelWith].
const (
	DefaultThreshold = 0.5 // P(junk) at or above which a line is junk
	DefaultAlpha     = 1.0 // Lidstone smoothing constant
	DefaultWordCap   = 12  // K: word tokens whose evidence counts in full
)

// Info describes a [Model].
type Info struct {
	// Version is a free model version number, set by whoever trains it.
	Version int64
	// TrainedAt is when the model was trained (zero if not recorded).
	TrainedAt time.Time
	// Samples is the number of learned samples per class, indexed by Label.
	// It is computed from the counts.
	Samples [2]int
	// Vocabulary is the number of distinct tokens (words and features).
	// It is computed from the counts.
	Vocabulary int
	// Threshold is the P(junk) at or above which [Model.Classify] says Junk.
	// Default 0.5.
	Threshold float64
	// Alpha is the Lidstone smoothing constant α. Default 1 (Laplace).
	Alpha float64
	// WordCap is K, the number of word tokens whose evidence counts in full:
	// the sum of the word log-likelihood ratios of a line with n known word
	// tokens is scaled by min(1, K/n). Default 12.
	WordCap float64
	// Note is free text, such as the training data used.
	Note string
	// Pinned is the number of pinned lines (see [Counts.Pin]). It is
	// computed from the counts.
	Pinned int
}

// entry is the frozen counts of one token and its log-likelihood ratio
// log P(t|junk) − log P(t|content).
type entry struct {
	n   [2]int64
	llr float64
}

// Model is a trained classifier. It is immutable and safe for concurrent
// use by any number of goroutines. Build one with [Counts.Model] or
// [Counts.ModelWith], or read one with [Load], [LoadFile] or [Default].
type Model struct {
	words    map[string]entry // word tokens
	feats    map[string]entry // feature tokens, without '#'
	pins     map[string]Label // pinned lines, by PinKey
	samples  [2]int64
	trans    [2][2]int64
	info     Info
	prior    float64       // log P(junk) − log P(content)
	logTrans [2][2]float64 // log P(next | previous) for Smooth
	pool     sync.Pool     // of *Tokenizer
}

// init computes the derived fields of a model whose counts and info are set.
func (m *Model) init() {
	var total [2]int64
	for _, e := range m.words {
		total[0] += e.n[0]
		total[1] += e.n[1]
	}
	for _, e := range m.feats {
		total[0] += e.n[0]
		total[1] += e.n[1]
	}
	a := m.info.Alpha
	v := float64(len(m.words) + len(m.feats))
	// log of the denominators N_c + αV
	denJ := math.Log(float64(total[Junk]) + a*v)
	denC := math.Log(float64(total[Content]) + a*v)
	llr := func(n [2]int64) float64 {
		return (math.Log(float64(n[Junk])+a) - denJ) - (math.Log(float64(n[Content])+a) - denC)
	}
	for tok, e := range m.words {
		e.llr = llr(e.n)
		m.words[tok] = e
	}
	for tok, e := range m.feats {
		e.llr = llr(e.n)
		m.feats[tok] = e
	}
	m.prior = math.Log(float64(m.samples[Junk])+1) - math.Log(float64(m.samples[Content])+1)

	if m.trans == ([2][2]int64{}) {
		// Nothing learned: sticky labels.
		const stay = 0.9
		m.logTrans = [2][2]float64{
			{math.Log(stay), math.Log(1 - stay)},
			{math.Log(1 - stay), math.Log(stay)},
		}
	} else {
		for a := range 2 {
			row := float64(m.trans[a][0] + m.trans[a][1] + 2)
			for b := range 2 {
				m.logTrans[a][b] = math.Log(float64(m.trans[a][b]+1) / row)
			}
		}
	}
	m.info.Samples = [2]int{int(m.samples[0]), int(m.samples[1])}
	m.info.Vocabulary = len(m.words) + len(m.feats)
	m.info.Pinned = len(m.pins)
	m.pool.New = func() any { return NewTokenizer() }
}

// Info returns the description of the model.
func (m *Model) Info() Info { return m.info }

// LogOdds returns log P(junk|x) − log P(content|x) for a line with the
// given text and structural features (without the leading '#'): the class
// prior, plus the log-likelihood ratios of the feature tokens, plus those
// of the word tokens scaled by min(1, K/n) for n known word tokens (see the
// package documentation). Tokens the model has not seen are ignored.
//
// LogOdds is the evidence of the counts alone: it does not look at pinned
// lines (see [Model.PJunk]).
func (m *Model) LogOdds(text string, features []string) float64 {
	t := m.getTokenizer()
	var sum float64
	n := 0
	for _, w := range t.Words(text) {
		if e, ok := m.words[w]; ok {
			sum += e.llr
			n++
		}
	}
	m.pool.Put(t)
	if k := m.info.WordCap; float64(n) > k {
		sum *= k / float64(n)
	}
	x := m.prior + sum
	for _, f := range features {
		if e, ok := m.feats[f]; ok {
			x += e.llr
		}
	}
	return x
}

// getTokenizer returns a tokenizer from the pool; put it back when done.
func (m *Model) getTokenizer() *Tokenizer {
	t, _ := m.pool.Get().(*Tokenizer)
	if t == nil { // a zero Model has no pool constructor
		t = NewTokenizer()
	}
	return t
}

// PJunk returns P(junk|x) for a line, in [0, 1]. For a pinned line (see
// [Counts.Pin] and [Model.Pinned]) it is exactly 1 if the line is pinned
// as junk and exactly 0 if pinned as content, whatever the features;
// otherwise it is the logistic of [Model.LogOdds]. P(content|x) is
// 1 − PJunk.
func (m *Model) PJunk(text string, features []string) float64 {
	if l, ok := m.Pinned(text); ok {
		if l == Junk {
			return 1
		}
		return 0
	}
	return sigmoid(m.LogOdds(text, features))
}

// Classify returns [Junk] if PJunk(text, features) is at least the model's
// threshold, else [Content].
func (m *Model) Classify(text string, features []string) Label {
	if m.PJunk(text, features) >= m.info.Threshold {
		return Junk
	}
	return Content
}

// sigmoid returns 1/(1+e^−x) without overflow: e^x/(1+e^x) = exp(x − logsumexp(0, x)).
func sigmoid(x float64) float64 {
	if math.IsNaN(x) {
		return 0.5
	}
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Counts returns a mutable deep copy of the model's counts, for
// retraining: learn on the copy, build a new model with [Counts.ModelWith]
// and swap it in for the old one.
func (m *Model) Counts() *Counts {
	c := NewCounts()
	for tok, e := range m.words {
		n := e.n
		c.words[tok] = &n
	}
	for tok, e := range m.feats {
		n := e.n
		c.feats[tok] = &n
	}
	c.samples = m.samples
	c.trans = m.trans
	if len(m.pins) > 0 {
		c.pins = maps.Clone(m.pins)
	}
	return c
}
