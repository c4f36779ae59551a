package classifier

import (
	"math"
	"testing"
)

func TestSmooth(t *testing.T) {
	m := tinyCounts().Model() // equal priors, default sticky transitions
	tests := []struct {
		name  string
		in    []float64
		check func(t *testing.T, out []float64)
	}{
		{"empty", nil, func(t *testing.T, out []float64) {
			if out == nil || len(out) != 0 {
				t.Errorf("Smooth(nil) = %#v, want empty", out)
			}
		}},
		{"one element keeps its evidence", []float64{0.8}, func(t *testing.T, out []float64) {
			if math.Abs(out[0]-0.8) > 1e-12 {
				t.Errorf("Smooth([0.8]) = %v", out)
			}
		}},
		{"isolated content line in junk pulled to junk", []float64{0.95, 0.9, 0.95, 0.3, 0.95, 0.9, 0.95}, func(t *testing.T, out []float64) {
			if out[3] <= 0.5 {
				t.Errorf("middle line %g, want > 0.5 (pulled to junk): %v", out[3], out)
			}
			for i, p := range out {
				if i != 3 && p < 0.9 {
					t.Errorf("junk line %d fell to %g", i, p)
				}
			}
		}},
		{"isolated junk line in content pulled to content", []float64{0.05, 0.1, 0.7, 0.1, 0.05}, func(t *testing.T, out []float64) {
			if out[2] >= 0.5 {
				t.Errorf("middle line %g, want < 0.5: %v", out[2], out)
			}
		}},
		{"strong evidence wins", []float64{0.9, 0.9, 1e-9, 0.9, 0.9}, func(t *testing.T, out []float64) {
			if out[2] >= 0.5 {
				t.Errorf("middle line %g, want < 0.5: %v", out[2], out)
			}
		}},
		{"extremes and NaN are safe", []float64{0, 1, math.NaN(), 1, 0, -3, 7, math.Inf(1)}, func(t *testing.T, out []float64) {
			for i, p := range out {
				if math.IsNaN(p) || p < 0 || p > 1 {
					t.Errorf("out[%d] = %g", i, p)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := m.Smooth(tt.in)
			if len(out) != len(tt.in) {
				t.Fatalf("len = %d, want %d", len(out), len(tt.in))
			}
			tt.check(t, out)
		})
	}
}

func TestSmoothLong(t *testing.T) {
	m := tinyCounts().Model()
	in := make([]float64, 1_000_000)
	for i := range in {
		in[i] = 0.999
		if i%1000 < 500 {
			in[i] = 0.001
		}
	}
	out := m.Smooth(in)
	for i, p := range out {
		if math.IsNaN(p) || p < 0 || p > 1 {
			t.Fatalf("out[%d] = %g", i, p)
		}
	}
	if out[250] > 0.01 || out[750] < 0.99 {
		t.Errorf("out[250] = %g, out[750] = %g", out[250], out[750])
	}
}

func TestSmoothLearnedTransitions(t *testing.T) {
	// Labels that alternate every line: the learned model expects a switch,
	// so a junk-ish line between content lines stays junk.
	c := tinyCounts()
	for range 50 {
		c.LearnSequence([]Label{Content, Junk, Content, Junk, Content, Junk})
	}
	in := []float64{0.1, 0.6, 0.1}
	sticky := tinyCounts().Model().Smooth(in)
	alt := c.Model().Smooth(in)
	if !(alt[1] > 0.6 && sticky[1] < 0.5) {
		t.Errorf("alternating model %v, sticky model %v", alt, sticky)
	}
}
