package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestShingleCounts(t *testing.T) {
	tests := []struct {
		name       string
		got, want  string
		cjk        bool
		tp, fp, fn float64
	}{
		{"identical", "a b c d e", "a b c d e", false, 1, 0, 0},
		{"identical modulo punctuation and breaks", "a, b. c\n\nd e!", "a b c d e", false, 1, 0, 0},
		{"disjoint", "a b c d", "e f g h", false, 0, 0.5, 0.5},
		{"partial", "a b c d e f", "a b c d e x", false, 0.5, 0.25, 0.25},
		{"case sensitive", "A b c d", "a b c d", false, 0, 0.5, 0.5},
		{"short identical", "a b", "a b", false, 1, 0, 0},
		{"short vs longer", "a b", "a b c", false, 0, 0.5, 0.5},
		{"empty output", "", "a b c d e", false, 0, 0, 1},
		{"empty truth", "a b c d e", "", false, 0, 1, 0},
		{"both empty", " ", "", false, 0, 0, 0},
		{"multiset", "a b c d a b c d", "a b c d", false, 0.2, 0.8, 0},
		{"cjk identical", "海獭睡觉时", "海獭睡觉时", true, 1, 0, 0},
		{"cjk prefix", "海獭睡觉", "海獭睡觉时", true, 0.5, 0, 0.5},
		{"cjk prefix without cjk tokens", "海獭睡觉", "海獭睡觉时", false, 0, 0.5, 0.5},
		{"cjk hard wrap", "一二三四五六", "一二三\n\n四五六", true, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp, fp, fn := ShingleCounts(tt.got, tt.want, tt.cjk)
			if !near(tp, tt.tp) || !near(fp, tt.fp) || !near(fn, tt.fn) {
				t.Errorf("ShingleCounts(%q, %q) = %v, %v, %v; want %v, %v, %v", tt.got, tt.want, tp, fp, fn, tt.tp, tt.fp, tt.fn)
			}
		})
	}
}

func TestPRFRules(t *testing.T) {
	tests := []struct {
		name   string
		p      PRF
		prec   float64
		recall float64
		wantF1 float64
	}{
		{"perfect", PRF{1, 0, 0}, 1, 1, 1},
		{"both empty", PRF{0, 0, 0}, 1, 1, 1},
		{"no output", PRF{0, 0, 1}, 0, 0, 0},
		{"no truth", PRF{0, 1, 0}, 0, 0, 0},
		{"disjoint", PRF{0, 0.5, 0.5}, 0, 0, 0},
		{"partial", PRF{0.5, 0.25, 0.25}, 2.0 / 3, 2.0 / 3, 2.0 / 3},
		{"half recall", PRF{0.5, 0, 0.5}, 1, 0.5, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Precision(); !near(got, tt.prec) {
				t.Errorf("Precision = %v, want %v", got, tt.prec)
			}
			if got := tt.p.Recall(); !near(got, tt.recall) {
				t.Errorf("Recall = %v, want %v", got, tt.recall)
			}
			if got := tt.p.F1(); !near(got, tt.wantF1) {
				t.Errorf("F1 = %v, want %v", got, tt.wantF1)
			}
		})
	}
}

func TestAccumulator(t *testing.T) {
	t.Run("zero", func(t *testing.T) {
		var a Accumulator
		if got := a.Scores(); got != (Scores{}) {
			t.Errorf("Scores() = %+v, want zero", got)
		}
	})
	t.Run("averaging rules", func(t *testing.T) {
		var a Accumulator
		a.Add("a b c d e", "a b c d e", false)     // P 1, R 1
		a.Add("", "a b c d e", false)              // no output: recall 0, no precision
		a.Add("a b c d e", "", false)              // no truth: precision 0, no recall
		a.Add("", "", false)                       // neither counted
		a.Add("a b c d e f", "a b c d e x", false) // P 2/3, R 2/3
		got := a.Scores()
		want := Scores{Precision: 5.0 / 9, Recall: 5.0 / 9, F1: 5.0 / 9, Pages: 5}
		if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) || got.Pages != want.Pages {
			t.Errorf("Scores() = %+v, want %+v", got, want)
		}
	})
	t.Run("F1 of averages", func(t *testing.T) {
		var a Accumulator
		a.AddPRF(PRF{0.5, 0, 0.5}) // P 1, R 0.5
		a.AddPRF(PRF{0.5, 0.5, 0}) // P 0.5, R 1
		got := a.Scores()
		// Averages are 0.75 and 0.75, so F1 is 0.75, not the mean of the
		// pages' F1 (2/3).
		if !near(got.Precision, 0.75) || !near(got.Recall, 0.75) || !near(got.F1, 0.75) {
			t.Errorf("Scores() = %+v, want P=R=F1=0.75", got)
		}
	})
	t.Run("only empty outputs", func(t *testing.T) {
		var a Accumulator
		a.Add("", "a b c d", false)
		got := a.Scores()
		if got.Precision != 0 || got.Recall != 0 || got.F1 != 0 || got.Pages != 1 {
			t.Errorf("Scores() = %+v, want zeros and 1 page", got)
		}
	})
}

func BenchmarkShingleCounts(b *testing.B) {
	text := ""
	for range 200 {
		text += "Sea otters hold hands while they sleep so that they do not drift apart. "
	}
	b.ReportAllocs()
	for b.Loop() {
		ShingleCounts(text[:len(text)/2], text, false)
	}
}
