package winnow

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// TestPinsSurviveSmoothing checks that a pinned line's P(junk) is exactly
// 0 or 1 after the sequence pass and the blend, and that the decision
// follows it on HTML and on text: a pinned content line amid junk, and a
// pinned junk line amid the article.
func TestPinsSurviveSmoothing(t *testing.T) {
	def, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	const (
		menu  = "Our services"
		share = "The council will publish the full report on its website next week."
	)
	article := []string{
		"The council voted on Tuesday to extend the riverside path by four kilometres.",
		"Work is expected to begin in the spring and to take about eighteen months.",
		share,
		"Residents who spoke at the meeting were mostly in favour of the plan.",
		"A second vote on the budget for the project will be held in March.",
	}
	c := def.Counts()
	if err := c.Pin(classifier.Sample{Text: strings.ToUpper(menu), Label: classifier.Content},
		classifier.Sample{Text: share, Label: classifier.Junk}); err != nil {
		t.Fatal(err)
	}
	pinned := c.ModelWith(def.Info())

	var html strings.Builder
	html.WriteString(`<html><head><title>Path</title></head><body><nav><ul>`)
	for _, l := range []string{"Home", "News", menu, "Contact", "Sign in"} {
		html.WriteString(`<li><a href="/x">` + l + `</a></li>`)
	}
	html.WriteString(`</ul></nav><article><h1>Riverside path to be extended</h1>`)
	for _, l := range article {
		html.WriteString("<p>" + l + "</p>")
	}
	html.WriteString(`</article><footer><a href="/privacy">Privacy</a></footer></body></html>`)
	text := "Home\nNews\n" + menu + "\nContact\n\n" + strings.Join(article, "\n") + "\n\nPrivacy\nSign in\n"

	for _, tt := range []struct{ name, in string }{{"html", html.String()}, {"text", text}} {
		t.Run(tt.name, func(t *testing.T) {
			before, err := CleanBytes(context.Background(), []byte(tt.in), &Options{Model: def})
			if err != nil {
				t.Fatal(err)
			}
			after, err := CleanBytes(context.Background(), []byte(tt.in), &Options{Model: pinned})
			if err != nil {
				t.Fatal(err)
			}
			for i, b := range after.Blocks {
				was := before.Blocks[i]
				switch b.Text {
				case menu:
					t.Logf("%q: %s p_junk %.4f → %v %g", b.Text, was.Region, was.PJunk, b.Label, b.PJunk)
					if b.PJunk != 0 || b.Label != classifier.Content {
						t.Errorf("pinned content %q: %v p_junk %g", b.Text, b.Label, b.PJunk)
					}
				case share:
					t.Logf("%q: %s p_junk %.4f → %v %g", b.Text, was.Region, was.PJunk, b.Label, b.PJunk)
					if b.PJunk != 1 || b.Label != classifier.Junk {
						t.Errorf("pinned junk %q: %v p_junk %g", b.Text, b.Label, b.PJunk)
					}
				}
			}
			if !strings.Contains(after.Text, menu) || strings.Contains(after.Text, share) {
				t.Errorf("text does not follow the pins:\n%s", after.Text)
			}
			if !strings.Contains(after.Text, article[0]) {
				t.Errorf("the article was lost:\n%s", after.Text)
			}
		})
	}
}

// TestPinsSurviveRecentre checks that the page's shift (recentre) leaves a
// pinned line's P(junk) at exactly 0 or 1: the long lines inside the region
// are given a raw P(junk) of 0.999, so that the page is shifted.
func TestPinsSurviveRecentre(t *testing.T) {
	def, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	const pinJunk, pinContent = "Share this article on Facebook", "The wine of the year comes from this valley"
	c := def.Counts()
	if err := c.Pin(classifier.Sample{Text: pinJunk, Label: classifier.Junk}, classifier.Sample{Text: pinContent, Label: classifier.Content}); err != nil {
		t.Fatal(err)
	}
	m := c.ModelWith(def.Info())
	long := strings.Repeat("A long line of the article, which the model is made to find junk-like. ", 3)
	doc := &extract.Document{Kind: extract.KindHTML}
	for _, s := range []string{pinContent, pinJunk, long, long, long} {
		doc.Blocks = append(doc.Blocks, extract.Block{Text: s, Tag: "p", Region: extract.RegionInside, Index: len(doc.Blocks)})
	}
	raw := []float64{0.5, 0.5, 0.999, 0.999, 0.999}
	p := calibrate(m, doc, raw)
	if med := slices.Sorted(slices.Values(p[2:]))[1]; math.Abs(med-recentreTarget) > 1e-9 {
		t.Errorf("median P(junk) of the long lines %.4f after the shift, want %v", med, recentreTarget)
	}
	if p[0] != 0 || p[1] != 1 {
		t.Errorf("pinned lines after the shift: content %g, junk %g; want exactly 0 and 1", p[0], p[1])
	}
}
