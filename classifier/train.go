package classifier

import (
	"fmt"
	"maps"
	"math"
	"time"
)

// Counts holds the mutable training counts of a classifier: for every
// token, how often it occurred in lines of each class; how many samples of
// each class were learned; the label-to-label transitions of the sequence
// model; and the pinned lines, whose label is fixed (see [Counts.Pin]).
// Build a [Model] from it with [Counts.Model].
//
// Counts is not safe for concurrent use.
type Counts struct {
	words   map[string]*[2]int64 // word tokens (from Tokenizer.Words)
	feats   map[string]*[2]int64 // feature tokens, stored without '#'
	samples [2]int64             // learned samples per class
	trans   [2][2]int64          // trans[a][b]: label a followed by label b
	pins    map[string]Label     // pinned lines, by PinKey
	tok     *Tokenizer
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{words: map[string]*[2]int64{}, feats: map[string]*[2]int64{}}
}

func (c *Counts) tokenizer() *Tokenizer {
	if c.tok == nil {
		c.tok = NewTokenizer()
	}
	return c.tok
}

// Learn adds the tokens of each sample to the counts of its label. Every
// occurrence of a token counts (a multinomial model).
//
// Learn panics if a sample's Label is neither [Content] nor [Junk]: labels
// read by [ReadSamples] or [ParseLabel] are always valid.
func (c *Counts) Learn(s ...Sample) {
	for i := range s {
		l := s[i].Label
		if !l.valid() {
			panic(fmt.Sprintf("classifier: Learn: invalid label %d", uint8(l)))
		}
		for _, w := range c.tokenizer().Words(s[i].Text) {
			add(c.words, w, l, 1)
		}
		for _, f := range s[i].Features {
			add(c.feats, f, l, 1)
		}
		c.samples[l]++
	}
}

// add adds d to m[tok][l], creating or deleting the entry as needed.
func add(m map[string]*[2]int64, tok string, l Label, d int64) {
	p := m[tok]
	if p == nil {
		p = new([2]int64)
		m[tok] = p
	}
	p[l] += d
	if p[0] == 0 && p[1] == 0 {
		delete(m, tok)
	}
}

// Unlearn removes samples learned earlier, so that a wrongly labelled
// sample can be taken back: after Learn(s) and Unlearn(s) the counts are
// exactly as before.
//
// Unlearn returns an error, and changes nothing, if removing the samples
// would make any count negative: a sample that was never learned (or whose
// tokens were dropped by [Counts.Prune]), or an invalid label.
func (c *Counts) Unlearn(s ...Sample) error {
	// Sum up the changes first, so that nothing changes on error.
	dw := map[string]*[2]int64{}
	df := map[string]*[2]int64{}
	var ds [2]int64
	for i := range s {
		l := s[i].Label
		if !l.valid() {
			return fmt.Errorf("classifier: Unlearn: sample %d: invalid label %d", i, uint8(l))
		}
		for _, w := range c.tokenizer().Words(s[i].Text) {
			add(dw, w, l, 1)
		}
		for _, f := range s[i].Features {
			add(df, f, l, 1)
		}
		ds[l]++
	}
	for l := range ds {
		if ds[l] > c.samples[l] {
			return fmt.Errorf("classifier: Unlearn: %d %s samples, but only %d learned", ds[l], Label(l), c.samples[l])
		}
	}
	if err := checkSub(c.words, dw, ""); err != nil {
		return err
	}
	if err := checkSub(c.feats, df, "#"); err != nil {
		return err
	}
	for tok, d := range dw {
		for l := range d {
			add(c.words, tok, Label(l), -d[l])
		}
	}
	for tok, d := range df {
		for l := range d {
			add(c.feats, tok, Label(l), -d[l])
		}
	}
	c.samples[0] -= ds[0]
	c.samples[1] -= ds[1]
	return nil
}

func checkSub(m, d map[string]*[2]int64, prefix string) error {
	for tok, dd := range d {
		have := m[tok]
		for l := range dd {
			if dd[l] == 0 {
				continue
			}
			if have == nil || have[l] < dd[l] {
				return fmt.Errorf("classifier: Unlearn: token %q was not learned as %s (sample never learned?)", prefix+tok, Label(l))
			}
		}
	}
	return nil
}

// LearnSequence adds the transitions between consecutive labels of one
// page's lines, in document order, to the counts of the sequence model used
// by [Model.Smooth].
func (c *Counts) LearnSequence(labels []Label) {
	for i := 1; i < len(labels); i++ {
		a, b := labels[i-1], labels[i]
		if a.valid() && b.valid() {
			c.trans[a][b]++
		}
	}
}

// UnlearnSequence takes back the transitions that [Counts.LearnSequence]
// added for the same labels. It returns an error, and changes nothing, if a
// transition count would become negative.
func (c *Counts) UnlearnSequence(labels []Label) error {
	var d [2][2]int64
	for i := 1; i < len(labels); i++ {
		a, b := labels[i-1], labels[i]
		if !a.valid() || !b.valid() {
			return fmt.Errorf("classifier: UnlearnSequence: invalid label at %d", i)
		}
		d[a][b]++
	}
	for a := range d {
		for b := range d[a] {
			if d[a][b] > c.trans[a][b] {
				return fmt.Errorf("classifier: UnlearnSequence: %d %s→%s transitions, but only %d learned", d[a][b], Label(a), Label(b), c.trans[a][b])
			}
		}
	}
	for a := range d {
		for b := range d[a] {
			c.trans[a][b] -= d[a][b]
		}
	}
	return nil
}

// Prune drops the word tokens whose total count (both classes) is below
// minCount, to shrink the model and drop noise. Feature tokens and pinned
// lines are always kept. After Prune, a sample with a dropped token can no longer be
// unlearned.
func (c *Counts) Prune(minCount int) {
	for tok, n := range c.words {
		if n[0]+n[1] < int64(minCount) {
			delete(c.words, tok)
		}
	}
}

// Model freezes the counts into an immutable [Model] with default
// settings: ModelWith(Info{}).
func (c *Counts) Model() *Model { return c.ModelWith(Info{}) }

// ModelWith freezes the counts into an immutable [Model] described by
// info. Further changes to c do not change the model.
//
// Version, TrainedAt and Note are stored as given (TrainedAt is not set to
// the current time, so that the same counts give the same model file).
// Zero Threshold, Alpha and WordCap mean their defaults (0.5, 1 and 12);
// invalid values (a threshold outside [0, 1], a non-positive or non-finite
// Alpha or WordCap) also fall back to the defaults. Samples, Vocabulary
// and Pinned are computed from the counts. The model has a copy of the
// pinned lines.
func (c *Counts) ModelWith(info Info) *Model {
	if !(info.Threshold > 0 && info.Threshold <= 1) {
		info.Threshold = DefaultThreshold
	}
	if !(info.Alpha > 0) || math.IsInf(info.Alpha, 0) {
		info.Alpha = DefaultAlpha
	}
	if !(info.WordCap > 0) || math.IsInf(info.WordCap, 0) {
		info.WordCap = DefaultWordCap
	}
	if !info.TrainedAt.IsZero() {
		info.TrainedAt = info.TrainedAt.UTC().Round(0)
	} else {
		info.TrainedAt = time.Time{}
	}
	m := &Model{
		words:   make(map[string]entry, len(c.words)),
		feats:   make(map[string]entry, len(c.feats)),
		samples: c.samples,
		trans:   c.trans,
		info:    info,
	}
	for tok, n := range c.words {
		m.words[tok] = entry{n: *n}
	}
	for tok, n := range c.feats {
		m.feats[tok] = entry{n: *n}
	}
	if len(c.pins) > 0 {
		m.pins = maps.Clone(c.pins)
	}
	m.init()
	return m
}
