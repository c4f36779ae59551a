package classifier

import (
	"fmt"
	"testing"
)

func BenchmarkPJunk(b *testing.B) {
	m := richModel(b)
	features := []string{"tag=li", "link=high", "len=short", "region=outside"}
	for _, script := range []string{"ascii", "cjk"} {
		for _, n := range benchSizes {
			text := benchText(n, script)
			b.Run(fmt.Sprintf("%s/n=%d", script, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					m.PJunk(text, features)
				}
			})
		}
	}
}

func BenchmarkPJunkParallel(b *testing.B) {
	m := richModel(b)
	text := benchText(20, "ascii")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.PJunk(text, []string{"tag=p"})
		}
	})
}

func BenchmarkSmooth(b *testing.B) {
	m := richModel(b)
	for _, n := range []int{100, 10000} {
		p := make([]float64, n)
		for i := range p {
			p[i] = float64(i%10) / 10
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m.Smooth(p)
			}
		})
	}
}

func BenchmarkLearn(b *testing.B) {
	s := placeholderSamples(b)
	b.ReportAllocs()
	c := NewCounts()
	for b.Loop() {
		c.Learn(s...)
	}
}

// BenchmarkPJunkPins compares a model without pinned lines to one with
// 10,000: the lookup normalises the line once more.
func BenchmarkPJunkPins(b *testing.B) {
	c := NewCounts()
	c.Learn(placeholderSamples(b)...)
	none := c.Model()
	for i := range 10_000 {
		c.Pin(Sample{Text: fmt.Sprintf("pinned line number %d", i), Label: Label(i % 2)})
	}
	pinned := c.Model()
	for _, script := range []string{"ascii", "cjk"} {
		text := benchText(20, script)
		for name, m := range map[string]*Model{"none": none, "10k": pinned} {
			b.Run(script+"/pins="+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					m.PJunk(text, []string{"tag=p"})
				}
			})
		}
	}
}
