package eval

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/internal/corpustest"
)

// mergePage is one page of the corpus of the Merge tests, with what the
// test extractor returns for it.
type mergePage struct {
	id, body string
	// out is the extractor's output; "error" and "panic" make it fail.
	out string
}

const (
	mergeNav    = "Home | About | Sign in"
	mergeFooter = "Copyright 2026 Example News"
)

// mergePages have every kind of outcome: perfect, padded with junk, cut
// short, empty, failed, off topic and CJK. Their ids fall in both splits
// and both folds of Fold(id, 2).
var mergePages = []mergePage{
	{"otters", "Sea otters hold hands while they sleep so that they do not drift apart.\n\nThey keep a favourite rock in a pouch under the arm.",
		"Sea otters hold hands while they sleep so that they do not drift apart.\n\nThey keep a favourite rock in a pouch under the arm."},
	{"bread", "Mix the flour, water and starter in a bowl and leave the dough to rest for an hour.",
		mergeNav + "\nMix the flour, water and starter in a bowl and leave the dough to rest for an hour.\n" + mergeFooter},
	{"bees", "A honeybee that finds flowers returns to the hive and dances. The angle of the dance gives the direction of the flowers.",
		"A honeybee that finds flowers returns to the hive and dances."},
	{"trains", "Overnight sleeper services are running again between several capital cities.", "error"},
	{"tea", "Pouring boiling water over green tea leaves scorches them and draws out a bitter taste.", ""},
	{"rivers", "The river burst its banks after a week of heavy rain upstream.", "panic"},
	{"owls", "The leading edge of an owl's flight feathers breaks up the rushing air.", "Ten facts about river otters you never knew about"},
	{"kites", "A large sail of thin nylon lifts the kite on a calm afternoon.",
		"A large sail of thin nylon lifts the kite on a calm afternoon. " + mergeFooter},
	{"haita", "海獭睡觉时会手牵手，以免在水流中漂散。它们还把喜欢的石头藏在皮囊里。", "海獭睡觉时会手牵手，以免在水流中漂散。首页"},
	{"chess", "Players now have a fixed budget of thinking time.", "Players now have a fixed budget of thinking time."},
}

// writeMergeCorpus writes mergePages as a corpus in a temporary directory
// (with and without snippets in the ground truth) and loads it.
func writeMergeCorpus(t *testing.T) *Corpus {
	t.Helper()
	var pages []corpustest.Page
	for _, p := range mergePages {
		html := "<html><body><nav>" + mergeNav + "</nav><p>" + p.body + "</p><footer>" + mergeFooter + "</footer></body></html>"
		words := strings.Fields(p.body)
		with := []string{strings.Join(words[:min(3, len(words))], " ")}
		if len(words) > 6 {
			with = append(with, strings.Join(words[len(words)-3:], " "))
		}
		if IsCJKText(p.body) {
			with = []string{"海獭睡觉时", "喜欢的石头"}
		}
		pages = append(pages, corpustest.Page{ID: p.id, HTML: []byte(html), Body: p.body, With: with, Without: []string{mergeNav, mergeFooter, "首页"}})
	}
	c, err := LoadCorpus(corpustest.Write(t, filepath.Join(t.TempDir(), "mergecorpus"), pages))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mergeExtractor returns each page's out, failing on "error" and "panic".
func mergeExtractor(_ context.Context, _ []byte, p Page) (string, error) {
	for _, mp := range mergePages {
		if mp.id != p.ID {
			continue
		}
		switch mp.out {
		case "error":
			return "", errors.New("no article found")
		case "panic":
			panic("extractor bug")
		}
		return mp.out, nil
	}
	return "", errors.New("unknown page " + p.ID)
}

func runMerge(t *testing.T, c *Corpus, split Split, workers int) *Report {
	t.Helper()
	r, err := Run(context.Background(), c, split, "merge-test", mergeExtractor, workers)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sameResults compares per-page results, leaving out the timing.
func sameResults(t *testing.T, got, want []PageResult) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		g.Duration, w.Duration = 0, 0
		if !reflect.DeepEqual(g, w) {
			t.Errorf("result %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestMergeEqualsWholeRun(t *testing.T) {
	c := writeMergeCorpus(t)
	whole := runMerge(t, c, SplitAll, 1)
	// The corpus exercises every kind of page.
	if whole.Errors != 2 || whole.Empty < 3 || whole.CJKPages != 1 || whole.Snippet.FP == 0 || whole.Snippet.TN == 0 {
		t.Fatalf("whole run %+v: want errors, empty, CJK pages and both kinds of snippet", whole)
	}
	first := func(id string) bool { return id < "h" }
	for _, tc := range []struct {
		name    string
		reports func(t *testing.T) []*Report
	}{
		{"halves", func(t *testing.T) []*Report {
			return []*Report{
				runMerge(t, c.Filter(first), SplitAll, 1),
				runMerge(t, c.Filter(func(id string) bool { return !first(id) }), SplitAll, 1),
			}
		}},
		{"halves reversed", func(t *testing.T) []*Report {
			return []*Report{
				runMerge(t, c.Filter(func(id string) bool { return !first(id) }), SplitAll, 2),
				runMerge(t, c.Filter(first), SplitAll, 1),
			}
		}},
		{"train and dev splits", func(t *testing.T) []*Report {
			return []*Report{runMerge(t, c, SplitTrain, 1), runMerge(t, c, SplitDev, 1)}
		}},
		{"two folds", func(t *testing.T) []*Report {
			return []*Report{
				runMerge(t, c.Filter(func(id string) bool { return Fold(id, 2) == 1 }), SplitAll, 1),
				runMerge(t, c.Filter(func(id string) bool { return Fold(id, 2) == 0 }), SplitAll, 4),
			}
		}},
		{"one page each", func(t *testing.T) []*Report {
			var rs []*Report
			for i := len(c.Pages) - 1; i >= 0; i-- {
				id := c.Pages[i].ID
				rs = append(rs, runMerge(t, c.Filter(func(s string) bool { return s == id }), SplitAll, 1))
			}
			return rs
		}},
		{"with an empty part", func(t *testing.T) []*Report {
			return []*Report{
				runMerge(t, c, SplitAll, 1),
				runMerge(t, c.Filter(func(string) bool { return false }), SplitAll, 1),
			}
		}},
		{"whole", func(t *testing.T) []*Report { return []*Report{runMerge(t, c, SplitAll, 1)} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := tc.reports(t)
			total := 0
			for _, r := range parts {
				total += r.Pages
			}
			if total != len(c.Pages) {
				t.Fatalf("parts have %d pages, corpus %d", total, len(c.Pages))
			}
			m := Merge(parts...)
			if m.Pages != whole.Pages || m.Empty != whole.Empty || m.Errors != whole.Errors || m.CJKPages != whole.CJKPages {
				t.Errorf("Pages, Empty, Errors, CJKPages = %d, %d, %d, %d; want %d, %d, %d, %d",
					m.Pages, m.Empty, m.Errors, m.CJKPages, whole.Pages, whole.Empty, whole.Errors, whole.CJKPages)
			}
			s, w := m.Shingle, whole.Shingle
			if s.Pages != w.Pages || math.Abs(s.Precision-w.Precision) > 1e-12 || math.Abs(s.Recall-w.Recall) > 1e-12 || math.Abs(s.F1-w.F1) > 1e-12 {
				t.Errorf("Shingle = %+v, want %+v", s, w)
			}
			if m.Snippet != whole.Snippet {
				t.Errorf("Snippet = %+v, want %+v", m.Snippet, whole.Snippet)
			}
			sameResults(t, m.Results, whole.Results)
			// The first report names the merged one.
			if m.Corpus != parts[0].Corpus || m.Split != parts[0].Split || m.Name != parts[0].Name || m.Workers != parts[0].Workers {
				t.Errorf("Corpus, Split, Name, Workers = %q, %q, %q, %d; want the first report's %q, %q, %q, %d",
					m.Corpus, m.Split, m.Name, m.Workers, parts[0].Corpus, parts[0].Split, parts[0].Name, parts[0].Workers)
			}
		})
	}
}

func TestMergeEmpty(t *testing.T) {
	for _, rs := range [][]*Report{nil, {}} {
		m := Merge(rs...)
		if m == nil {
			t.Fatal("Merge() = nil")
		}
		if !reflect.DeepEqual(m, &Report{}) {
			t.Errorf("Merge() = %+v, want an empty report", m)
		}
	}
	// Merging reports of no pages gives a report of no pages.
	m := Merge(&Report{Corpus: "c", Split: "dev", Name: "x"}, &Report{Corpus: "c", Split: "dev", Name: "x"})
	if m.Pages != 0 || len(m.Results) != 0 || m.Shingle != (Scores{}) || m.PagesPerSec != 0 || m.Corpus != "c" || m.Split != "dev" || m.Name != "x" {
		t.Errorf("Merge of empty reports = %+v", m)
	}
}

// TestMergeTimes checks the merged timing: elapsed times add up and the
// speed is recomputed from them.
func TestMergeTimes(t *testing.T) {
	a := &Report{Name: "a", Workers: 3, Pages: 2, Elapsed: time.Second, PagesPerSec: 2,
		Results: []PageResult{{ID: "p2", Duration: time.Second / 2}, {ID: "p4", Duration: time.Second / 2}}}
	b := &Report{Name: "b", Workers: 1, Pages: 6, Elapsed: 3 * time.Second, PagesPerSec: 2,
		Results: []PageResult{{ID: "p1"}, {ID: "p3"}, {ID: "p5"}, {ID: "p6"}, {ID: "p7"}, {ID: "p8"}}}
	m := Merge(a, b)
	if m.Elapsed != 4*time.Second || m.PagesPerSec != 2 || m.Workers != 3 || m.Name != "a" {
		t.Errorf("Elapsed, PagesPerSec, Workers, Name = %v, %v, %d, %q; want 4s, 2, 3, a", m.Elapsed, m.PagesPerSec, m.Workers, m.Name)
	}
	var ids []string
	for _, r := range m.Results {
		ids = append(ids, r.ID)
	}
	if want := []string{"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"}; !slices.Equal(ids, want) {
		t.Errorf("result ids %v, want %v", ids, want)
	}
	if m.Results[1].Duration != time.Second/2 {
		t.Errorf("p2 duration %v, want kept", m.Results[1].Duration)
	}
	// The inputs are left as they were.
	if a.Results[0].ID != "p2" || b.Results[0].ID != "p1" || a.Pages != 2 || len(b.Results) != 6 {
		t.Error("Merge changed its inputs")
	}
}

// TestMergeScoresFromCounts checks that the merged scores are recomputed
// from the per-page counts, not averaged from the reports' scores: a report
// of one page and one of three weigh by their pages.
func TestMergeScoresFromCounts(t *testing.T) {
	half := PRF{TP: 0.5, FN: 0.5} // precision 1, recall 0.5
	perfect := PRF{TP: 1}
	none := PRF{FN: 1} // no output: no precision, recall 0
	res := func(id string, c PRF) PageResult {
		return PageResult{ID: id, Counts: c, P: c.Precision(), R: c.Recall(), F1: c.F1()}
	}
	a := &Report{Pages: 1, Results: []PageResult{res("a", half)}}
	b := &Report{Pages: 3, Results: []PageResult{res("b", perfect), res("c", perfect), res("d", none)}}
	var acc Accumulator
	for _, c := range []PRF{half, perfect, perfect, none} {
		acc.AddPRF(c)
	}
	want := acc.Scores()
	if want.Precision != 1 || math.Abs(want.Recall-0.625) > 1e-15 {
		t.Fatalf("reference scores %+v", want)
	}
	if got := Merge(a, b).Shingle; got != want {
		t.Errorf("Shingle = %+v, want %+v", got, want)
	}
	if got := Merge(b, a).Shingle; math.Abs(got.F1-want.F1) > 1e-12 || got.Pages != 4 {
		t.Errorf("Merge(b, a).Shingle = %+v, want %+v", got, want)
	}
}
