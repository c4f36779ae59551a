package extract

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// s1Line is a long, punctuated line of prose, distinct per i.
func s1Line(i int) string {
	return fmt.Sprintf("Line %d of the article is long enough to count as prose, with a comma or two, and it ends with a full stop.", i)
}

// s1TextRegions runs text stage 1 on lines and returns each block's region.
func s1TextRegions(tb testing.TB, lines []string) ([]Block, []string) {
	tb.Helper()
	doc, err := FromText(strings.Join(lines, "\n"), Options{})
	if err != nil {
		tb.Fatalf("FromText: %v", err)
	}
	var regions []string
	for _, b := range doc.Blocks {
		regions = append(regions, b.Region.String())
	}
	return doc.Blocks, regions
}

func TestTextBlocks(t *testing.T) {
	text := "  first   line \n\n\r\n\t\nsecond\tline\r\n   \nthird"
	blocks, err := textBlocks(text, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, b := range blocks {
		if b.Tag != "line" || b.Index != i || b.Context != nil {
			t.Errorf("block %d: %+v", i, b)
		}
		got = append(got, b.Text)
	}
	if diff := cmp.Diff([]string{"first line", "second line", "third"}, got); diff != "" {
		t.Errorf("lines mismatch (-want +got):\n%s", diff)
	}
	if blocks, err := textBlocks("", 10); err != nil || len(blocks) != 0 {
		t.Errorf("empty text: %v, %v", blocks, err)
	}
}

func TestTextBlocksLimit(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		max     int
		wantErr bool
	}{
		{"under", "a\nb", 3, false},
		{"exactly", "a\nb\nc", 3, false},
		{"blank lines do not count", "a\n\n\n\nb\n\n\nc\n\n", 3, false},
		{"one over", "a\nb\nc\nd", 3, true},
		{"max one", "a\nb", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, err := textBlocks(tt.text, tt.max)
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			var le *LimitError
			if !errors.As(err, &le) || le.Limit != "lines" || le.Max != int64(tt.max) {
				t.Fatalf("err = %v, want *LimitError{lines, %d}", err, tt.max)
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("errors.Is(err, ErrTooLarge) = false")
			}
			if blocks != nil {
				t.Errorf("blocks returned with the error")
			}
		})
	}
}

func TestFromTextLimits(t *testing.T) {
	text := strings.Repeat("a line\n", 20)
	_, err := FromText(text, Options{Limits: Limits{MaxLines: 10}})
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "lines" || le.Max != 10 {
		t.Errorf("MaxLines 10: err = %v, want *LimitError lines 10", err)
	}
	if err == nil || !strings.HasPrefix(err.Error(), "extract: ") {
		t.Errorf("error %q lacks the package prefix", err)
	}
	_, err = FromText(text, Options{Limits: Limits{MaxBytes: 50}})
	if !errors.As(err, &le) || le.Limit != "bytes" || le.Max != 50 {
		t.Errorf("MaxBytes 50: err = %v, want *LimitError bytes 50", err)
	}
	if _, err := FromText(text, Options{Limits: Limits{MaxLines: 20, MaxBytes: int64(len(text))}}); err != nil {
		t.Errorf("at the limits: %v", err)
	}
}

func TestTextRegionMaxRun(t *testing.T) {
	lines := []string{"Home", "News", "Sport", "Login"}
	for i := range 5 {
		lines = append(lines, s1Line(i))
	}
	lines = append(lines, "Share", "Tweet", "Related", "Terms", "Privacy", "Contact")
	_, got := s1TextRegions(t, lines)
	want := []string{"outside", "edge", "edge", "edge",
		"inside", "inside", "inside", "inside", "inside",
		"edge", "edge", "edge", "outside", "outside", "outside"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions mismatch (-want +got):\n%s", diff)
	}
}

// TestTextRegionOtherRuns checks that an article cut in two by a table of
// short lines keeps both parts inside, while a lone short prose line far
// below a long article stays outside.
func TestTextRegionOtherRuns(t *testing.T) {
	lines := []string{"Home", "News"}
	for i := range 6 {
		lines = append(lines, s1Line(i))
	}
	for i := range 12 {
		lines = append(lines, fmt.Sprintf("Row %d", i), "3.5", "12%")
	}
	lines = append(lines, s1Line(6), s1Line(7), "Share", "Tweet", "Terms", "Privacy", "Contact", "About", "Jobs", "Help")
	blocks, _ := s1TextRegions(t, lines)
	for i, b := range blocks {
		if strings.HasPrefix(b.Text, "Line ") && b.Region != RegionInside {
			t.Errorf("%q is %v, want inside", b.Text[:7], b.Region)
		}
		// The six lines before the table are the main run; the two after
		// it joined it, and only they are a side run.
		if want := i >= len(blocks)-10 && i < len(blocks)-8; b.SideRun != want {
			t.Errorf("line %d %q: SideRun %v, want %v", i, b.Text, b.SideRun, want)
		}
	}

	// A weak run (one short sentence) beside a long article is not the article.
	lines = []string{"Home"}
	for i := range 40 {
		lines = append(lines, s1Line(i))
	}
	lines = append(lines, "Menu", "Login", "Terms", "Privacy", "Contact", "About", "Jobs", "Help", "Follow us, on social media.", "Sitemap")
	blocks, _ = s1TextRegions(t, lines)
	if r := blocks[len(blocks)-2].Region; r != RegionOutside {
		t.Errorf("weak run far from the article is %v, want outside", r)
	}
}

func TestTextRegionShortLineBridged(t *testing.T) {
	// A short line between two strong lines (a caption, a short list item) stays in the run.
	lines := []string{"Menu", s1Line(0), s1Line(1), "Photo: Reuters", s1Line(2), s1Line(3), "Menu"}
	blocks, _ := s1TextRegions(t, lines)
	if blocks[3].Region != RegionInside {
		t.Errorf("short line between prose: %v, want inside", blocks[3].Region)
	}
}

func TestTextRegionHeadingPulledIn(t *testing.T) {
	lines := []string{"Site name", "Home", "一、项目背景", s1Line(0), s1Line(1), s1Line(2), "Footer"}
	blocks, _ := s1TextRegions(t, lines)
	if !blocks[2].Heading {
		t.Fatalf("%q is not a heading", blocks[2].Text)
	}
	if blocks[2].Region != RegionInside {
		t.Errorf("heading before the run: %v, want inside", blocks[2].Region)
	}
	if blocks[1].Region != RegionEdge || blocks[0].Region != RegionEdge {
		t.Errorf("lines before the heading: %v %v, want edge", blocks[0].Region, blocks[1].Region)
	}
	// Two headings in a row are both pulled in.
	lines = []string{"Home", "Login", "Menu", "Search", "第一章 总则", "1. Scope", s1Line(0), s1Line(1), s1Line(2)}
	blocks, got := s1TextRegions(t, lines)
	want := []string{"outside", "edge", "edge", "edge", "inside", "inside", "inside", "inside", "inside"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions mismatch (-want +got):\n%s", diff)
	}
	if !blocks[4].Heading || !blocks[5].Heading {
		t.Error("numbered lines are not headings")
	}
}

func TestTextRegionNoProse(t *testing.T) {
	blocks, _ := s1TextRegions(t, []string{"Home", "News", "Login", "Search"})
	for _, b := range blocks {
		if b.Region != RegionEdge {
			t.Errorf("%q: %v, want edge", b.Text, b.Region)
		}
	}
	// A side run found before is not one once no run is.
	blocks[1].SideRun = true
	TextRegion(blocks, nil)
	if blocks[1].SideRun {
		t.Error("SideRun left set on a text with no run")
	}
	TextRegion(nil, nil) // must not panic
}

func TestTextRegionCJK(t *testing.T) {
	lines := []string{"首页", "新闻", "登录",
		"本报讯　3月14日上午，三座城市书房同时对外开放，市民可以免费进入阅读、自习和参加活动，受到广泛欢迎。",
		"据市图书馆负责人介绍，三座书房总面积约一千二百平方米，共提供座位三百余个，藏书四万多册。",
		"书房每天开放至晚上十点，市民凭身份证或读者证即可借阅图书，还设置了自助借还机和夜间还书箱。",
		"相关新闻", "关于我们", "联系我们", "广告服务", "版权所有"}
	_, got := s1TextRegions(t, lines)
	want := []string{"edge", "edge", "edge", "inside", "inside", "inside", "edge", "edge", "edge", "outside", "outside"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions mismatch (-want +got):\n%s", diff)
	}
}

func TestMaxRun(t *testing.T) {
	tests := []struct {
		score      []float64
		start, end int
	}{
		{nil, -1, -1},
		{[]float64{-1, -2}, -1, -1},
		{[]float64{0, 0}, -1, -1},
		{[]float64{1}, 0, 0},
		{[]float64{-1, 2, 3, -1}, 1, 2},
		{[]float64{2, -1, 2}, 0, 2},
		{[]float64{2, -3, 2.5}, 2, 2},
		{[]float64{3, -5, 1, 1, -0.5, 1}, 0, 0},
		{[]float64{3, -5, 2, 1, -0.5, 1}, 2, 5},
	}
	for _, tt := range tests {
		s, e := maxRun(tt.score)
		if s != tt.start || e != tt.end {
			t.Errorf("maxRun(%v) = %d, %d; want %d, %d", tt.score, s, e, tt.start, tt.end)
		}
	}
}

func TestLineScore(t *testing.T) {
	if s := lineScore(s1Line(0)); s <= 0 {
		t.Errorf("prose line scores %v, want > 0", s)
	}
	for _, l := range []string{"Home", "Share this article", "", "Terms and conditions apply"} {
		if s := lineScore(l); s >= 0 {
			t.Errorf("lineScore(%q) = %v, want < 0", l, s)
		}
	}
	if lineScore("A sentence of ten words that ends with a stop.") <= lineScore("A sentence of ten words that ends with no stop") {
		t.Error("a full stop does not raise the score")
	}
}

func TestLooksLikeHeading(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"1. Introduction", true},
		{"一、项目背景", true},
		{"第三章 方法", true},
		{"1.", false}, // too short
		{"1. This numbered line ends like a sentence.", false},
		{"Introduction", false},
		{"3. " + strings.Repeat("long ", 15), false}, // over 60 runes
	}
	for _, tt := range tests {
		if got := looksLikeHeading(tt.s); got != tt.want {
			t.Errorf("looksLikeHeading(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// maximalRunsByRecursion is the definition maximalRuns implements: the
// maximum run, then the maximal runs on either side of it.
func maximalRunsByRecursion(score []float64, lo, hi int, out *[]run) {
	if hi <= lo {
		return
	}
	s, e := maxRun(score[lo:hi])
	if s < 0 {
		return
	}
	s, e = lo+s, lo+e
	sum := 0.0
	for i := s; i <= e; i++ {
		sum += score[i]
	}
	maximalRunsByRecursion(score, lo, s, out)
	*out = append(*out, run{start: s, end: e, sum: sum})
	maximalRunsByRecursion(score, e+1, hi, out)
}

func TestMaximalRuns(t *testing.T) {
	tests := [][]float64{
		nil,
		{-1, -2},
		{3},
		{4, -5, 3, -2, 6, -9, 2},
		{1, -1, 1, -1, 1},
		{5, -1, -1, 5, -20, 2, 2, -1, 3},
	}
	// And pseudo-random ones (deterministic), many over small ranges so
	// that ties and zeros are common.
	x := uint32(1)
	for k := 1; k <= 10; k++ {
		for range 300 {
			x = x*1664525 + 1013904223
			s := make([]float64, x>>27) // up to 31 scores
			for i := range s {
				x = x*1664525 + 1013904223
				s[i] = float64(int(x>>16)%(2*k+1) - k)
			}
			tests = append(tests, s)
		}
	}
	for _, score := range tests {
		var want []run
		maximalRunsByRecursion(score, 0, len(score), &want)
		if got := maximalRuns(score); !slices.Equal(got, want) {
			t.Errorf("%v: runs %v, want %v", score, got, want)
		}
	}
}

// TestTextRegionListing checks that a text of textListingMinLines or more
// whose article run has fewer than textListingMaxWords words (a listing of
// short lines with an introduction) has no article run: every line is a
// candidate for stage 2.
func TestTextRegionListing(t *testing.T) {
	lines := []string{"Home", "Jobs", "These are jobs at our startups, see more on the careers page."}
	for i := range textListingMinLines {
		lines = append(lines, fmt.Sprintf("Startup %d is hiring a backend engineer", i))
	}
	_, got := s1TextRegions(t, lines)
	for i, r := range got {
		if r != "edge" {
			t.Errorf("line %d %q: %s, want edge", i, lines[i], r)
		}
	}
	// A short text with a line of prose keeps its run: it is a brief, not
	// a listing.
	_, got = s1TextRegions(t, []string{"Menu", "Otters hold hands while they sleep, so that they do not drift apart.", "Copyright"})
	if got[1] != "inside" {
		t.Errorf("a short text: regions %v, want its prose inside", got)
	}
	// One long paragraph among many menu lines is an article: a line's
	// score is capped, its words are not.
	var menu []string
	for i := range textListingMinLines {
		menu = append(menu, fmt.Sprintf("Menu item %d", i))
	}
	long := strings.Repeat("the river authority said the new barrier held back the tide ", 7) + "and the town stayed dry."
	_, got = s1TextRegions(t, append(menu, long, "Copyright 2026"))
	if got[len(got)-2] != "inside" {
		t.Errorf("one long paragraph: %s, want inside", got[len(got)-2])
	}
	// With an article's worth of prose, the run is found as before.
	lines = append(lines, s1Line(0), s1Line(1), s1Line(2))
	_, got = s1TextRegions(t, lines)
	if got[len(got)-1] != "inside" || got[0] == "inside" {
		t.Errorf("an article after the listing: regions %v, want its lines inside", got)
	}
}

// TestTextRegionWithModel checks that the line model's opinion takes the
// article's run off long sentences it knows for junk (a consent notice
// longer than the article), and that without it the lines' shapes decide.
func TestTextRegionWithModel(t *testing.T) {
	notice := "We and our partners store and access information on your device, such as cookies, to measure audiences, personalise ads and improve our services."
	article := "The council voted on Tuesday to reopen the old library, and the work will start in the spring."
	lines := []string{"Home", "News", "Sport", notice, notice, notice, notice, "Accept all", "Reject all",
		"Manage", "Home", "World", "Business", "Library to reopen", article, article, "Share", "Contact us"}
	blocks, regions := s1TextRegions(t, lines)
	if regions[4] != "inside" {
		t.Fatalf("by shape alone: regions %v, want the notice inside", regions)
	}
	pjunk := make([]float64, len(blocks))
	for i, l := range lines {
		pjunk[i] = 0.9
		if l == article || l == "Library to reopen" {
			pjunk[i] = 0.1
		}
	}
	TextRegion(blocks, pjunk)
	for i, b := range blocks {
		inside := b.Region == RegionInside
		if want := lines[i] == article; inside != want {
			t.Errorf("line %d %q: %v, want inside %v", i, lines[i], b.Region, want)
		}
	}
	// A P(junk) of the wrong length is ignored: the shapes decide again.
	TextRegion(blocks, pjunk[:3])
	if blocks[4].Region != RegionInside {
		t.Errorf("with a short pjunk, the notice is %v, want inside as by shape", blocks[4].Region)
	}
}

func TestJunkWeight(t *testing.T) {
	tests := []struct {
		score, pjunk, want float64
	}{
		{3, 0, 3},
		{3, 0.5, 3},
		{3, 0.6, 2.4},
		{3, junkSure, 1.5},
		{3, 0.9, 3*0.2 - lineCost},
		{3, 1, -lineCost},
		{-2, 0.5, -2},
		{-2, 0.9, -2 - lineCost},
	}
	for _, tt := range tests {
		if got := junkWeight(tt.score, tt.pjunk); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("junkWeight(%v, %v) = %v, want %v", tt.score, tt.pjunk, got, tt.want)
		}
	}
}

// TestTextRegionStopSections checks that the lines after a stop line inside
// the article's run ("Related articles", "评论") leave the run up to the next
// line of prose, which stays inside, and that "Read more" and a line that
// introduces a list of the article's own are not stop lines.
func TestTextRegionStopSections(t *testing.T) {
	tests := []struct {
		stop       string
		titlesLeft bool
	}{
		{"Related articles", true},
		{"Related posts:", true},
		{"3 Comments", true},
		{"相关阅读", true},
		{"| 回复线索：", true},
		{"Read more", false},
		{"Related tools:", false}, // words of its own before a colon: the article's list
		{"Comments are closed.", false},
		{"Relatedness of the two samples", false},
	}
	for _, tt := range tests {
		t.Run(tt.stop, func(t *testing.T) {
			lines := []string{"Home", s1Line(0), s1Line(1), s1Line(2), s1Line(3), tt.stop,
				"Title of another story", "Title of a third story",
				s1Line(4), s1Line(5), s1Line(6), "Footer"}
			blocks, got := s1TextRegions(t, lines)
			for i := 6; i <= 7; i++ {
				if left := blocks[i].Region != RegionInside; left != tt.titlesLeft {
					t.Errorf("%q after %q: %s, want out of the run %v (regions %v)", lines[i], tt.stop, got[i], tt.titlesLeft, got)
				}
			}
			for i := 8; i <= 10; i++ {
				if blocks[i].Region != RegionInside {
					t.Errorf("prose after the section, line %d: %s, want inside", i, got[i])
				}
			}
			if blocks[5].Region != RegionInside {
				t.Errorf("the stop line itself: %s, want inside (the model judges it)", got[5])
			}
		})
	}
	// A stop section that runs to the end of the main run leaves it to its
	// end: lines that score as prose but are not prose lines (short of
	// stopSectionProseRunes) are inside without the rule.
	teaser := "Another story about otters, with a comma, another one, and a third one too"
	lines := []string{"Menu", s1Line(0), s1Line(1), s1Line(2), "Related articles", teaser, teaser, "Footer"}
	blocks, got := s1TextRegions(t, lines)
	if blocks[5].Region == RegionInside || blocks[6].Region == RegionInside {
		t.Errorf("teasers after a final stop line: regions %v, want out of the run", got)
	}
	// A stop line inside another's section goes with it.
	lines = []string{s1Line(0), s1Line(1), s1Line(2), "Related articles", teaser, "3 Comments", teaser, s1Line(3), s1Line(4)}
	blocks, got = s1TextRegions(t, lines)
	for i := 4; i <= 6; i++ {
		if blocks[i].Region == RegionInside {
			t.Errorf("line %d %q: %s, want out of the run (regions %v)", i, lines[i], got[i], got)
		}
	}
	if blocks[7].Region != RegionInside || blocks[3].Region != RegionInside {
		t.Errorf("the first stop line and the prose after the section: regions %v, want inside", got)
	}
	// A blog's thread title that names the post's headline ends the run
	// there: the comments after it are prose, but not the article. One
	// that names no line of the text is an ordinary line.
	for _, title := range []string{"Otters at the river", "Something else"} {
		lines = []string{"Menu", "Otters at the river", s1Line(0), s1Line(1), s1Line(2), "3 Comments on “" + title + "”", "Anna", s1Line(3), "Ben", s1Line(4), s1Line(5), "Footer"}
		blocks, got = s1TextRegions(t, lines)
		named := title == "Otters at the river"
		for i := 5; i <= 10; i++ {
			if in := blocks[i].Region == RegionInside; in == named {
				t.Errorf("%q: line %d %.20q: %s, want inside %v (regions %v)", title, i, lines[i], got[i], !named, got)
			}
		}
		if blocks[4].Region != RegionInside {
			t.Errorf("%q: the article's last line is %s, want inside", title, got[4])
		}
	}
	// Also when it comes inside a stop line's section (the stop line
	// itself stays, for the model to judge).
	lines = []string{"Otters at the River", s1Line(0), s1Line(1), s1Line(2), s1Line(3), "Related posts", "Beavers return",
		"3 Comments on “Otters at the River”", s1Line(4), s1Line(5), s1Line(6), s1Line(7)}
	blocks, got = s1TextRegions(t, lines)
	for i := 6; i < len(lines); i++ {
		if blocks[i].Region == RegionInside {
			t.Errorf("after a stop line, line %d %.20q: %s, want out of the run (regions %v)", i, lines[i], got[i], got)
		}
	}
	// A blog's comments titled "re: " and the post's headline, after a
	// stop line: the thread and everything after it are out, even where
	// the comments hold the main run and the post is a side run before it.
	// A forum's replies titled so, with no stop line before them, stay.
	for _, stop := range []string{"Comments", "评论", ""} {
		lines = []string{"Menu", "Moving in", s1Line(0), s1Line(1), "Posted at 12:40 (reads: 3727)"}
		if stop != "" {
			lines = append(lines, stop)
		}
		for i := 2; i < 10; i++ {
			lines = append(lines, "# re: Moving in 2004-12-27 12:4"+strconv.Itoa(i)+" user"+strconv.Itoa(i), s1Line(i))
		}
		lines = append(lines, "Footer")
		blocks, got = s1TextRegions(t, lines)
		if stop == "" {
			if blocks[len(lines)-2].Region != RegionInside {
				t.Errorf("forum replies with no stop line: regions %v, want the last reply inside", got)
			}
			// TextRegion runs again with the model's opinion: a flag of
			// an earlier run does not stay.
			for i := range blocks {
				blocks[i].Thread = true
			}
			TextRegion(blocks, nil)
			for i := range blocks {
				if blocks[i].Thread {
					t.Errorf("forum replies, TextRegion run twice: line %d keeps Thread", i)
				}
			}
			continue
		}
		for i := 2; i <= 3; i++ {
			if blocks[i].Region != RegionInside {
				t.Errorf("%q: the post's line %d: %s, want inside (regions %v)", stop, i, got[i], got)
			}
		}
		for i := 6; i < len(lines); i++ {
			if blocks[i].Region == RegionInside || !blocks[i].Thread {
				t.Errorf("%q: comment line %d %.20q: %s, Thread %v, want out, in the thread (regions %v)", stop, i, lines[i], got[i], blocks[i].Thread, got)
			}
		}
		for i := range 6 {
			if blocks[i].Thread {
				t.Errorf("%q: line %d %.20q before the thread has Thread set", stop, i, lines[i])
			}
		}
	}
	// A blog's sidebar of recent comments before the article ("最新评论",
	// then a comment titled after a post the sidebar lists) opens no
	// thread: the thread is looked for after the article's first line, and
	// the post's own is still found.
	lines = []string{"最近文章", "Moving in", "最新评论", "# re: Moving in 2004-12-28 anna", "Moving in", s1Line(0), s1Line(1), s1Line(2),
		"Comments", "# re: Moving in 2004-12-27 12:40 ben", s1Line(3), "# re: Moving in 2004-12-27 12:41 cy", s1Line(4), "Footer"}
	blocks, got = s1TextRegions(t, lines)
	for i, b := range blocks {
		if wantThread := i >= 9; b.Thread != wantThread || i >= 5 && i <= 7 && b.Region != RegionInside {
			t.Errorf("a sidebar of comments before the post, line %d %.20q: %s, Thread %v, want Thread %v (regions %v)", i, lines[i], got[i], b.Thread, wantThread, got)
		}
	}
	// A text with no prose (every line a candidate) keeps no Thread flag
	// from an earlier run either.
	lines = nil
	for i := range 30 {
		lines = append(lines, "Headline number "+strconv.Itoa(i))
	}
	blocks, _ = s1TextRegions(t, lines)
	for i := range blocks {
		blocks[i].Thread = true
	}
	TextRegion(blocks, nil)
	for i, b := range blocks {
		if b.Thread || b.Region != RegionEdge {
			t.Errorf("a listing, TextRegion run twice: line %d is %s, Thread %v; want edge, no Thread", i, b.Region, b.Thread)
		}
	}
	// The headline a few lines before the article (a byline, a date).
	lines = []string{"Menu", "Moving in", "By Anna", "2004-12-27", s1Line(0), s1Line(1), s1Line(2),
		"Comments", "# re: Moving in 2004-12-27 12:40 ben", s1Line(3), "# re: Moving in 2004-12-27 12:41 cy", s1Line(4)}
	blocks, got = s1TextRegions(t, lines)
	if !blocks[8].Thread || blocks[9].Region == RegionInside {
		t.Errorf("comments after a headline with a byline: regions %v, Thread %v, want the thread from line 8", got, blocks[8].Thread)
	}
	// The headline as the article's first line (long enough to be prose).
	head := "Moving in, or how we left the city for a farm, and what it cost us in the end."
	lines = []string{"Menu", head, s1Line(0), s1Line(1), s1Line(2), "Comments", "# re: " + head + " 2004-12-27 ben", s1Line(3), s1Line(4)}
	blocks, got = s1TextRegions(t, lines)
	if blocks[1].Region != RegionInside || !blocks[6].Thread {
		t.Errorf("a headline inside the run: regions %v, comment's Thread %v; want the headline inside and the thread from line 6", got, blocks[6].Thread)
	}
	// A comment's title naming a line far before the article (a menu's
	// "Home") is no reply to the post.
	lines = []string{"Home", "Shop", "Blog", "About", "Contact", "Otters at the river", s1Line(0), s1Line(1), s1Line(2),
		"Comments", "Re: Home improvement 2004-12-27 anna", s1Line(3), s1Line(4), s1Line(5)}
	blocks, got = s1TextRegions(t, lines)
	for i, b := range blocks {
		if b.Thread {
			t.Errorf("a reply naming the menu, line %d %.20q has Thread set (regions %v)", i, lines[i], got)
		}
	}
	// A Chinese thread title, the quoted headline before the count.
	zh := "播客热潮迅速蔓延，挑逗传统传媒业，每个人都可以当主持人，任何人都可以通过软件免费下载播客提供的节目，订阅自己喜欢的内容。"
	lines = []string{"首页", "播客热潮迅速蔓延", zh, zh, zh, "《播客热潮迅速蔓延》已有2件评论", "张三", zh + "很好。", "李四", zh + "同意。", "版权所有"}
	blocks, got = s1TextRegions(t, lines)
	for i := 5; i < len(lines); i++ {
		if blocks[i].Region == RegionInside || !blocks[i].Thread {
			t.Errorf("after a Chinese thread title, line %d %.20q: %s, Thread %v, want out, in the thread (regions %v)", i, lines[i], got[i], blocks[i].Thread, got)
		}
	}
	if blocks[4].Region != RegionInside {
		t.Errorf("the post's last line before a Chinese thread title: %s, want inside", got[4])
	}
	// A thread title after the main run takes the side runs after it out too.
	lines = []string{"Otters at the River", s1Line(0), s1Line(1), s1Line(2), s1Line(3), "Menu", "Sign up", "Log in", "Search",
		"2 Comments on “Otters at the River”", "Anna", s1Line(4), "Ben", s1Line(5), s1Line(6)}
	blocks, got = s1TextRegions(t, lines)
	for i := 9; i < len(lines); i++ {
		if blocks[i].Region == RegionInside {
			t.Errorf("after a thread title past the main run, line %d: %s, want out (regions %v)", i, got[i], got)
		}
	}
}

// TestTextRegionMarkdownLinks checks that in a Markdown export (html2text,
// a crawler's), lines of links, which read as long lines by their URLs, are
// not the article: a menu of linked items before the article, each long
// enough to pass for prose, stays out of its run, while a paragraph with a
// link in it stays in.
func TestTextRegionMarkdownLinks(t *testing.T) {
	var lines []string
	for i := range 8 {
		lines = append(lines, fmt.Sprintf("* [Section %d, with news, sport and weather, all of it updated daily.](https://example.com/sections/%d/news-sport-weather-updated-daily)", i, i), "")
	}
	for i := range 4 {
		lines = append(lines, s1Line(i), "")
	}
	lines = append(lines, "As [the report](https://example.com/report) says, it is long enough to count as prose, with a comma or two, and it ends.")
	blocks, _ := s1TextRegions(t, lines)
	for _, b := range blocks {
		want := !strings.HasPrefix(b.Text, "* [")
		if got := b.Region == RegionInside; got != want {
			t.Errorf("%.40q: inside %v, want %v", b.Text, got, want)
		}
	}
	if blocks[0].LinkDensity() < 0.95 || blocks[len(blocks)-1].LinkChars != len("[the report](https://example.com/report)") {
		t.Errorf("link chars: %d of %d, %d", blocks[0].LinkChars, blocks[0].Runes(), blocks[len(blocks)-1].LinkChars)
	}
}
