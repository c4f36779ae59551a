package classifier

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// tinyCounts is the hand-computed example:
//
//	content: "the cat sat"          → the, cat, sat, the_cat, cat_sat   (N_C = 5)
//	junk:    "click here" #tag=li   → click, here, click_here, #tag=li  (N_J = 4)
//
// so V = 9 distinct tokens and, with α = 1, P(t|c) = (n_c(t)+1)/(N_c+9).
func tinyCounts() *Counts {
	c := NewCounts()
	c.Learn(
		Sample{Text: "the cat sat", Label: Content},
		Sample{Text: "click here", Features: []string{"tag=li"}, Label: Junk},
	)
	return c
}

func mustSave(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Save(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLogOddsHandComputed(t *testing.T) {
	m := tinyCounts().Model()
	// llr(cat)     = log P(cat|J) − log P(cat|C)         = log(1/13) − log(2/14) = log(7/13)
	// llr(#tag=li) = log P(#tag=li|J) − log P(#tag=li|C) = log(2/13) − log(1/14) = log(28/13)
	// prior        = log((1+1)/(1+1))                                            = 0
	llrCat := math.Log(7.0 / 13)
	tests := []struct {
		name     string
		text     string
		features []string
		want     float64
	}{
		{"word and feature", "cat", []string{"tag=li"}, math.Log(196.0 / 169)},
		{"word only", "cat", nil, llrCat},
		{"feature only", "", []string{"tag=li"}, math.Log(28.0 / 13)},
		{"unknown tokens ignored", "zebra crossing", []string{"tag=table"}, 0},
		{"case and punctuation folded", "CAT!", nil, llrCat},
		// "cat cat … cat" has n known tokens "cat" (the bigram cat_cat is
		// unknown); up to K = 12 they count fully, beyond that the sum is
		// scaled by 12/n.
		{"6 words count fully", strings.Repeat("cat ", 6), nil, 6 * llrCat},
		{"12 words count fully", strings.Repeat("cat ", 12), nil, 12 * llrCat},
		{"24 words scaled to 12", strings.Repeat("cat ", 24), nil, 12 * llrCat},
		{"features are not scaled", strings.Repeat("cat ", 24), []string{"tag=li"}, 12*llrCat + math.Log(28.0/13)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.LogOdds(tt.text, tt.features)
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("LogOdds = %.15g, want %.15g", got, tt.want)
			}
			p := m.PJunk(tt.text, tt.features)
			if want := 1 / (1 + math.Exp(-tt.want)); math.Abs(p-want) > 1e-12 {
				t.Errorf("PJunk = %g, want %g", p, want)
			}
		})
	}
	if info := m.Info(); info.Vocabulary != 9 || info.Samples != [2]int{1, 1} || info.Threshold != 0.5 || info.Alpha != 1 || info.WordCap != 12 {
		t.Errorf("Info = %+v", info)
	}
}

func TestPriorAndAlpha(t *testing.T) {
	c := tinyCounts()
	c.Learn(Sample{Text: "menu", Label: Junk}, Sample{Text: "home", Label: Junk})
	m := c.ModelWith(Info{Alpha: 0.5})
	// Samples: 1 content, 3 junk → prior log(4/2). Only the prior for an
	// unknown word.
	if got, want := m.LogOdds("zebra", nil), math.Log(2); math.Abs(got-want) > 1e-12 {
		t.Errorf("prior = %g, want %g", got, want)
	}
	// α = 0.5: N_C = 5, N_J = 6, V = 11; llr(cat) = log(0.5/11.5) − log(1.5/10.5).
	if got, want := m.LogOdds("cat", nil), math.Log(2)+math.Log(0.5/11.5)-math.Log(1.5/10.5); math.Abs(got-want) > 1e-12 {
		t.Errorf("LogOdds(cat) = %g, want %g", got, want)
	}
}

func TestClassify(t *testing.T) {
	m := tinyCounts().Model()
	if got := m.Classify("click here", []string{"tag=li"}); got != Junk {
		t.Errorf("Classify(click here) = %v", got)
	}
	if got := m.Classify("the cat sat", nil); got != Content {
		t.Errorf("Classify(the cat sat) = %v", got)
	}
	strict := tinyCounts().ModelWith(Info{Threshold: 0.99})
	if got := strict.Classify("click here", nil); got != Content {
		t.Errorf("Classify with threshold 0.99 = %v", got)
	}
}

func TestNoUnderflow(t *testing.T) {
	junky := strings.Repeat("click here ", 50_000) // 100,000 word tokens
	for _, info := range []Info{{}, {WordCap: 1e12}} {
		m := tinyCounts().ModelWith(info)
		for _, text := range []string{junky, strings.Repeat("the cat sat ", 33_334)} {
			x := m.LogOdds(text, []string{"tag=li"})
			p := m.PJunk(text, []string{"tag=li"})
			if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(p) || p < 0 || p > 1 {
				t.Errorf("WordCap %g: LogOdds = %g, PJunk = %g", info.WordCap, x, p)
			}
		}
	}
}

func TestProbabilitiesSumToOne(t *testing.T) {
	for _, x := range []float64{-1e308, -1000, -40, -1, 0, 1e-9, 1, 40, 1000, 1e308, math.Inf(1), math.Inf(-1)} {
		pj, pc := sigmoid(x), sigmoid(-x)
		if pj < 0 || pj > 1 || math.Abs(pj+pc-1) > 1e-15 {
			t.Errorf("x = %g: P(junk) %g + P(content) %g != 1", x, pj, pc)
		}
	}
	if p := sigmoid(math.NaN()); p != 0.5 {
		t.Errorf("sigmoid(NaN) = %g", p)
	}
}

func TestLearnUnlearnRestores(t *testing.T) {
	a := []Sample{
		{Text: "the cat sat", Label: Content},
		{Text: "click here", Features: []string{"tag=li"}, Label: Junk},
	}
	b := []Sample{
		{Text: "the dog ran 2024 模型", Features: []string{"tag=p", "len=long"}, Label: Content},
		{Text: "click here now", Features: []string{"tag=li"}, Label: Junk},
		{Text: "brand new words", Label: Junk},
	}
	want := NewCounts()
	want.Learn(a...)
	c := NewCounts()
	c.Learn(a...)
	c.Learn(b...)
	if bytes.Equal(mustSave(t, want.Model()), mustSave(t, c.Model())) {
		t.Fatal("learning b changed nothing")
	}
	if err := c.Unlearn(b...); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustSave(t, want.Model()), mustSave(t, c.Model())) {
		t.Error("Learn then Unlearn did not restore the model")
	}
}

func TestUnlearnUnseen(t *testing.T) {
	tests := []struct {
		name string
		s    []Sample
	}{
		{"unknown word", []Sample{{Text: "zebra", Label: Content}}},
		{"wrong label", []Sample{{Text: "the cat sat", Label: Junk}}},
		{"unknown feature", []Sample{{Text: "cat", Features: []string{"tag=ul"}, Label: Content}}},
		{"learned once, unlearned twice", []Sample{{Text: "the cat sat", Label: Content}, {Text: "the cat sat", Label: Content}}},
		{"good then bad", []Sample{{Text: "click here", Features: []string{"tag=li"}, Label: Junk}, {Text: "zebra", Label: Junk}}},
		{"invalid label", []Sample{{Text: "cat", Label: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tinyCounts()
			before := mustSave(t, c.Model())
			err := c.Unlearn(tt.s...)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "classifier: ") {
				t.Errorf("error %q lacks the prefix", err)
			}
			if !bytes.Equal(before, mustSave(t, c.Model())) {
				t.Error("failed Unlearn changed the counts")
			}
		})
	}
}

func TestModelIsAFrozenCopy(t *testing.T) {
	c := tinyCounts()
	m := c.Model()
	before := mustSave(t, m)
	c.Learn(Sample{Text: "more words", Features: []string{"x"}, Label: Junk})
	c.LearnSequence([]Label{Junk, Junk})
	cc := m.Counts()
	cc.Learn(Sample{Text: "cat cat", Label: Junk})
	cc.Prune(5)
	if !bytes.Equal(before, mustSave(t, m)) {
		t.Error("training after Model() changed the model")
	}
	// Counts() round-trips: the copy freezes to the same model.
	if !bytes.Equal(before, mustSave(t, m.Counts().Model())) {
		t.Error("Counts().Model() differs from the model")
	}
}

func TestPrune(t *testing.T) {
	c := tinyCounts()
	c.Learn(Sample{Text: "the cat", Label: Junk})
	c.Prune(2)
	m := c.Model()
	// Kept: the, cat (2 each) and the_cat (2); feature #tag=li (1) is kept.
	got := map[string]bool{}
	for tok := range m.words {
		got[tok] = true
	}
	for _, tok := range []string{"the", "cat", "the_cat"} {
		if !got[tok] {
			t.Errorf("Prune dropped %q", tok)
		}
	}
	if len(m.words) != 3 {
		t.Errorf("after Prune(2), %d words, want 3", len(m.words))
	}
	if _, ok := m.feats["tag=li"]; !ok {
		t.Error("Prune dropped a feature token")
	}
}

func TestLearnInvalidLabelPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.HasPrefix(r.(string), "classifier: ") {
			t.Errorf("recover() = %v", r)
		}
	}()
	NewCounts().Learn(Sample{Text: "x", Label: 2})
}
