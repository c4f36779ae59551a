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
