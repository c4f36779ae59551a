package training

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// The test corpus: small article pages (nav, headline, paragraphs, footer)
// written to a temporary directory in the layout of [eval.LoadCorpus]. The
// helpers follow cmd/winnow/corpus_test.go.

// corpusName is the base name of the test corpus directory.
const corpusName = "tiny"

// Navigation and footer text shared by every page: never in an article body.
const (
	navText    = "Home | World | Sport | Sign in"
	footerText = "Copyright 2026 Example News. All rights reserved."
)

// corpusPage is one page of a test corpus: its id, headline and paragraphs.
type corpusPage struct {
	id, title string
	paras     []string
}

// html returns the page's HTML: nav, article (headline and paragraphs),
// footer.
func (p corpusPage) html() string {
	var b strings.Builder
	b.WriteString("<html><head><title>" + p.title + "</title></head><body>\n")
	b.WriteString(`<nav class="menu"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a> | <a href="/login">Sign in</a></nav>` + "\n")
	b.WriteString("<article><h1>" + p.title + "</h1>\n")
	for _, para := range p.paras {
		b.WriteString("<p>" + para + "</p>\n")
	}
	b.WriteString("</article>\n<footer>" + footerText + "</footer>\n</body></html>")
	return b.String()
}

// body returns the page's ground-truth article body.
func (p corpusPage) body() string {
	return strings.Join(append([]string{p.title}, p.paras...), "\n\n")
}

// corpusPages are eight English pages. Their ids fall in all five folds of
// eval.Fold(id, 5) (checked by TestCorpusFolds): owls and kites in 0, otters
// and tea in 1, bread and bees in 2, chess in 3, trains in 4.
var corpusPages = []corpusPage{
	{"otters", "Otters hold hands while they sleep", []string{
		"Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.",
		"The animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open clams.",
		"Young otters learn the habit from their mothers within a few weeks of birth, the researchers found.",
	}},
	{"bread", "How to bake a simple sourdough loaf", []string{
		"Mix the flour, water and starter in a large bowl and leave the dough to rest for an hour before adding the salt.",
		"Fold the dough every half hour for the first two hours, then let it rise slowly overnight in a cool kitchen.",
		"Bake the loaf in a hot covered pot for twenty minutes, then uncover it and bake until the crust is deep brown.",
	}},
	{"bees", "Bees dance to share the way to flowers", []string{
		"A honeybee that finds a rich patch of flowers returns to the hive and performs a waggle dance for her sisters.",
		"The angle of the dance against the comb tells the other bees the direction of the flowers relative to the sun.",
		"The length of each waggle run tells them how far they must fly, a code first described in the last century.",
	}},
	{"trains", "Night trains return to the European network", []string{
		"Overnight sleeper services are running again between several capital cities after years of decline and closures.",
		"Operators say travellers who want to avoid short flights are filling the couchettes on most weekend departures.",
		"New carriages with small private cabins are due to enter service on the longest routes early next year.",
	}},
	{"tea", "Green tea is best brewed below boiling point", []string{
		"Pouring boiling water over green tea leaves scorches them and draws out a bitter taste, tea masters warn.",
		"Water at about eighty degrees keeps the flavour sweet and grassy, and the leaves can be steeped several times.",
		"A small clay pot keeps the heat steady while the leaves unfurl over the course of two or three minutes.",
	}},
	{"owls", "Owls fly almost without a sound", []string{
		"The leading edge of an owl's flight feathers carries a comb of tiny hooks that breaks up the rushing air.",
		"Soft velvety down on the upper surface of the wing then absorbs most of the noise that remains in flight.",
		"Engineers are copying the design to build quieter fans for computers and the blades of wind turbines.",
	}},
	{"chess", "A chess clock changed the way the game is played", []string{
		"Before mechanical clocks arrived, a single move in a serious tournament game could take more than an hour.",
		"Players now have a fixed budget of thinking time, and running out of it loses the game on the spot.",
		"Faster formats such as blitz, with five minutes for each player, have become popular online and on television.",
	}},
	{"kites", "Building a kite that flies in light winds", []string{
		"A large sail made from thin ripstop nylon catches enough air to lift the kite on a calm summer afternoon.",
		"Carbon rods keep the frame stiff and light, while a long tail of ribbon keeps the nose pointing into the wind.",
		"Launch the kite from the top of a gentle slope, where the breeze is steadier than it is close to the ground.",
	}},
}

// makeCorpus writes pages as a corpus (DIR/html/<id>.html.gz and
// DIR/ground-truth.json) in a temporary directory and returns DIR. Each
// entry of raw is written as html/<id>.html.gz as is (not compressed), with
// a ground truth entry, so that a page can be made unreadable.
func makeCorpus(t *testing.T, pages []corpusPage, raw map[string][]byte) string {
	t.Helper()
	var cps []corpustest.Page
	for _, p := range pages {
		cps = append(cps, corpustest.Page{ID: p.id, HTML: []byte(p.html()), Body: p.body()})
	}
	for id, b := range raw {
		cps = append(cps, corpustest.Page{ID: id, Raw: b, Body: "Some article text that is never read."})
	}
	return corpustest.Write(t, filepath.Join(t.TempDir(), corpusName), cps)
}

// loadCorpus writes and loads the test corpus of corpusPages.
func loadCorpus(t *testing.T) *eval.Corpus {
	t.Helper()
	c, err := eval.LoadCorpus(makeCorpus(t, corpusPages, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Pages) != len(corpusPages) {
		t.Fatalf("corpus has %d pages, want %d", len(c.Pages), len(corpusPages))
	}
	return c
}

// labelAll labels the whole test corpus, failing the test on any failure.
func labelAll(t *testing.T, c *eval.Corpus) []Page {
	t.Helper()
	pages, failed, err := LabelCorpus(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 0 {
		t.Fatalf("LabelCorpus: %d pages failed", failed)
	}
	return pages
}

// classCounts returns the number of samples of each class.
func classCounts(samples []classifier.Sample) [2]int {
	var n [2]int
	for _, s := range samples {
		n[s.Label]++
	}
	return n
}

// pageCounts returns the number of HTML and Text samples of each class of
// pages.
func pageCounts(pages []Page) [2]int {
	var n [2]int
	for _, p := range pages {
		for _, c := range [][2]int{classCounts(p.HTML), classCounts(p.Text)} {
			n[0] += c[0]
			n[1] += c[1]
		}
	}
	return n
}

// saved returns m in the model file format.
func saved(t *testing.T, m *classifier.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := classifier.Save(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCorpusFolds(t *testing.T) {
	folds := map[int]int{}
	for _, p := range corpusPages {
		folds[eval.Fold(p.id, 5)]++
	}
	if len(folds) != 5 {
		t.Errorf("page ids fall in folds %v of 5; pick ids that spread over all of them", folds)
	}
}

func TestLabelCorpus(t *testing.T) {
	c := loadCorpus(t)
	pages := labelAll(t, c)
	var ids []string
	for _, p := range pages {
		ids = append(ids, p.ID)
	}
	var want []string
	for _, p := range c.Pages {
		want = append(want, p.ID)
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("labelled pages %v, want %v (corpus order)", ids, want)
	}
	byID := map[string]corpusPage{}
	for _, p := range corpusPages {
		byID[p.id] = p
	}
	for _, p := range pages {
		if p.Corpus != corpusName {
			t.Errorf("%s: Corpus = %q, want %q", p.ID, p.Corpus, corpusName)
		}
		src := byID[p.ID]
		for _, form := range []struct {
			name    string
			samples []classifier.Sample
		}{{"HTML", p.HTML}, {"Text", p.Text}} {
			if len(form.samples) == 0 {
				t.Errorf("%s: no %s samples", p.ID, form.name)
				continue
			}
			labelOf := map[string]classifier.Label{}
			for _, s := range form.samples {
				if s.Page != p.ID || s.Corpus != corpusName {
					t.Errorf("%s %s: sample %q has page %q, corpus %q", p.ID, form.name, s.Text, s.Page, s.Corpus)
				}
				if len(s.Features) == 0 {
					t.Errorf("%s %s: sample %q has no features", p.ID, form.name, s.Text)
				}
				labelOf[s.Text] = s.Label
			}
			for _, para := range append([]string{src.title}, src.paras...) {
				if l, ok := labelOf[para]; !ok || l != classifier.Content {
					t.Errorf("%s %s: %q labelled %v (present %v), want content", p.ID, form.name, para, l, ok)
				}
			}
			junk := 0
			for text, l := range labelOf {
				isJunk := strings.Contains(text, "All rights reserved") || strings.Contains(text, "Sign in")
				if isJunk && l != classifier.Junk {
					t.Errorf("%s %s: %q labelled %v, want junk", p.ID, form.name, text, l)
				}
				if isJunk {
					junk++
				}
			}
			if junk < 2 {
				t.Errorf("%s %s: %d nav/footer samples, want both as junk; samples %v", p.ID, form.name, junk, labelOf)
			}
		}
	}
}

func TestLabelCorpusKeep(t *testing.T) {
	c := loadCorpus(t)
	for _, tc := range []struct {
		name string
		keep func(string) bool
		want []string
	}{
		{"none", func(string) bool { return false }, nil},
		{"one", func(id string) bool { return id == "tea" }, []string{"tea"}},
		{"fold 0", func(id string) bool { return eval.Fold(id, 5) == 0 }, []string{"kites", "owls"}},
		{"not b", func(id string) bool { return !strings.HasPrefix(id, "b") }, []string{"chess", "kites", "otters", "owls", "tea", "trains"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages, failed, err := LabelCorpus(context.Background(), c, tc.keep)
			if err != nil || failed != 0 {
				t.Fatalf("LabelCorpus: %d failed, err %v", failed, err)
			}
			var ids []string
			for _, p := range pages {
				ids = append(ids, p.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("labelled %v, want %v", ids, tc.want)
			}
		})
	}
}

func TestLabelCorpusUnreadable(t *testing.T) {
	raw := map[string][]byte{
		"garbled": []byte("this is not gzip data"),
		"missing": nil, // in the ground truth, no html file
	}
	c, err := eval.LoadCorpus(makeCorpus(t, corpusPages[:3], raw))
	if err != nil {
		t.Fatal(err)
	}
	pages, failed, err := LabelCorpus(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 2 {
		t.Errorf("failed = %d, want 2", failed)
	}
	var ids []string
	for _, p := range pages {
		ids = append(ids, p.ID)
	}
	if want := []string{"bees", "bread", "otters"}; !slices.Equal(ids, want) {
		t.Errorf("labelled %v, want %v", ids, want)
	}
	for id := range raw {
		p, _ := c.Page(id)
		if _, err := LabelPage(context.Background(), c, p); err == nil {
			t.Errorf("LabelPage(%s): no error", id)
		}
	}
	// Pages that keep rejects are neither labelled nor failed.
	_, failed, err = LabelCorpus(context.Background(), c, func(id string) bool { return id != "garbled" })
	if err != nil || failed != 1 {
		t.Errorf("with keep: failed = %d, err %v; want 1, nil", failed, err)
	}
}

func TestLabelCorpusCancelled(t *testing.T) {
	c := loadCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := LabelCorpus(ctx, c, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("LabelCorpus with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestDefaultRecipe(t *testing.T) {
	r := DefaultRecipe("some/dir")
	if want := []string{"some/dir/zh.jsonl", "some/dir/en.jsonl"}; !slices.Equal(r.Hand, want) {
		t.Errorf("Hand = %q, want %q", r.Hand, want)
	}
	if r.HandWeight != 20 || r.Prune != 3 || r.Info.WordCap != 6 {
		t.Errorf("HandWeight, Prune, WordCap = %d, %d, %v; want 20, 3, 6", r.HandWeight, r.Prune, r.Info.WordCap)
	}
	if r.Info.Note == "" {
		t.Error("Info.Note is empty")
	}
	if r.Info.Threshold != 0.6 {
		t.Errorf("Threshold = %v, want 0.6", r.Info.Threshold)
	}
	if r.Info.Version != 0 || !r.Info.TrainedAt.IsZero() || r.Info.Alpha != 0 {
		t.Errorf("Info = %+v, want only WordCap, Threshold and Note set", r.Info)
	}
}

// TestDefaultModelFollowsRecipe checks that the embedded model carries the
// default recipe's settings (the full rebuild check, TestDefaultModelIsRebuilt
// in cmd/winnow, needs the shared corpora and is skipped with -short).
func TestDefaultModelFollowsRecipe(t *testing.T) {
	m, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := DefaultRecipe("")
	if got := m.Info(); got.Threshold != r.Info.Threshold || got.WordCap != r.Info.WordCap || got.Note != r.Info.Note {
		t.Errorf("embedded model: threshold %v, word cap %v, note %q; the recipe says %v, %v, %q",
			got.Threshold, got.WordCap, got.Note, r.Info.Threshold, r.Info.WordCap, r.Info.Note)
	}
}

// TestDefaultRecipeHandFiles checks that the repository's hand-labelled
// files, the ones the default recipe names, read cleanly.
func TestDefaultRecipeHandFiles(t *testing.T) {
	for _, path := range DefaultRecipe("../testdata/labelled").Hand {
		samples, err := ReadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(samples) == 0 {
			t.Errorf("%s: no samples", path)
		}
		for i, s := range samples {
			if len(s.Features) == 0 {
				t.Errorf("%s: sample %d (%q) has no features", path, i, s.Text)
				break
			}
		}
	}
}

const handFile = "testdata/hand.jsonl"

// handCounts are the samples of each class in handFile.
var handCounts = [2]int{classifier.Content: 4, classifier.Junk: 3}

func TestReadLabelled(t *testing.T) {
	samples, err := ReadLabelled(handFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := classCounts(samples); got != handCounts {
		t.Errorf("class counts %v, want %v", got, handCounts)
	}
	for _, s := range samples {
		if len(s.Features) == 0 {
			t.Errorf("%q: no features filled in", s.Text)
		}
		if s.Text == "Share on Facebook" && !slices.Equal(s.Features, []string{"tag=a", "link=high"}) {
			t.Errorf("%q: features %q, want the file's own kept", s.Text, s.Features)
		}
	}
}

func TestReadLabelledErrors(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		want       []string // substrings of the error
		line       int      // the *classifier.ParseError's line, if any
		notExist   bool
	}{
		{name: "missing", path: "testdata/no-such-file.jsonl", want: []string{"training:", "no-such-file.jsonl"}, notExist: true},
		{name: "unknown field", path: "testdata/bad.jsonl", want: []string{"training:", "testdata/bad.jsonl", "line 3", "colour"}, line: 3},
		{name: "bad label", path: "testdata/badlabel.jsonl", want: []string{"testdata/badlabel.jsonl", "line 2", "maybe"}, line: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadLabelled(tc.path)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if tc.notExist != errors.Is(err, fs.ErrNotExist) {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v", err, !tc.notExist)
			}
			var pe *classifier.ParseError
			if tc.line > 0 && (!errors.As(err, &pe) || pe.Line != tc.line) {
				t.Errorf("error %v: want a *classifier.ParseError on line %d", err, tc.line)
			}
		})
	}
}

func TestRecipeBuildHandWeight(t *testing.T) {
	for _, tc := range []struct {
		weight, times int
	}{{0, 1}, {-2, 1}, {1, 1}, {3, 3}, {20, 20}} {
		m, err := Recipe{Hand: []string{handFile}, HandWeight: tc.weight}.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		want := [2]int{handCounts[0] * tc.times, handCounts[1] * tc.times}
		if got := m.Info().Samples; got != want {
			t.Errorf("HandWeight %d: Samples = %v, want %v", tc.weight, got, want)
		}
	}
	// The same file twice counts twice.
	m, err := Recipe{Hand: []string{handFile, handFile}, HandWeight: 3}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Info().Samples, [2]int{handCounts[0] * 6, handCounts[1] * 6}; got != want {
		t.Errorf("file twice, weight 3: Samples = %v, want %v", got, want)
	}
}

func TestRecipeBuildPages(t *testing.T) {
	pages := labelAll(t, loadCorpus(t))
	pc := pageCounts(pages)
	if pc[0] == 0 || pc[1] == 0 {
		t.Fatalf("page samples per class %v: want both classes", pc)
	}
	for _, weight := range []int{1, 3} {
		m, err := Recipe{Hand: []string{handFile}, HandWeight: weight}.Build(pages)
		if err != nil {
			t.Fatal(err)
		}
		want := [2]int{weight*handCounts[0] + pc[0], weight*handCounts[1] + pc[1]}
		if got := m.Info().Samples; got != want {
			t.Errorf("weight %d: Samples = %v, want %v", weight, got, want)
		}
	}

	// Build is LearnPages of the hand samples (weight times) and of every
	// page's HTML and Text samples.
	hand, err := ReadLabelled(handFile)
	if err != nil {
		t.Fatal(err)
	}
	counts := classifier.NewCounts()
	for range 3 {
		LearnPages(counts, hand)
	}
	for _, p := range pages {
		LearnPages(counts, p.HTML)
		LearnPages(counts, p.Text)
	}
	m, err := Recipe{Hand: []string{handFile}, HandWeight: 3}.Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved(t, m), saved(t, counts.Model())) {
		t.Error("Build differs from learning the hand file 3 times and the pages by hand")
	}
}

func TestRecipeBuildPrune(t *testing.T) {
	pages := labelAll(t, loadCorpus(t))
	full, err := Recipe{Hand: []string{handFile}}.Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	for _, prune := range []int{1, 2, 3} {
		m, err := Recipe{Hand: []string{handFile}, Prune: prune}.Build(pages)
		if err != nil {
			t.Fatal(err)
		}
		c := full.Counts()
		c.Prune(prune)
		if !bytes.Equal(saved(t, m), saved(t, c.Model())) {
			t.Errorf("Prune %d: model differs from the full model's counts pruned at %d", prune, prune)
		}
		if m.Info().Samples != full.Info().Samples {
			t.Errorf("Prune %d: Samples %v, want %v (pruning drops tokens, not samples)", prune, m.Info().Samples, full.Info().Samples)
		}
		if prune > 1 && m.Info().Vocabulary >= full.Info().Vocabulary {
			t.Errorf("Prune %d: Vocabulary %d, want fewer than unpruned %d", prune, m.Info().Vocabulary, full.Info().Vocabulary)
		}
	}
}

func TestRecipeBuildInfo(t *testing.T) {
	info := classifier.Info{Version: 7, Threshold: 0.6, Alpha: 0.5, WordCap: 4, Note: "test recipe"}
	m, err := Recipe{Hand: []string{handFile}, Info: info}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := m.Info()
	if got.Version != 7 || got.Threshold != 0.6 || got.Alpha != 0.5 || got.WordCap != 4 || got.Note != "test recipe" || !got.TrainedAt.IsZero() {
		t.Errorf("Info = %+v, want the recipe's %+v", got, info)
	}
	if got.Samples != handCounts || got.Vocabulary == 0 {
		t.Errorf("Samples, Vocabulary = %v, %d; want %v and computed", got.Samples, got.Vocabulary, handCounts)
	}
}

func TestRecipeBuildZero(t *testing.T) {
	m, err := Recipe{}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if in := m.Info(); in.Samples != [2]int{} || in.Vocabulary != 0 {
		t.Errorf("zero recipe: Samples, Vocabulary = %v, %d; want nothing learned", in.Samples, in.Vocabulary)
	}
}

func TestRecipeBuildErrors(t *testing.T) {
	for _, hand := range [][]string{
		{"testdata/no-such-file.jsonl"},
		{handFile, "testdata/bad.jsonl"},
	} {
		if m, err := (Recipe{Hand: hand}).Build(nil); err == nil || m != nil {
			t.Errorf("Build with hand files %q: model %v, err %v; want an error", hand, m, err)
		}
	}
}

func TestLearnUnlearnPagesRoundTrip(t *testing.T) {
	pages := labelAll(t, loadCorpus(t))
	hand, err := ReadLabelled(handFile)
	if err != nil {
		t.Fatal(err)
	}
	counts := classifier.NewCounts()
	LearnPages(counts, hand)
	LearnPages(counts, pages[0].HTML)
	before := saved(t, counts.Model())

	for _, p := range pages[1:] {
		LearnPages(counts, p.HTML)
		LearnPages(counts, p.Text)
	}
	if bytes.Equal(saved(t, counts.Model()), before) {
		t.Fatal("learning the pages did not change the model")
	}
	// Take them back in another order.
	for i := len(pages) - 1; i >= 1; i-- {
		if err := UnlearnPages(counts, pages[i].Text); err != nil {
			t.Fatal(err)
		}
		if err := UnlearnPages(counts, pages[i].HTML); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(saved(t, counts.Model()), before) {
		t.Error("LearnPages then UnlearnPages did not restore the model exactly")
	}

	// What was never learned cannot be taken back.
	for _, p := range pages[1:] {
		if err := UnlearnPages(counts.Model().Counts(), p.HTML); err == nil {
			t.Errorf("%s: UnlearnPages of samples never learned: no error", p.ID)
		}
	}
}

// TestUnlearnPagesFailureChangesNothing checks that an UnlearnPages that
// fails leaves the counts as they were, as Counts.Unlearn and
// Counts.UnlearnSequence each promise.
func TestUnlearnPagesFailureChangesNothing(t *testing.T) {
	pages := labelAll(t, loadCorpus(t))
	counts := classifier.NewCounts()
	LearnPages(counts, pages[0].HTML)
	before := saved(t, counts.Model())
	// pages[1].HTML was never learned, but its transitions are all among
	// those of pages[0].HTML (nav, content..., footer).
	if err := UnlearnPages(counts, pages[1].HTML); err == nil {
		t.Fatal("UnlearnPages of samples never learned: no error")
	}
	if !bytes.Equal(saved(t, counts.Model()), before) {
		t.Error("a failed UnlearnPages changed the model")
	}
}

func TestPageSequences(t *testing.T) {
	const C, J = classifier.Content, classifier.Junk
	s := func(page string, l classifier.Label) classifier.Sample {
		return classifier.Sample{Text: "x", Page: page, Label: l}
	}
	for _, tc := range []struct {
		name    string
		samples []classifier.Sample
		want    [][]classifier.Label
	}{
		{"nil", nil, nil},
		{"one page", []classifier.Sample{s("a", J), s("a", C), s("a", C), s("a", J)}, [][]classifier.Label{{J, C, C, J}}},
		{"single sample", []classifier.Sample{s("a", C)}, [][]classifier.Label{{C}}},
		{"two pages", []classifier.Sample{s("a", J), s("a", C), s("b", C), s("b", J)}, [][]classifier.Label{{J, C}, {C, J}}},
		{"no page ids", []classifier.Sample{s("", J), s("", C)}, nil},
		{"empty ids skipped", []classifier.Sample{s("", J), s("a", C), s("a", J), s("", C), s("", C), s("b", J)}, [][]classifier.Label{{C, J}, {J}}},
		{"consecutive only", []classifier.Sample{s("a", J), s("b", C), s("a", C)}, [][]classifier.Label{{J}, {C}, {C}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PageSequences(tc.samples)
			if !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("PageSequences = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestLearnPagesSequences checks that LearnPages learns the transitions of
// each page, not across pages: two one-sample pages add no transition.
func TestLearnPagesSequences(t *testing.T) {
	a := []classifier.Sample{
		{Text: "Sign in", Label: classifier.Junk, Page: "p1"},
		{Text: "The museum reopens on Saturday.", Label: classifier.Content, Page: "p2"},
	}
	b := []classifier.Sample{a[0], a[1]}
	b[1].Page = "p1"
	ca, cb := classifier.NewCounts(), classifier.NewCounts()
	LearnPages(ca, a)
	LearnPages(cb, b)
	if bytes.Equal(saved(t, ca.Model()), saved(t, cb.Model())) {
		t.Error("one page of two samples learned the same as two pages of one sample")
	}
	ref := classifier.NewCounts()
	ref.Learn(a...)
	if !bytes.Equal(saved(t, ca.Model()), saved(t, ref.Model())) {
		t.Error("two one-sample pages learned a transition")
	}
	ref.LearnSequence([]classifier.Label{classifier.Junk, classifier.Content})
	if !bytes.Equal(saved(t, cb.Model()), saved(t, ref.Model())) {
		t.Error("LearnPages of one page differs from Learn + LearnSequence")
	}
}

// A page whose truth has snippets but no article body has nothing to label
// from: labelling it as all junk would teach the model that its article is
// junk. It is skipped and counted, and LabelPage says why.
func TestLabelCorpusNoBody(t *testing.T) {
	p := corpusPages[0]
	dir := corpustest.Write(t, filepath.Join(t.TempDir(), corpusName), []corpustest.Page{
		{ID: p.id, HTML: []byte(p.html()), Body: p.body()},
		{ID: "snippets", HTML: []byte(p.html()), With: []string{"a line"}, SnippetsOnly: true},
	})
	c, err := eval.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages, failed, err := LabelCorpus(context.Background(), c, nil)
	if err != nil || failed != 1 || len(pages) != 1 || pages[0].ID != p.id {
		t.Fatalf("LabelCorpus: %d pages, %d failed, err %v; want %s labelled, 1 failed", len(pages), failed, err, p.id)
	}
	snip, _ := c.Page("snippets")
	if _, err := LabelPage(context.Background(), c, snip); !errors.Is(err, eval.ErrNoBody) {
		t.Errorf("LabelPage of a page without a body: err %v, want eval.ErrNoBody", err)
	}
}
