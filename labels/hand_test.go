package labels

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// sample returns a sample without features.
func sample(page, text string, l classifier.Label) classifier.Sample {
	return classifier.Sample{Text: text, Label: l, Page: page}
}

// handPages are two hand-labelled pages without features, in file order.
func handPages() []classifier.Sample {
	c, j := classifier.Content, classifier.Junk
	return []classifier.Sample{
		sample("p1", "Sign in", j),
		sample("p1", "Home > World > Science", j),
		sample("p1", "Sea otters hold hands while they sleep", c),
		sample("p1", "Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.", c),
		sample("p1", "The animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open clams.", c),
		sample("p1", "Share on Facebook | Share on X", j),
		sample("p1", "Copyright 2026 Example News. All rights reserved.", j),
		sample("p2", "Menu", j),
		sample("p2", "Mix the flour, water and starter in a large bowl and leave the dough to rest for an hour before adding the salt.", c),
		sample("p2", "Fold the dough every half hour for the first two hours, then let it rise slowly overnight in a cool kitchen.", c),
		sample("p2", "Read more:   Our favourite   bread recipes", j),
	}
}

// feature returns the value of the key=value feature of s, or "".
func feature(s classifier.Sample, key string) string {
	for _, f := range s.Features {
		if v, ok := strings.CutPrefix(f, key+"="); ok {
			return v
		}
	}
	return ""
}

func TestWithTextFeatures(t *testing.T) {
	in := handPages()
	out, err := WithTextFeatures(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("%d samples out, want %d", len(out), len(in))
	}
	for i, s := range out {
		if s.Text != in[i].Text || s.Label != in[i].Label || s.Page != in[i].Page {
			t.Errorf("sample %d changed: %+v, want %+v", i, s, in[i])
		}
		if feature(s, "tag") != "line" {
			t.Errorf("sample %d %q: features %q, want tag=line", i, s.Text, s.Features)
		}
		if r := feature(s, "region"); r != "inside" && r != "edge" && r != "outside" {
			t.Errorf("sample %d %q: features %q, want a region", i, s.Text, s.Features)
		}
		if feature(s, "pos") == "" || feature(s, "len") == "" || feature(s, "link") != "none" {
			t.Errorf("sample %d %q: features %q, want pos, len and link=none", i, s.Text, s.Features)
		}
	}
	// The input is not changed.
	for i, s := range in {
		if s.Features != nil {
			t.Errorf("input sample %d got features %q", i, s.Features)
		}
	}
	// Each page is its own text export: both first lines are at the head.
	for _, i := range []int{0, 7} {
		if got := feature(out[i], "pos"); got != "head" {
			t.Errorf("first line of page %s: pos=%s, want head", out[i].Page, got)
		}
	}
	// Stage 1 puts the paragraphs inside the article and the menu outside it.
	if got := feature(out[3], "region"); got != "inside" {
		t.Errorf("article paragraph: region=%s, want inside", got)
	}
	if got := feature(out[0], "region"); got == "inside" {
		t.Errorf("menu line: region=%s, want outside or edge", got)
	}
}

// TestWithTextFeaturesMatchesText checks that each sample gets the features
// of its line when its page is read as a text export, as clean would read it.
func TestWithTextFeaturesMatchesText(t *testing.T) {
	in := handPages()
	out, err := WithTextFeatures(in)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]int{} // page -> sample indexes
	for i, s := range in {
		pages[s.Page] = append(pages[s.Page], i)
	}
	for page, idx := range pages {
		var export strings.Builder
		for _, i := range idx {
			export.WriteString(in[i].Text + "\n")
		}
		doc, err := extract.FromText(export.String(), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) != len(idx) {
			t.Fatalf("page %s: %d blocks for %d lines", page, len(doc.Blocks), len(idx))
		}
		for k, i := range idx {
			want := doc.Blocks[k].Features(len(doc.Blocks))
			if !slices.Equal(out[i].Features, want) {
				t.Errorf("page %s line %d %q: features %q, want %q", page, k, in[i].Text, out[i].Features, want)
			}
		}
	}
}

func TestWithTextFeaturesKeepsFeatures(t *testing.T) {
	given := []string{"tag=li", "link=high", "cls=nav"}
	in := []classifier.Sample{
		{Text: "Home", Label: classifier.Junk, Page: "a", Features: given},
		{Text: "About us", Label: classifier.Junk, Page: "a", Features: []string{"tag=a"}},
		sample("b", "Sea otters hold hands while they sleep so that they do not drift apart.", classifier.Content),
	}
	out, err := WithTextFeatures(in)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out[0].Features, given) || !slices.Equal(out[1].Features, []string{"tag=a"}) {
		t.Errorf("given features changed: %q, %q", out[0].Features, out[1].Features)
	}
	if feature(out[2], "tag") != "line" {
		t.Errorf("page without features: %q, want text features", out[2].Features)
	}
}

// TestWithTextFeaturesMixedPage checks a page where only some samples carry
// features: the doc says those are kept and the others filled in.
func TestWithTextFeaturesMixedPage(t *testing.T) {
	given := []string{"tag=li", "cls=nav"}
	tests := []struct {
		name string
		in   []classifier.Sample
		keep int // index of the sample with given features
	}{
		{
			name: "first without",
			in: []classifier.Sample{
				sample("p", "Sea otters hold hands while they sleep so that they do not drift apart.", classifier.Content),
				{Text: "Share", Label: classifier.Junk, Page: "p", Features: given},
			},
			keep: 1,
		},
		{
			name: "first with",
			in: []classifier.Sample{
				{Text: "Share", Label: classifier.Junk, Page: "p", Features: given},
				sample("p", "Sea otters hold hands while they sleep so that they do not drift apart.", classifier.Content),
			},
			keep: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := WithTextFeatures(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range out {
				if i == tt.keep {
					if !slices.Equal(s.Features, given) {
						t.Errorf("sample %d: given features %q became %q", i, given, s.Features)
					}
				} else if len(s.Features) == 0 {
					t.Errorf("sample %d %q: no features filled in", i, s.Text)
				}
			}
		})
	}
}

func TestWithTextFeaturesErrors(t *testing.T) {
	c, j := classifier.Content, classifier.Junk
	tests := []struct {
		name    string
		in      []classifier.Sample
		wantErr string
	}{
		{
			name:    "empty text in a page",
			in:      []classifier.Sample{sample("p", "Menu", j), sample("p", "", j), sample("p", "Sea otters hold hands.", c)},
			wantErr: `page "p": sample 1 has no line of its own`,
		},
		{
			name:    "blank text",
			in:      []classifier.Sample{sample("q", "   ", j)},
			wantErr: `page "q": sample 0`,
		},
		{
			name:    "embedded newline",
			in:      []classifier.Sample{sample("r", "Menu", j), sample("r", "Sea otters\nhold hands.", c)},
			wantErr: `page "r": sample 1`,
		},
		{
			name:    "error on the second page",
			in:      append(handPages(), sample("s", "", j)),
			wantErr: `page "s"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := WithTextFeatures(tt.in)
			if err == nil {
				t.Fatalf("no error; out %+v", out)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "labels: ") {
				t.Errorf("err = %q, want it to start with labels: and contain %q", err, tt.wantErr)
			}
			if out != nil {
				t.Errorf("out = %v, want nil on error", out)
			}
		})
	}
}

func TestWithTextFeaturesEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		in   []classifier.Sample
	}{
		{name: "nil", in: nil},
		{name: "no page ids", in: []classifier.Sample{sample("", "Menu", classifier.Junk), sample("", "Sea otters hold hands while they sleep.", classifier.Content)}},
		{name: "repeated line", in: []classifier.Sample{sample("p", "Share", classifier.Junk), sample("p", "Sea otters hold hands while they sleep.", classifier.Content), sample("p", "Share", classifier.Junk)}},
		{name: "cjk", in: []classifier.Sample{sample("z", "首页", classifier.Junk), sample("z", "海獭睡觉时会手牵手，以免漂散。它们还把喜欢的石头藏在腋下的皮囊里。", classifier.Content)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := WithTextFeatures(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) != len(tt.in) {
				t.Fatalf("%d samples out, want %d", len(out), len(tt.in))
			}
			for i, s := range out {
				if feature(s, "tag") != "line" {
					t.Errorf("sample %d %q: features %q, want tag=line", i, s.Text, s.Features)
				}
			}
			if tt.name == "repeated line" && feature(out[0], "pos") == feature(out[2], "pos") {
				t.Errorf("both copies of a repeated line got the first one's features: %q", out[2].Features)
			}
		})
	}
}
