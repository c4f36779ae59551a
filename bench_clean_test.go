package winnow_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
)

// BenchmarkClean cleans the fixture pages (testdata/pages and the seed) with
// the default model and with stage 1 alone, and reports pages/s.
func BenchmarkClean(b *testing.B) {
	inputs := benchInputs(b)
	if _, err := classifier.Default(); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		opts *winnow.Options
	}{{"default", nil}, {"fast", &winnow.Options{Fast: true}}} {
		for _, in := range inputs {
			b.Run(fmt.Sprintf("%s/%s", mode.name, in.name), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.raw)))
				for b.Loop() {
					if _, err := winnow.CleanBytes(context.Background(), in.raw, mode.opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			})
		}
	}
}

// BenchmarkCleanSizes sweeps synthetic article pages of growing size.
func BenchmarkCleanSizes(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		var page strings.Builder
		page.WriteString("<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav><article>")
		for i := range n {
			fmt.Fprintf(&page, "<p>Paragraph %d of the article, with a comma, some words and an end.</p>", i)
		}
		page.WriteString("</article><footer>Copyright</footer></body></html>")
		raw := []byte(page.String())
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := winnow.CleanBytes(context.Background(), raw, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type benchInput struct {
	name string
	raw  []byte
}

func benchInputs(b *testing.B) []benchInput {
	b.Helper()
	var out []benchInput
	dirs, err := os.ReadDir(filepath.Join("testdata", "pages"))
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range dirs {
		raw, err := os.ReadFile(filepath.Join("testdata", "pages", d.Name(), "input.html.gz"))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, benchInput{d.Name(), raw})
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "seed", "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return append(out, benchInput{"seed-text", raw})
}
