package winnow

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/extract"
)

// TestRegionCut checks the per-page split of the region by P(junk).
func TestRegionCut(t *testing.T) {
	type blk struct {
		p      float64
		runes  int
		region extract.Region
	}
	tests := []struct {
		name   string
		blocks []blk
		lo, hi float64 // the cut must lie in [lo, hi]
	}{
		{"two clear groups", []blk{{0.2, 100, extract.RegionInside}, {0.25, 120, extract.RegionInside}, {0.7, 20, extract.RegionInside}, {0.75, 20, extract.RegionInside}, {0.72, 20, extract.RegionInside}}, 0.25, 0.7},
		{"one group", []blk{{0.6, 100, extract.RegionInside}, {0.65, 120, extract.RegionInside}, {0.7, 20, extract.RegionInside}, {0.72, 20, extract.RegionInside}}, 1, 1},
		{"content group too small", []blk{{0.1, 5, extract.RegionInside}, {0.7, 100, extract.RegionInside}, {0.72, 100, extract.RegionInside}, {0.75, 100, extract.RegionInside}}, 1, 1},
		{"too few blocks", []blk{{0.1, 100, extract.RegionInside}, {0.2, 100, extract.RegionInside}, {0.9, 100, extract.RegionInside}}, 1, 1},
		{"data cells do not count", []blk{{0.6, 100, extract.RegionInside}, {0.65, 100, extract.RegionInside}, {0.66, 100, extract.RegionInside}, {0.62, 100, extract.RegionInside}, {0.05, 500, extract.RegionInside}}, 1, 1},
		{"outside blocks do not count", []blk{{0.6, 100, extract.RegionInside}, {0.65, 100, extract.RegionInside}, {0.66, 100, extract.RegionInside}, {0.62, 100, extract.RegionInside}, {0.05, 500, extract.RegionOutside}}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &extract.Document{Kind: extract.KindHTML}
			var p []float64
			for i, b := range tt.blocks {
				// The last block of "data cells do not count" is a cell.
				cell := tt.name == "data cells do not count" && i == len(tt.blocks)-1
				doc.Blocks = append(doc.Blocks, extract.Block{Text: strings.Repeat("x", b.runes), Region: b.region, DataCell: cell})
				p = append(p, b.p)
			}
			if got := regionCut(doc, p); got < tt.lo || got > tt.hi {
				t.Errorf("regionCut = %v, want in [%v, %v]", got, tt.lo, tt.hi)
			}
		})
	}
}

// TestDecideKeepsDataCells checks that the page's own cut drops the junk
// group inside the region but not the cells of a data table, which the
// global cut judges.
func TestDecideKeepsDataCells(t *testing.T) {
	doc := &extract.Document{Kind: extract.KindHTML}
	var p []float64
	add := func(text string, pj float64, cell bool) {
		doc.Blocks = append(doc.Blocks, extract.Block{Text: text, Region: extract.RegionInside, DataCell: cell, Index: len(doc.Blocks)})
		p = append(p, pj)
	}
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	add(prose, 0.2, false)
	add(prose+"Two.", 0.25, false)
	add("Share this", 0.7, false)
	add(prose+"Three.", 0.2, false)
	add("$1.50", 0.7, true)
	add("Sign up for our newsletter", 0.72, false)
	add("Total", 0.88, true) // above the global cut: a cell stays
	add("Fee", 0.95, true)   // the model is all but sure: goes
	add("Ad", 1, true)       // pinned as junk: goes
	add("$3.00", 0.7, true)  // (the last kept block is below htmlTrim: nothing trimmed)
	keep := decide(doc, p, 0)
	want := []bool{true, true, false, true, true, false, true, false, false, true}
	for i := range want {
		if keep[i] != want[i] {
			t.Errorf("block %d %q: keep %v, want %v", i, doc.Blocks[i].Text, keep[i], want[i])
		}
	}
	// A caller's threshold is the cut of every block inside, cells too.
	keep = decide(doc, p, htmlInside)
	if keep[6] {
		t.Errorf("with threshold %.2f, the cell at %.2f is kept", htmlInside, p[6])
	}
}

// TestDecideThresholdTurnsCutOff checks that a caller's threshold replaces
// the page's own cut, and that the page's cut never rises above the global
// one.
func TestDecideThresholdTurnsCutOff(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	doc := &extract.Document{Kind: extract.KindHTML}
	for range 5 {
		doc.Blocks = append(doc.Blocks, extract.Block{Text: prose, Region: extract.RegionInside})
	}
	doc.Blocks[2].Text = "Sign up for our newsletter today"
	p := []float64{0.2, 0.2, 0.7, 0.2, 0.2}
	if keep := decide(doc, p, 0); keep[2] {
		t.Fatal("the page's own cut keeps the junk group")
	}
	if keep := decide(doc, p, htmlInside); !keep[2] {
		t.Error("with a threshold given, the page's own cut still applies")
	}
	// Otsu's cut here is 0.93 (the groups {0.7, 0.7, 0.86} and {1, 1},
	// means 0.25 apart): the block at 0.86 must still go, at the global 0.85.
	runes := []int{10, 1000, 180, 1000, 400}
	for i, n := range runes {
		doc.Blocks[i].Text = strings.Repeat("x", n)
	}
	q := []float64{0.7, 1, htmlInside + 0.01, 1, 0.7}
	if cut := regionCut(doc, q); cut <= q[2] {
		t.Fatalf("regionCut = %v, the case needs a cut above %v", cut, q[2])
	}
	if keep := decide(doc, q, 0); keep[2] || !keep[0] || !keep[4] {
		t.Errorf("keep %v: the page's cut rose above the global one", keep)
	}
}

// TestDecideHTMLCuts pins the default cuts of HTML pages that README.md and
// docs/api.md document: a block inside the region goes at P(junk) 0.85 and
// stays below it; a block at the region's edge comes in below 0.40, one
// outside it below 0.36.
func TestDecideHTMLCuts(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	tests := []struct {
		region extract.Region
		p      float64
		want   bool
	}{
		{extract.RegionInside, 0.84, true},
		{extract.RegionInside, 0.85, false},
		{extract.RegionEdge, 0.39, true},
		{extract.RegionEdge, 0.41, false},
		{extract.RegionOutside, 0.35, true},
		{extract.RegionOutside, 0.37, false},
	}
	for _, tt := range tests {
		// The tested block sits between two article blocks, so that the
		// trim of the kept blocks' ends and the guard against an empty
		// page play no part.
		doc := &extract.Document{Kind: extract.KindHTML, Blocks: []extract.Block{
			{Text: prose, Region: extract.RegionInside},
			{Text: "The block under test", Region: tt.region, Index: 1},
			{Text: prose, Region: extract.RegionInside, Index: 2},
		}}
		keep := decide(doc, []float64{0.1, tt.p, 0.1}, 0)
		if keep[1] != tt.want {
			t.Errorf("%v block at P(junk) %v: kept %v, want %v", tt.region, tt.p, keep[1], tt.want)
		}
		if !keep[0] || !keep[2] {
			t.Errorf("%v block at P(junk) %v: the article blocks were dropped: %v", tt.region, tt.p, keep)
		}
	}
}

// TestDecideTextHeadings checks that a text export's short line inside the
// run that ends no sentence is kept as a heading when a kept line of prose
// follows it and the model is not sure it is junk (textHeadingKeep), and
// dropped otherwise.
func TestDecideTextHeadings(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	tests := []struct {
		name   string
		line   string
		p      float64
		next   string
		nextP  float64
		region extract.Region
		want   bool
	}{
		{"heading before prose", "How the gates work", 0.7, prose, 0.1, extract.RegionInside, true},
		{"model sure it is junk", "Share this article", 0.8, prose, 0.1, extract.RegionInside, false},
		{"ends a sentence", "The gates work.", 0.7, prose, 0.1, extract.RegionInside, false},
		{"before a short line", "How the gates work", 0.7, "A short kept line", 0.1, extract.RegionInside, false},
		{"before a dropped line", "How the gates work", 0.7, prose, 0.9, extract.RegionInside, false},
		{"outside the run", "How the gates work", 0.7, prose, 0.1, extract.RegionOutside, false},
		{"too long for a heading", strings.Repeat("word ", 20), 0.7, prose, 0.1, extract.RegionInside, false},
	}
	// A run of headline-like lines before the prose (a list of other
	// stories): only the last may be its heading, not each in turn.
	headline := "Flood gates close for the first time in ten years"
	list := &extract.Document{Kind: extract.KindText, Blocks: []extract.Block{
		{Text: prose, Region: extract.RegionInside},
		{Text: headline, Region: extract.RegionInside, Index: 1},
		{Text: headline, Region: extract.RegionInside, Index: 2},
		{Text: headline, Region: extract.RegionInside, Index: 3},
		{Text: prose, Region: extract.RegionInside, Index: 4},
	}}
	if keep := decide(list, []float64{0.1, 0.7, 0.7, 0.7, 0.1}, 0.6); keep[1] || keep[2] || !keep[3] {
		t.Errorf("a run of three headlines before prose: keep %v, want only the last of them", keep)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &extract.Document{Kind: extract.KindText, Blocks: []extract.Block{
				{Text: prose, Region: extract.RegionInside},
				{Text: tt.line, Region: tt.region, Index: 1},
				{Text: tt.next, Region: extract.RegionInside, Index: 2},
				{Text: prose, Region: extract.RegionInside, Index: 3},
			}}
			keep := decide(doc, []float64{0.1, tt.p, tt.nextP, 0.1}, 0.6)
			if keep[1] != tt.want {
				t.Errorf("line kept %v, want %v (keep %v)", keep[1], tt.want, keep)
			}
		})
	}
	// An HTML block without a heading tag gets no such help.
	doc := &extract.Document{Kind: extract.KindHTML, Blocks: []extract.Block{
		{Text: prose, Region: extract.RegionInside},
		{Text: "How the gates work", Region: extract.RegionInside, Index: 1},
		{Text: prose, Region: extract.RegionInside, Index: 2},
	}}
	if keep := decide(doc, []float64{0.1, 0.9, 0.1}, 0); keep[1] {
		t.Error("an HTML block at P(junk) 0.9 kept as a heading")
	}
}

// TestRecentre checks the page's shift: when the long blocks inside the
// region have a median P(junk) above recentreTarget, every block's log-odds
// come down by the same amount, the median lands on the target and the
// order is kept; otherwise nothing moves.
func TestRecentre(t *testing.T) {
	long := strings.Repeat("Lange Sätze des Artikels, die das Modell kaum kennt. ", 3)
	doc := &extract.Document{Kind: extract.KindHTML, Blocks: []extract.Block{
		{Text: "Menü", Region: extract.RegionOutside},
		{Text: long, Region: extract.RegionInside},
		{Text: long, Region: extract.RegionInside},
		{Text: "Kurz", Region: extract.RegionInside},
		{Text: long, Region: extract.RegionInside},
		{Text: long, Region: extract.RegionOutside}, // long, but not in the region
	}}
	p := []float64{0.95, 0.7, 0.8, 0.9, 0.75, 0.1}
	got := slices.Clone(p)
	recentre(doc, got)
	if math.Abs(got[4]-recentreTarget) > 1e-9 {
		t.Errorf("the median long block inside (0.75) is at %v, want %v", got[4], recentreTarget)
	}
	shift := logit(got[4]) - logit(p[4])
	for i := range p {
		if d := logit(got[i]) - logit(p[i]); math.Abs(d-shift) > 1e-9 {
			t.Errorf("block %d moved by %v in log-odds, the others by %v", i, d, shift)
		}
	}
	// Prose the model already finds content-like: nothing moves.
	low := []float64{0.95, 0.2, 0.5, 0.9, 0.3, 0.1}
	got = slices.Clone(low)
	recentre(doc, got)
	if !slices.Equal(got, low) {
		t.Errorf("median 0.3: P(junk) moved from %v to %v", low, got)
	}
	// An even count: the lower of the middle two is the median, so one long
	// junk block beside as much article sets no shift.
	two := &extract.Document{Kind: extract.KindHTML, Blocks: []extract.Block{
		{Text: long, Region: extract.RegionInside},
		{Text: long, Region: extract.RegionInside},
		{Text: "Menü", Region: extract.RegionOutside},
	}}
	pair := []float64{0.1, 0.95, 0.9}
	got = slices.Clone(pair)
	recentre(two, got)
	if !slices.Equal(got, pair) {
		t.Errorf("article at 0.1 and junk at 0.95: P(junk) moved from %v to %v", pair, got)
	}
	pair = []float64{0.6, 0.95, 0.9}
	got = slices.Clone(pair)
	recentre(two, got)
	if math.Abs(got[0]-recentreTarget) > 1e-9 {
		t.Errorf("two long blocks at 0.6 and 0.95: the lower came to %v, want %v", got[0], recentreTarget)
	}

	// No long block inside: nothing to go by.
	doc.Blocks[1].Text, doc.Blocks[2].Text, doc.Blocks[4].Text = "a", "b", "c"
	got = slices.Clone(p)
	recentre(doc, got)
	if !slices.Equal(got, p) {
		t.Errorf("no long block inside: P(junk) moved from %v to %v", p, got)
	}
}

// TestDecideTextSideRun checks that a text line of a run apart from the
// article's main run (extract.Block.SideRun) is kept on the stricter cut
// textSideRun times the threshold, and a main-run line on the threshold.
func TestDecideTextSideRun(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	const threshold = 0.6
	tests := []struct {
		name    string
		p       float64
		sideRun bool
		want    bool
	}{
		{"main run, under the threshold", 0.55, false, true},
		{"side run, under the threshold, over its cut", 0.55, true, false},
		{"side run, under its cut", threshold*textSideRun - 0.01, true, true},
		{"main run, at the threshold", threshold, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &extract.Document{Kind: extract.KindText, Blocks: []extract.Block{
				{Text: prose, Region: extract.RegionInside},
				{Text: prose, Region: extract.RegionInside, SideRun: tt.sideRun, Index: 1},
			}}
			if keep := decide(doc, []float64{0.1, tt.p}, threshold); keep[1] != tt.want {
				t.Errorf("line at P(junk) %.2f kept %v, want %v", tt.p, keep[1], tt.want)
			}
		})
	}
}

// TestDecideTextDataCells checks that a text line of a table beside the
// article (extract.Block.DataCell) is kept up to textDataCell times the
// threshold, at most htmlDataCell, where a line of the article at the same
// P(junk) goes.
func TestDecideTextDataCells(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	tests := []struct {
		name      string
		threshold float64
		p         float64
		dataCell  bool
		want      bool
	}{
		{"a cell over the threshold", 0.6, 0.8, true, true},
		{"an article line over the threshold", 0.6, 0.8, false, false},
		{"a cell at its own cut", 0.6, 0.6 * textDataCell, true, false},
		{"a cell under the cap", 0.7, htmlDataCell - 0.01, true, true},
		{"a cell at the cap, under 1.5 times the threshold", 0.7, htmlDataCell, true, false},
		{"a cell pinned as junk", 1, 1, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &extract.Document{Kind: extract.KindText, Blocks: []extract.Block{
				{Text: prose, Region: extract.RegionInside},
				{Text: "37% / 40%", Region: extract.RegionInside, DataCell: tt.dataCell, Index: 1},
			}}
			if keep := decide(doc, []float64{0.1, tt.p}, tt.threshold); keep[1] != tt.want {
				t.Errorf("line at P(junk) %.2f, threshold %.2f: kept %v, want %v", tt.p, tt.threshold, keep[1], tt.want)
			}
		})
	}
}

// TestDecideThread checks that a block of a blog post's comment thread
// (extract.Block.Thread) is never kept, however sure the model is that it
// is content, on HTML and text alike, while the same block outside a
// thread is kept.
func TestDecideThread(t *testing.T) {
	prose := strings.Repeat("Prose of the article, long enough to weigh. ", 4)
	for _, kind := range []extract.Kind{extract.KindHTML, extract.KindText} {
		for _, region := range []extract.Region{extract.RegionOutside, extract.RegionEdge} {
			for _, thread := range []bool{false, true} {
				doc := &extract.Document{Kind: kind, Blocks: []extract.Block{
					{Text: prose, Region: extract.RegionInside},
					{Text: prose, Region: region, Thread: thread, Index: 1},
				}}
				if keep := decide(doc, []float64{0.1, 0.01}, 0.6); keep[1] == thread || !keep[0] {
					t.Errorf("%v, %v, thread %v: kept %v, want the article and the comment %v", kind, region, thread, keep, !thread)
				}
			}
		}
	}
}
