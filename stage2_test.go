package winnow

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/labels"
)

// textExport reads a test page and returns its text export: its blocks'
// text, one a line, read back as a text document.
func textExport(t *testing.T, page string) *extract.Document {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", page, "input.html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	html, err := extract.Extract(context.Background(), raw, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.FromText(labels.TextExport(html), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestStage2ScoresMovedLines checks that after stage 2 finds a text's run
// again, every line's P(junk) is the one it gets in its new place: the
// lines that moved are scored again, and the sequence pass and calibration
// run on the new scores. JunkProbabilities gives the same values and
// leaves its document as it was.
func TestStage2ScoresMovedLines(t *testing.T) {
	m, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"en-seo-blog", "en-gov-page", "en-tip-guide"} {
		t.Run(page, func(t *testing.T) {
			doc := textExport(t, page)
			was := make([]extract.Region, len(doc.Blocks))
			for i, b := range doc.Blocks {
				was[i] = b.Region
			}
			viaAPI := JunkProbabilities(m, doc)
			for i, b := range doc.Blocks {
				if b.Region != was[i] {
					t.Fatalf("JunkProbabilities moved block %d", i)
				}
			}
			p := stage2(m, doc)
			moved := 0
			raw := make([]float64, len(doc.Blocks))
			for i := range doc.Blocks {
				if doc.Blocks[i].Region != was[i] {
					moved++
				}
				raw[i] = blockScore(m, doc, i)
			}
			if moved == 0 {
				t.Fatal("no line moved: the case needs some")
			}
			want := calibrate(m, doc, raw)
			for i := range p {
				if math.Abs(p[i]-want[i]) > 1e-12 {
					t.Errorf("block %d (%s, was %s): P(junk) %v, scored in its place %v", i, doc.Blocks[i].Region, was[i], p[i], want[i])
				}
				if viaAPI[i] != p[i] {
					t.Errorf("block %d: JunkProbabilities %v, stage 2 %v", i, viaAPI[i], p[i])
				}
			}
		})
	}
}
