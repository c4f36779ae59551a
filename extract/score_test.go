package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// s1Want is a stage-1 fixture's expectation, stored as testdata/stage1/<name>.want.json.
type s1Want struct {
	Inside    []string `json:"inside"`
	NotInside []string `json:"not_inside"`
}

// s1Stage1 parses an inline page and runs segmentation and stage 1 on it.
func s1Stage1(tb testing.TB, page string) []Block {
	tb.Helper()
	return FromNode(s1Parse(tb, page)).Blocks
}

// s1Dump renders blocks one a line with their region, for failure messages.
func s1Dump(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		fmt.Fprintf(&b, "  %3d %-7s %-10s %q\n", bl.Index, bl.Region, bl.Tag, s1Head(bl.Text)+"…")
	}
	return b.String()
}

// s1InsideHas reports whether some inside block contains phrase.
func s1InsideHas(blocks []Block, phrase string) bool {
	for _, b := range blocks {
		if b.Region == RegionInside && strings.Contains(b.Text, phrase) {
			return true
		}
	}
	return false
}

// s1RegionOf returns the region of the first block containing phrase.
func s1RegionOf(tb testing.TB, blocks []Block, phrase string) Region {
	tb.Helper()
	for _, b := range blocks {
		if strings.Contains(b.Text, phrase) {
			return b.Region
		}
	}
	tb.Fatalf("no block contains %q:\n%s", phrase, s1Dump(blocks))
	return 0
}

func TestStage1Fixtures(t *testing.T) {
	dir := filepath.Join("testdata", "stage1")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".html")
		if !ok {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			wj, err := os.ReadFile(filepath.Join(dir, name+".want.json"))
			if err != nil {
				t.Fatal(err)
			}
			var want s1Want
			dec := json.NewDecoder(strings.NewReader(string(wj)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("%s.want.json: %v", name, err)
			}
			if len(want.Inside) == 0 || len(want.NotInside) == 0 {
				t.Fatalf("%s.want.json: empty inside or not_inside list", name)
			}
			doc, err := Extract(context.Background(), raw, Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if doc.Kind != KindHTML {
				t.Fatalf("Kind = %v, want html", doc.Kind)
			}
			failed := false
			for _, p := range want.Inside {
				if !s1InsideHas(doc.Blocks, p) {
					t.Errorf("phrase %q is not in an inside block", p)
					failed = true
				}
			}
			for _, p := range want.NotInside {
				if s1InsideHas(doc.Blocks, p) {
					t.Errorf("phrase %q is in an inside block", p)
					failed = true
				}
				if !strings.Contains(s1AllText(doc.Blocks), p) {
					t.Errorf("phrase %q is in no block at all (a not_inside phrase must be on the page)", p)
				}
			}
			if failed {
				t.Logf("blocks:\n%s", s1Dump(doc.Blocks))
			}
		})
	}
	if n < 4 {
		t.Errorf("found %d stage-1 fixtures, want at least 4", n)
	}
}

// s1AllText joins the texts of blocks with newlines.
func s1AllText(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// s1Para is a paragraph of article prose, distinct per i.
func s1Para(i int) string {
	return fmt.Sprintf("Paragraph %d of the article tells a long story, with clauses, commas and a proper ending, so that it reads like prose.", i)
}

// s1Article returns an <article> of n prose paragraphs.
func s1Article(n int) string {
	var b strings.Builder
	b.WriteString(`<article><h1>The headline</h1>`)
	for i := range n {
		b.WriteString("<p>" + s1Para(i) + "</p>")
	}
	b.WriteString(`</article>`)
	return b.String()
}

func TestStage1PicksArticle(t *testing.T) {
	menu := `<div class="top"><ul>` + strings.Repeat(`<li><a href="/s">Section name</a></li>`, 12) + `</ul></div>`
	links := `<div class="col"><h3>More stories</h3><ul>` +
		strings.Repeat(`<li><a href="/x">Another story headline that is quite long</a></li>`, 15) + `</ul></div>`
	footer := `<div class="site-footer"><p>Copyright 2025 Example Media Group. All rights reserved.</p>` +
		`<p><a href=/a>About</a> <a href=/b>Privacy</a> <a href=/c>Terms</a></p></div>`
	comments := `<div id="comments">` + strings.Repeat(
		`<div><p>A reader wrote a long reply here, with an opinion, some commas, and a full stop at the end.</p></div>`, 3) + `</div>`
	tests := []struct {
		name    string
		body    string
		outside []string // phrases that must not be inside
	}{
		{"nav menu without semantic markup", menu + s1Article(4), []string{"Section name"}},
		{"sidebar of link lists without semantic markup", `<div class="wrap">` + s1Article(4) + links + `</div>`, []string{"More stories", "Another story"}},
		{"footer by class", s1Article(4) + footer, []string{"Copyright", "Privacy"}},
		{"footer element", s1Article(4) + `<footer><p>Copyright 2025 Example Media Group. All rights reserved.</p></footer>`, []string{"Copyright"}},
		{"comment section by id", s1Article(6) + comments, []string{"A reader wrote"}},
		{"comment section longer than the article", s1Article(4) + strings.Repeat(comments, 3), []string{"A reader wrote"}},
		{"all of them", menu + `<div>` + s1Article(5) + comments + links + `</div>` + footer, []string{"Section name", "Another story", "A reader wrote", "Copyright"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := s1Stage1(t, "<html><body>"+tt.body+"</body></html>")
			bad := false
			for i := range 4 {
				if p := s1Para(i); !s1InsideHas(blocks, p) {
					t.Errorf("paragraph %d is not inside", i)
					bad = true
				}
			}
			if !s1InsideHas(blocks, "The headline") {
				t.Errorf("the article's heading is not inside")
				bad = true
			}
			for _, p := range tt.outside {
				if s1InsideHas(blocks, p) {
					t.Errorf("%q is inside", p)
					bad = true
				}
			}
			if bad {
				t.Logf("blocks:\n%s", s1Dump(blocks))
			}
		})
	}
}

// TestStage1JunkInsideRegion checks that blocks in junk containers below the
// region are edge, not inside, and that the region's prose is still inside.
func TestStage1JunkInsideRegion(t *testing.T) {
	tests := []struct {
		name  string
		junk  string
		probe string
	}{
		{"share row", `<div class="share"><a href=#>Share on Facebook</a> <a href=#>Tweet</a></div>`, "Share on Facebook"},
		{"related list", `<div class="related"><h3>Related articles</h3><ul><li><a href=/r>Related one</a></li></ul></div>`, "Related articles"},
		{"nav element", `<nav><a href=/p>Previous</a> <a href=/n>Next</a></nav>`, "Previous"},
		{"aside element", `<aside><p>A pull quote in an aside, with words.</p></aside>`, "pull quote"},
		{"comments by id", `<section id="comments"><p>Nice article, thanks for writing it.</p></section>`, "Nice article"},
		{"newsletter box", `<div class="newsletter-signup"><p>Sign up for our newsletter.</p></div>`, "Sign up"},
		{"nested inside a junk container", `<div class="social"><div><div><p>Follow us everywhere.</p></div></div></div>`, "Follow us"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `<article>` + "<p>" + s1Para(0) + "</p><p>" + s1Para(1) + "</p>" + tt.junk +
				"<p>" + s1Para(2) + "</p><p>" + s1Para(3) + "</p></article>"
			blocks := s1Stage1(t, "<html><body>"+body+"</body></html>")
			if r := s1RegionOf(t, blocks, tt.probe); r != RegionEdge {
				t.Errorf("%q: region %v, want edge\n%s", tt.probe, r, s1Dump(blocks))
			}
			for i := range 4 {
				if r := s1RegionOf(t, blocks, s1Para(i)); r != RegionInside {
					t.Errorf("paragraph %d: region %v, want inside\n%s", i, r, s1Dump(blocks))
				}
			}
		})
	}
}

// TestStage1NotJunkLayoutModifier checks the documented exception: a
// layout modifier class ("has-related") does not make a container junk.
func TestStage1NotJunkLayoutModifier(t *testing.T) {
	body := `<article><p>` + s1Para(0) + `</p><div class="post-content has-related"><p>` + s1Para(1) + `</p></div><p>` + s1Para(2) + `</p></article>`
	blocks := s1Stage1(t, "<html><body>"+body+"</body></html>")
	if r := s1RegionOf(t, blocks, s1Para(1)); r != RegionInside {
		t.Errorf("paragraph in post-content has-related: %v, want inside\n%s", r, s1Dump(blocks))
	}
}

// TestStage1RelatedPostsInsideArticle shows the cost of that exception:
// common classes such as "post-comments" and "entry-related" carry an
// article word, so a comment section or related list inside the article's
// container is marked inside.
func TestStage1RelatedPostsInsideArticle(t *testing.T) {
	for _, class := range []string{"related-posts", "post-comments", "article-comments", "entry-related", "post-related"} {
		body := `<article><p>` + s1Para(0) + `</p><p>` + s1Para(1) + `</p><div class="` + class +
			`"><h3>Junk heading</h3><ul><li><a href=/x>A teaser headline</a></li></ul></div></article>`
		blocks := s1Stage1(t, "<html><body>"+body+"</body></html>")
		if r := s1RegionOf(t, blocks, "Junk heading"); r == RegionInside {
			t.Errorf("class %q: heading of the junk container is inside\n%s", class, s1Dump(blocks))
		}
	}
}

func TestStage1EdgeMarking(t *testing.T) {
	// Ten link items before and after a single article.
	var b strings.Builder
	b.WriteString(`<div class="x">`)
	for i := range 10 {
		fmt.Fprintf(&b, `<div><a href=/b%d>before %d</a></div>`, i, i)
	}
	b.WriteString(`</div>`)
	b.WriteString(s1Article(3))
	b.WriteString(`<div class="y">`)
	for i := range 10 {
		fmt.Fprintf(&b, `<div><a href=/a%d>after %d</a></div>`, i, i)
	}
	b.WriteString(`</div>`)
	blocks := s1Stage1(t, "<html><body>"+b.String()+"</body></html>")
	var got []string
	for _, bl := range blocks {
		got = append(got, bl.Region.String())
	}
	var want []string
	for i := range 10 {
		if i >= 10-edgeBlocks {
			want = append(want, "edge")
		} else {
			want = append(want, "outside")
		}
	}
	for range 4 { // heading and three paragraphs
		want = append(want, "inside")
	}
	for i := range 10 {
		if i < edgeBlocks {
			want = append(want, "edge")
		} else {
			want = append(want, "outside")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions mismatch (-want +got):\n%s\n%s", diff, s1Dump(blocks))
	}
}

func TestStage1EdgeAtDocumentEnds(t *testing.T) {
	// The article is the whole page but for one link before and after: no index out of range.
	blocks := s1Stage1(t, `<html><body><div><a href=/>Home</a></div>`+s1Article(3)+`<div><a href=/>Top</a></div></body></html>`)
	if r := s1RegionOf(t, blocks, "Home"); r != RegionEdge {
		t.Errorf("Home: %v, want edge", r)
	}
	if r := s1RegionOf(t, blocks, "Top"); r != RegionEdge {
		t.Errorf("Top: %v, want edge", r)
	}
}

func TestStage1NoProse(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"link list only", `<ul>` + strings.Repeat(`<li><a href=/x>Link</a></li>`, 20) + `</ul>`},
		{"short labels", `<div>Menu</div><div>Login</div><div>Search</div>`},
		{"one word", `<p>Hello</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := s1Stage1(t, "<html><body>"+tt.body+"</body></html>")
			if len(blocks) == 0 {
				t.Fatal("no blocks")
			}
			for _, b := range blocks {
				if b.Region != RegionEdge {
					t.Errorf("block %q: %v, want edge (no prose: stage 2 decides)", b.Text, b.Region)
				}
			}
		})
	}
}

func TestStage1Empty(t *testing.T) {
	regionOf(nil, nil) // must not panic
	blocks := s1Stage1(t, `<html><body></body></html>`)
	if len(blocks) != 0 {
		t.Errorf("empty body gave %d blocks", len(blocks))
	}
}

// TestStage1LargerArticleWins checks that the article wins over a smaller
// prose container in a junk container, which is not inside.
func TestStage1LargerArticleWins(t *testing.T) {
	small := `<div class="promo-box"><p>A short promo paragraph for something else, with one comma.</p></div>`
	blocks := s1Stage1(t, "<html><body>"+small+"<hr><div>"+s1Article(5)+"</div></body></html>")
	if r := s1RegionOf(t, blocks, "short promo"); r == RegionInside {
		t.Errorf("the smaller container is inside\n%s", s1Dump(blocks))
	}
	if !s1InsideHas(blocks, s1Para(4)) {
		t.Errorf("the article is not inside\n%s", s1Dump(blocks))
	}
}

func TestStage1Deterministic(t *testing.T) {
	// Two equal articles: ties must break the same way every time (map order is random).
	page := "<html><body><div>" + s1Article(3) + "</div><div>" + s1Article(3) + "</div></body></html>"
	first := s1Dump(s1Stage1(t, page))
	for range 20 {
		if got := s1Dump(s1Stage1(t, page)); got != first {
			t.Fatalf("stage 1 is not deterministic:\n%s\nvs\n%s", first, got)
		}
	}
}

func TestBlockMass(t *testing.T) {
	prose := &Block{Text: "This is a sentence of prose, with two commas, and an end."}
	bare := &Block{Text: "This is a sentence of prose with no commas and no end"}
	link := &Block{Text: "Another story headline that is quite long", LinkChars: 41}
	teaser := &Block{Text: "This is a sentence of prose, with two commas, and an end.", LinkChars: 59}
	tiny := &Block{Text: "x"}
	if !(blockMass(prose, false) > blockMass(bare, false)) {
		t.Errorf("punctuation does not add mass: %v <= %v", blockMass(prose, false), blockMass(bare, false))
	}
	if !(blockMass(prose, true) < blockMass(prose, false)) {
		t.Errorf("a junk container does not lower mass")
	}
	if m := blockMass(link, false); m >= 0 {
		t.Errorf("all-link block has mass %v, want negative", m)
	}
	// A short linked sentence (under teaserWords) is a link, not a teaser.
	if m := blockMass(&Block{Text: "Read the whole story here.", LinkChars: 26}, false); m >= 0 {
		t.Errorf("short linked sentence has mass %v, want negative", m)
	}
	// A linked sentence of teaserWords or more (a teaser) weighs, but less than prose.
	if m := blockMass(teaser, false); m <= 0 || m >= blockMass(prose, false) {
		t.Errorf("linked sentence has mass %v, want in (0, %v)", m, blockMass(prose, false))
	}
	if m := blockMass(tiny, false); m > 0 {
		t.Errorf("one-letter block has mass %v, want <= 0", m)
	}
	if m := blockMass(&Block{}, false); m != -massBlockCost {
		t.Errorf("empty block mass %v, want %v", m, -massBlockCost)
	}
	// Commas are capped.
	many := &Block{Text: strings.Repeat("a, ", 50) + "end."}
	capped := &Block{Text: strings.Repeat("a, ", 50) + "end."}
	capped.Text = strings.Repeat("a, ", 50) + "end."
	if blockMass(many, false) != blockMass(capped, false) {
		t.Error("blockMass is not a pure function of the block")
	}
	w := float64(textWeight(many.Text))
	want := w*(1+massStopBonus+massCommaMax*massCommaBonus) - massBlockCost
	if got := blockMass(many, false); got != want {
		t.Errorf("comma bonus not capped: mass %v, want %v", got, want)
	}
}

func TestCommas(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"no commas", 0},
		{"a, b; c", 2},
		{"甲，乙、丙；丁。", 4},
		{"1,000,000", 2},
	}
	for _, tt := range tests {
		if got := commas(tt.s); got != tt.want {
			t.Errorf("commas(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestSpells(t *testing.T) {
	tests := []struct {
		id, heading string
		want        bool
	}{
		{"cookies", "cookies", true},
		{"1-heading-how-popular-is-yoga", "how-popular-is-yoga", true},
		{"how-popular-is-yoga-section", "how-popular-is-yoga", true},
		{"share-buttons", "share", false},               // one word must match whole
		{"popular-posts", "how-popular-is-yoga", false}, // the whole heading, not a word of it
		{"yoga-how-popular", "how-popular-is-yoga", false},
		{"xhow-popular-is-yoga", "how-popular-is-yoga", false}, // word boundaries
		{"cookies", "", false},
	}
	for _, tt := range tests {
		if got := spells(tt.id, tt.heading); got != tt.want {
			t.Errorf("spells(%q, %q) = %v, want %v", tt.id, tt.heading, got, tt.want)
		}
	}
}

func TestIsJunkContainer(t *testing.T) {
	tests := []struct {
		el   string
		want bool
	}{
		{`<nav>x</nav>`, true},
		{`<footer>x</footer>`, true},
		{`<aside>x</aside>`, true},
		{`<div class="comments">x</div>`, true},
		{`<div id="disqus_thread">x</div>`, true},
		{`<div class="cookie-banner">x</div>`, true},
		{`<section class="relatedStories">x</section>`, true},
		{`<div class="sidebar">x</div>`, true},
		{`<div class="content">x</div>`, false},
		{`<div class="post-content has-related">x</div>`, false}, // a layout modifier is not junk
		{`<div class="fbvee">x</div>`, false},
		{`<div>x</div>`, false},
		{`<p class="comment">x</p>`, false},  // p never
		{`<li class="share">x</li>`, false},  // li never
		{`<span class="ad">x</span>`, false}, // span never
		{`<a class="nav">x</a>`, false},      // a never
		{`<ul class="menu">x</ul>`, true},
		{`<header>x</header>`, false},
		{`<div role="dialog">x</div>`, true},
		{`<div aria-modal="true">x</div>`, true},
		{`<div popover>x</div>`, true},
		{`<div class="termly-report">x</div>`, false}, // a word, not only a consent platform's name
		{`<dialog>x</dialog>`, true},
		{`<table id="wp-calendar">x</table>`, true}, // a blog's calendar of posts
		{`<div class="calendar-widget">x</div>`, true},
		{`<div id="onetrust-pc-sdk">x</div>`, true},
		{`<div role="main">x</div>`, false},
		{`<div class="post type-post category-cookies">x</div>`, false}, // a post's taxonomy
		{`<div class="category-menu">x</div>`, true},                    // not on a post: a menu
		// An id that names a topic is not a junk word; a class still is.
		{`<section id="cookies"><h2>Cookies</h2><p>x</p></section>`, false},
		{`<section id="comments" class="comments-area">x</section>`, true},
		{`<div id="working-with-cookies"><div><h2>Working with cookies ¶</h2></div><p>x</p></div>`, false},
		{`<section id="cookies"><h2>How we use data</h2><p>x</p></section>`, false}, // a section's id needs no spelling
		{`<div id="cookies"><h2>How we use data</h2><p>x</p></div>`, true},          // another element's does
		{`<section id="newsletter"><h2>Get our newsletter</h2><p>x</p></section>`, true},
		{`<section id="newsletter"><h2>Sign up for our free weekly newsletter</h2><p>x</p></section>`, true}, // long, but the id does not spell it
		{`<section id="share"><h3>Share this article</h3><p>x</p></section>`, true},
		{`<div id="navigation"><h2>Navigation</h2><p>x</p></div>`, true},
		{`<div id="effective-menu-management-for-caterers"><h2>Effective menu management for caterers</h2><p>x</p></div>`, false}, // a long heading is a topic
		{`<div id="footer"><h2>Footer</h2><p>x</p></div>`, true},
		{`<section id="comments"><h2>Join the conversation</h2><p>x</p></section>`, true}, // comment words always count
		{`<section id="onetrust-consent"><h2>We value your privacy</h2><p>x</p></section>`, true},
		{`<section id="s-select-related"><span id="select-related"></span><h4>select_related()</h4><p>x</p></section>`, false},
		{`<section id="comments"><p>Nice post!</p></section>`, true}, // no heading: the id says what it is
		{`<div id="share"><h3>Share this</h3><p>x</p></div>`, true},
		{`<div id="1-heading-how-popular-is-yoga"><h2>How popular is yoga?</h2><p>x</p></div>`, false},
		{`<div id="comments"><h2>Comments</h2><p>x</p></div>`, true},                 // a heading that opens comments
		{`<section id="related"><h2>Related articles</h2><p>x</p></section>`, true},  // or a related list
		{`<figcaption>A heron on the weir. Photo: J. Smith</figcaption>`, true},      // a caption
		{`<figure><img src="a.jpg"><p>x</p></figure>`, false},                        // its figure is not
		{`<div class="author-bio">x</div>`, true},                                    // an author box
		{`<div id="about-the-author"><h2>About the author</h2><p>x</p></div>`, true}, // by its id too
		{`<div class="has-author">x</div>`, false},                                   // a layout modifier
		{`<div class="post type-post author-jane-doe">x</div>`, false},               // a post's author term
	}
	for _, tt := range tests {
		root := s1Parse(t, "<html><body>"+tt.el+"</body></html>")
		el := s1FirstInBody(root)
		if el == nil {
			t.Fatalf("%s: no element in body", tt.el)
		}
		if got := isJunkContainer(el); got != tt.want {
			t.Errorf("isJunkContainer(%s) = %v, want %v", tt.el, got, tt.want)
		}
	}
	// Body is never junk, whatever its classes.
	root := s1Parse(t, `<html><body class="nav-open sidebar"><p>x</p></body></html>`)
	if body := s1FirstInBody(root).Parent; isJunkContainer(body) {
		t.Error("body with junk classes is junk")
	}
	if isJunkContainer(&html.Node{Type: html.TextNode, Data: "nav"}) {
		t.Error("a text node is junk")
	}
}

// TestStage1AuthorWordOnArticleWrapper checks that "author" on a container
// that holds the article (a BEM modifier, a post's author term) does not make
// the article junk when comments hold most of the page's prose: an author
// box is junk only while it is small (boxShareMax; a post's author term is
// a taxonomy class besides), though the page's author box still is.
func TestStage1AuthorWordOnArticleWrapper(t *testing.T) {
	var comments strings.Builder
	for i := range 6 {
		fmt.Fprintf(&comments, `<div class="comment"><p>Reader %d wrote that the night buses were crowded on the way home from the late shift, and that the timetable had not changed in years.</p></div>`, i)
	}
	for _, wrapper := range []string{
		"story-body story-body--with-author",
		"post-12 post type-post status-publish hentry category-city author-jane-doe",
	} {
		page := `<html><body><h1>Night buses</h1><div class="` + wrapper + `">` +
			`<p>For the first time since the pandemic, the night buses that cross the harbour are running full after midnight.</p>` +
			`<p>Most of the new passengers work late shifts in hospitals, kitchens and warehouses, according to a survey.</p>` +
			`<p>The authority plans to add two buses an hour on the busiest routes from January, but drivers are scarce.</p>` +
			`<p>Riders said they would rather wait for a full bus than pay for a taxi, though some were left at a stop.</p>` +
			`</div><div class="author-box"><p>Maria Olsen covers transport for the paper.</p></div>` +
			`<section class="comments">` + comments.String() + `</section></body></html>`
		blocks := s1Stage1(t, page)
		for _, phrase := range []string{"running full after midnight", "Riders said they would rather wait"} {
			if !s1InsideHas(blocks, phrase) {
				t.Errorf("wrapper %q: %q is not inside:\n%s", wrapper, phrase, s1Dump(blocks))
			}
		}
		if s1InsideHas(blocks, "Maria Olsen covers transport") {
			t.Errorf("wrapper %q: the author box is inside:\n%s", wrapper, s1Dump(blocks))
		}
	}
}

// s1FirstInBody returns the first element child of <body>.
func s1FirstInBody(root *html.Node) *html.Node {
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == "body" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					return c
				}
			}
			return nil
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	return find(root)
}

// TestStage1ManyEqualBlocks checks that stage 1 stays fast on a page of many
// blocks of equal mass (a long list of identical items).
func TestStage1ManyEqualBlocks(t *testing.T) {
	page := "<html><body><div>" + strings.Repeat("<p>Same sentence, with a comma, and an end.</p>", 32000) + "</div></body></html>"
	root := s1Parse(t, page)
	doc := FromNode(root)
	if len(doc.Blocks) != 32000 {
		t.Errorf("got %d blocks", len(doc.Blocks))
	}
}

// TestStage1ForumTopic checks that a page whose prose is all posts marked up
// as comments (a forum topic) keeps its posts inside, while comments under an
// article that holds a fair share of the prose stay out.
func TestStage1ForumTopic(t *testing.T) {
	post := func(i int) string {
		return `<div class="ipsComment"><div class="author">user` + strconv.Itoa(i) + `</div><p>` + s1Para(i) + `</p></div>`
	}
	var forum strings.Builder
	forum.WriteString(`<div class="nav"><a href=/>Forums</a> <a href=/t>Topics</a></div><h1>Payment issues</h1><div class="topic">`)
	for i := range 6 {
		forum.WriteString(post(i))
	}
	forum.WriteString(`</div>`)
	blocks := s1Stage1(t, "<html><body>"+forum.String()+"</body></html>")
	for i := range 6 {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("forum post %d is not inside\n%s", i, s1Dump(blocks))
		}
	}
	// The same thread under an article that holds over 30% of the prose.
	page := s1Article(4) + `<div class="comments">` + strings.ReplaceAll(forum.String(), "ipsComment", "reply") + `</div>`
	blocks = s1Stage1(t, "<html><body>"+page+"</body></html>")
	if !s1InsideHas(blocks, s1Para(0)) {
		t.Errorf("the article is not inside\n%s", s1Dump(blocks))
	}
	if s1InsideHas(blocks, "user3") {
		t.Errorf("a comment beside the article is inside\n%s", s1Dump(blocks))
	}
	// A short blog post under which the thread holds most of the prose,
	// as in a forum topic, but which its title announces as the post's
	// comments (WordPress's markup): the thread stays out.
	var blog strings.Builder
	blog.WriteString(`<div class="post">` + s1Article(1) + `</div><div id="comments"><h3 id="comments-title">6 Comments on “The headline”</h3><ol class="commentlist">`)
	for i := 10; i < 16; i++ {
		blog.WriteString(`<li class="comment"><div class="comment-author">user` + strconv.Itoa(i) + `</div><div class="comment-content"><p>` + s1Para(i) + `</p></div></li>`)
	}
	blog.WriteString(`</ol></div>`)
	blocks = s1Stage1(t, "<html><body><div class=\"site\">"+blog.String()+"</div></body></html>")
	if !s1InsideHas(blocks, s1Para(0)) {
		t.Errorf("the blog post is not inside\n%s", s1Dump(blocks))
	}
	for i := 10; i < 16; i++ {
		if s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("comment %d under the blog post is inside\n%s", i, s1Dump(blocks))
		}
	}
	// A phpBB topic: its replies are titled "Re: " and the topic, beside a
	// first post titled the topic under the same tag (and no stop heading
	// before them): they stay in (see TestStage1ReplyTitles for the blogs).
	var phpbb strings.Builder
	phpbb.WriteString(`<h2>Discuss the release here</h2><div id="page-body">`)
	for i := 10; i < 16; i++ {
		title := "Re: Discuss the release here"
		if i == 10 {
			title = "Discuss the release here"
		}
		phpbb.WriteString(`<div class="post reply"><div class="postbody"><h3>` + title + `</h3><p class="author">Post by user` + strconv.Itoa(i) + `</p><div class="content">` + s1Para(i) + `</div></div></div>`)
	}
	phpbb.WriteString(`</div>`)
	blocks = s1Stage1(t, "<html><body>"+phpbb.String()+"</body></html>")
	for i := 10; i < 16; i++ {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("forum post %d titled \"Re: \" and the topic is not inside\n%s", i, s1Dump(blocks))
		}
	}
	// A forum topic whose replies a plain heading announces: the replies
	// are still the page.
	var topic strings.Builder
	topic.WriteString(`<h1>Payment issues</h1><div class="topic"><p>` + s1Para(0) + `</p></div><h2>6 Replies</h2><div class="replies">`)
	for i := 10; i < 16; i++ {
		topic.WriteString(`<div class="reply"><div class="author">user` + strconv.Itoa(i) + `</div><p>` + s1Para(i) + `</p></div>`)
	}
	topic.WriteString(`</div>`)
	blocks = s1Stage1(t, "<html><body>"+topic.String()+"</body></html>")
	for i := 10; i < 16; i++ {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("reply %d after a plain replies heading is not inside\n%s", i, s1Dump(blocks))
		}
	}
}

// TestStage1ReplyTitles checks comments titled "re: " and the post's
// headline: a blog's (.Text, Community Server), after a stop heading and in
// a comment container, are its thread, out of the region and flagged
// Thread, even where the headline has their heading tag; a forum's replies
// (a first post titled the topic under the replies' tag, or no stop
// heading before them) stay in; and a wrapper holding the headline, or a
// container that is no comment container, is never the thread.
func TestStage1ReplyTitles(t *testing.T) {
	comments := func(tag, class string) string {
		var b strings.Builder
		for i := 10; i < 16; i++ {
			fmt.Fprintf(&b, `<div class="%s"><%s><a href="#c%d">#</a> re: Moving in <span>2004-12-27 12:4%d</span> <a>user%d</a></%s><p>%s</p></div>`, class, tag, i, i-10, i, tag, s1Para(i))
		}
		return b.String()
	}
	// notice holds a stop heading between a forum's topic and its posts.
	const notice = `<div class="notice"><h3>Comments</h3><p>Be nice.</p></div>`
	tests := []struct {
		name, page string
		thread     bool // the comments are a thread: flagged, and out
		repliesIn  bool // the comments are inside
	}{
		{"a .Text blog", `<div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div><div id="comments"><h3>Feedback</h3>` + comments("h4", "c") + `</div>`, true, false},
		{"replies under the headline's tag", `<div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div><div id="comments"><h3>Comments</h3>` + comments("h2", "c") + `</div>`, true, false},
		{"a Drupal forum: no stop heading before the replies", `<h1>Moving in</h1><div class="node"><p>` + s1Para(0) + `</p></div><div class="comments">` + comments("h3", "comment") + `</div>`, false, true},
		{"a phpBB forum: the first post titled under the replies' tag", `<h2>Moving in</h2>` + notice + `<div class="posts"><div class="post"><h4>Moving in</h4><p>` + s1Para(0) + `</p></div>` + comments("h4", "post reply") + `</div>`, false, true},
		{"a comment-classed wrapper around the post", `<div class="comments-open"><h2>Moving in</h2><p>` + s1Para(0) + `</p>` + notice + `<div class="letters">` + comments("h4", "letter") + `</div></div>`, false, true},
		{"replies in no comment container", `<div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div>` + notice + `<div class="letters">` + comments("h4", "letter") + `</div>`, false, true},
		{"a forum with a stop heading before its topic only", notice + `<h1>Moving in</h1><div class="node"><p>` + s1Para(0) + `</p></div><div class="comments">` + comments("h3", "comment") + `</div>`, false, true},
		{"a forum whose topic is in its header too, before a stop heading", `<h2>Moving in</h2>` + notice + `<h1>Moving in</h1><div class="node"><p>` + s1Para(0) + `</p></div><div class="comments">` + comments("h3", "comment") + `</div>`, false, true},
		{"a thread title before the comments", `<div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div><div class="thread-head"><h3>6 Comments on “Moving in”</h3></div><div id="comments">` + comments("h4", "c") + `</div>`, true, false},
		{"a linked stop heading", `<div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div><div id="comments"><h3><a href="#comments">Comments</a></h3>` + comments("h4", "c") + `</div>`, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := s1Stage1(t, `<html><body><div class="site">`+tt.page+`</div></body></html>`)
			if !s1InsideHas(blocks, s1Para(0)) {
				t.Errorf("the post is not inside\n%s", s1Dump(blocks))
			}
			for i := 10; i < 16; i++ {
				if in := s1InsideHas(blocks, s1Para(i)); in != tt.repliesIn {
					t.Errorf("comment %d inside %v, want %v\n%s", i, in, tt.repliesIn, s1Dump(blocks))
				}
			}
			for _, b := range blocks {
				want := tt.thread && strings.HasPrefix(b.Text, "Paragraph 1")
				if strings.HasPrefix(b.Text, "Paragraph") && b.Thread != want {
					t.Errorf("%.30q: Thread %v, want %v", b.Text, b.Thread, want)
				}
				if tt.thread && strings.Contains(b.Text, "re: Moving in") && !b.Thread {
					t.Errorf("%.30q, a comment's title: Thread false, want true", b.Text)
				}
			}
		})
	}
}

// TestStage1ThreadTitleHeadline checks that a headline shaped as a blog's
// comment-thread title ("5 Responses to “Why I Left”") is not taken for
// one: it names no earlier heading, and the article under it stays in.
func TestStage1ThreadTitleHeadline(t *testing.T) {
	for _, h1 := range []string{"5 Responses to “Why I Left the Church”", "10 Thoughts on “Succession” and Its Finale", "One Response to “The Crisis”"} {
		var page strings.Builder
		page.WriteString(`<html><body><article><h1>` + h1 + `</h1>`)
		for i := range 6 {
			page.WriteString("<p>" + s1Para(i) + "</p>")
		}
		page.WriteString(`</article></body></html>`)
		blocks := s1Stage1(t, page.String())
		for i := range 6 {
			if !s1InsideHas(blocks, s1Para(i)) {
				t.Errorf("%q: paragraph %d is not inside\n%s", h1, i, s1Dump(blocks))
			}
		}
	}
}

// TestStage1SecondaryRegion checks that a second container apart from the
// region with a fair share of its prose joins it (an article whose body is
// split by a sidebar), while a small box of prose does not.
func TestStage1SecondaryRegion(t *testing.T) {
	links := `<div class="col"><h3>More stories</h3><ul>` +
		strings.Repeat(`<li><a href="/x">Another story headline that is quite long</a></li>`, 15) + `</ul></div>`
	var second strings.Builder
	second.WriteString(`<div class="more">`)
	for i := 10; i < 13; i++ {
		second.WriteString("<p>" + s1Para(i) + "</p>")
	}
	second.WriteString(`<div class="share"><p>Share this story with your friends.</p></div></div>`)
	box := `<div class="box"><p>A note on the author, who writes about rivers.</p></div>`
	// The page wrapper holds the region: it must not join as a secondary
	// region (nor may anything inside the region).
	page := `<html><body><div class="page"><div class="a">` + s1Article(6) + `</div>` + links + `<div class="b">` + second.String() + `</div>` + links + box + `</div></body></html>`
	blocks := s1Stage1(t, page)
	for _, i := range []int{0, 5, 10, 12} {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("paragraph %d is not inside\n%s", i, s1Dump(blocks))
		}
	}
	for _, p := range []string{"Another story", "A note on the author"} {
		if s1InsideHas(blocks, p) {
			t.Errorf("%q is inside\n%s", p, s1Dump(blocks))
		}
	}
	// Junk below the secondary region, and the blocks either side of it,
	// are edge (as around the region).
	for i, b := range blocks {
		next := i+1 < len(blocks) && strings.HasPrefix(blocks[i+1].Text, s1Para(10)[:20])
		if (b.Text == "Share this story with your friends." || next) && b.Region != RegionEdge {
			t.Errorf("%q is %v, want edge\n%s", b.Text, b.Region, s1Dump(blocks))
		}
	}
}

// TestStage1CookieNoticeNeverWins checks that a consent dialog full of prose
// is junk even when it holds more prose than the page's article, also when
// its prose sits in a wrapper of its own and the article is flanked by link
// lists (which would let the wrapper join as a secondary region).
func TestStage1CookieNoticeNeverWins(t *testing.T) {
	links := `<div class="col"><ul>` +
		strings.Repeat(`<li><a href="/x">Another story headline that is quite long</a></li>`, 15) + `</ul></div>`
	var notice strings.Builder
	for _, attrs := range []string{`role="dialog"`, `aria-modal="true"`, `popover`, `id="onetrust-consent-sdk"`, `id="CybotCookiebotDialog"`,
		`id="trustarc-banner"`, `id="iubenda-cs-banner"`, `id="BorlabsCookieBox"`, `class="axeptio_overlay"`, `id="cookiescript_injected"`} {
		for _, wrap := range []bool{false, true} {
			notice.Reset()
			notice.WriteString(`<div ` + attrs + `><h2>Privacy Preference Center</h2>`)
			if wrap {
				notice.WriteString(`<div class="text">`)
			}
			for i := 20; i < 30; i++ {
				notice.WriteString("<p>" + s1Para(i) + "</p>")
			}
			if wrap {
				notice.WriteString(`</div>`)
			}
			notice.WriteString(`</div>`)
			blocks := s1Stage1(t, "<html><body>"+links+`<div class="main">`+s1Article(3)+"</div>"+links+notice.String()+"</body></html>")
			if !s1InsideHas(blocks, s1Para(0)) || s1InsideHas(blocks, s1Para(25)) {
				t.Errorf("%s (wrapped %v): the notice is inside or the article is not\n%s", attrs, wrap, s1Dump(blocks))
			}
		}
	}
}

// TestStage1CookieNoticeNeverTop checks that a consent notice holding many
// times the page's prose, so much that even discounted it outweighs the
// article and the page around it (a long menu's links cost), is not taken
// for the region (which left nothing inside), unless nothing else holds
// prose; and that its prose does not count against a forum topic's posts:
// they are still the page.
func TestStage1CookieNoticeNeverTop(t *testing.T) {
	var notice strings.Builder
	notice.WriteString(`<div id="onetrust-consent-sdk"><h2>Privacy Preference Center</h2>`)
	for i := 20; i < 80; i++ {
		notice.WriteString("<p>" + s1Para(i) + "</p>")
	}
	notice.WriteString(`</div>`)
	menu := `<ul class="menu">` + strings.Repeat(`<li><a href="/s">Section</a></li>`, 150) + `</ul>`
	blocks := s1Stage1(t, "<html><body>"+menu+"<div class=\"main\">"+s1Article(2)+"</div>"+notice.String()+"</body></html>")
	if !s1InsideHas(blocks, s1Para(0)) || s1InsideHas(blocks, s1Para(25)) {
		t.Errorf("beside a long notice, the notice is inside or the article is not\n%s", s1Dump(blocks))
	}
	var forum strings.Builder
	forum.WriteString(`<h1>Payment issues</h1><div class="topic">`)
	for i := range 4 {
		forum.WriteString(`<div class="ipsComment"><div class="author">user` + strconv.Itoa(i) + `</div><p>` + s1Para(i) + `</p></div>`)
	}
	forum.WriteString(`</div>`)
	blocks = s1Stage1(t, "<html><body>"+forum.String()+notice.String()+"</body></html>")
	for i := range 4 {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("under a long notice, forum post %d is not inside\n%s", i, s1Dump(blocks))
		}
	}
	// A post saved open in a dialog, with nothing else of prose on the
	// page: the dialog is the page.
	blocks = s1Stage1(t, "<html><body>"+menu+`<div role="dialog"><div class="post">`+s1Article(6)+"</div></div></body></html>")
	for i := range 6 {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("in the only dialog, paragraph %d is not inside\n%s", i, s1Dump(blocks))
		}
	}
}

// TestStage1TaxonomyClassesAreNotJunk checks that a post's taxonomy classes
// ("category-cookies", "tag-comments") do not make its wrapper junk.
func TestStage1TaxonomyClassesAreNotJunk(t *testing.T) {
	sidebar := `<div class="box"><p>` + s1Para(30) + `</p><p>` + s1Para(31) + `</p></div>`
	page := `<html><body><div class="post-12 post type-post hentry category-cookies tag-comments">` + s1Article(4) + `</div>` + sidebar + `</body></html>`
	blocks := s1Stage1(t, page)
	for i := range 4 {
		if !s1InsideHas(blocks, s1Para(i)) {
			t.Errorf("paragraph %d is not inside\n%s", i, s1Dump(blocks))
		}
	}
}

// TestStage1SecondaryRegionNotJunk checks that a wrapper inside a comment
// thread never joins the article as a secondary region.
func TestStage1SecondaryRegionNotJunk(t *testing.T) {
	links := `<div class="col"><ul>` +
		strings.Repeat(`<li><a href="/x">Another story headline that is quite long</a></li>`, 15) + `</ul></div>`
	var comments strings.Builder
	comments.WriteString(`<div id="comments"><ol>`)
	for i := 40; i < 50; i++ {
		comments.WriteString("<li><p>" + s1Para(i) + "</p></li>")
	}
	comments.WriteString(`</ol></div>`)
	blocks := s1Stage1(t, "<html><body>"+links+"<article>"+s1Article(6)+"</article>"+links+comments.String()+"</body></html>")
	if !s1InsideHas(blocks, s1Para(0)) {
		t.Errorf("the article is not inside\n%s", s1Dump(blocks))
	}
	if s1InsideHas(blocks, s1Para(45)) {
		t.Errorf("a comment is inside\n%s", s1Dump(blocks))
	}
}

// TestFirstHeadingBudget checks that firstHeading passes over a few empty
// elements before a heading but gives up past its budget, so that a page of
// nested wrappers around many empty elements costs no more than a bounded
// look into each.
func TestFirstHeadingBudget(t *testing.T) {
	for _, tt := range []struct {
		empties int
		want    bool
	}{{0, true}, {3, true}, {firstHeadingBudget / 2, true}, {firstHeadingBudget + 1, false}, {10000, false}} {
		page := "<html><body><div>" + strings.Repeat("<i></i>", tt.empties) + "<h2>Cookies</h2><p>text</p></div></body></html>"
		el := s1FirstInBody(s1Parse(t, page))
		if got := firstHeading(el) != nil; got != tt.want {
			t.Errorf("%d empty elements before the heading: found %v, want %v", tt.empties, got, tt.want)
		}
	}
	if firstHeading(s1FirstInBody(s1Parse(t, "<html><body><div>Intro text <h2>Cookies</h2></div></body></html>"))) != nil {
		t.Error("text before the heading: found a heading, want none")
	}
}

// TestStage1Listing checks a listing page: its one sentence of prose is an
// introduction, and the container of the listing around it is the region,
// not the menu beside it; an article with a list of links beside it keeps
// its region.
func TestStage1Listing(t *testing.T) {
	nav := `<nav><ul>` + strings.Repeat(`<li><a href="/c">Category of the shop</a></li>`, 12) + `</ul></nav>`
	masthead := `<div class="masthead"><p>Free shipping on every order over fifty euros</p></div>`
	var items strings.Builder
	for i := range 20 {
		fmt.Fprintf(&items, `<li><a href="/job/%d">Startup number %d is hiring a senior backend engineer in Berlin</a></li>`, i, i)
	}
	listing := `<html><body><div id="page">` + nav + masthead + `<div class="jobs"><p>These are jobs at our startups, see more on the careers page.</p><ul>` + items.String() + `</ul></div><footer><p>Copyright 2026</p></footer></div></body></html>`
	blocks := s1Stage1(t, listing)
	for _, p := range []string{"These are jobs", "Startup number 0 ", "Startup number 19 "} {
		if !s1InsideHas(blocks, p) {
			t.Errorf("%q is not inside\n%s", p, s1Dump(blocks))
		}
	}
	for _, p := range []string{"Category of the shop", "Copyright", "Free shipping"} {
		if s1InsideHas(blocks, p) {
			t.Errorf("%q is inside\n%s", p, s1Dump(blocks))
		}
	}

	// The introduction may sit apart from the listing (a category page's
	// header above its grid): the listing is still the region.
	apart := `<html><body>` + nav + `<div class="intro"><p>These are jobs at our startups, see more on the careers page.</p></div><div class="grid"><ul>` + items.String() + `</ul></div></body></html>`
	blocks = s1Stage1(t, apart)
	if !s1InsideHas(blocks, "Startup number 19 ") || s1InsideHas(blocks, "Category of the shop") {
		t.Errorf("listing apart from its introduction: want the listing inside, the menu out\n%s", s1Dump(blocks))
	}

	// A short article (a brief) with no list is no listing: its paragraphs
	// and headline stay the region.
	brief := `<html><body><h1>Bridge closed after storm</h1><p>The old bridge over the river is closed, the council said.</p><p>Engineers will inspect it on Monday.</p><p>Buses run on the ring road until then.</p></body></html>`
	blocks = s1Stage1(t, brief)
	for _, p := range []string{"Bridge closed", "The old bridge", "Buses run"} {
		if !s1InsideHas(blocks, p) {
			t.Errorf("brief: %q is not inside\n%s", p, s1Dump(blocks))
		}
	}

	// An article of several paragraphs is no listing: the list of links
	// in its container stays out of the region.
	article := `<html><body><div class="page"><div class="story">` + s1Article(5) + `</div><ul>` + items.String() + `</ul></div></body></html>`
	blocks = s1Stage1(t, article)
	if !s1InsideHas(blocks, s1Para(0)) || s1InsideHas(blocks, "Startup number 5 ") {
		t.Errorf("article page: want its paragraphs inside and the links out\n%s", s1Dump(blocks))
	}
}

// TestStage1StopHeadingLimits checks that a stop heading with words of its
// own that ends in a colon announces the article's own list, while a listed
// heading with a colon, or one at the article's end, still makes the list
// after it junk.
func TestStage1StopHeadingLimits(t *testing.T) {
	related := `<h3>Related articles</h3><ul>` + strings.Repeat(`<li><a href="/r">Another story headline that is quite long</a></li>`, 6) + `</ul>`
	tests := []struct {
		name    string
		article string
		inside  []string
		outside []string
	}{
		{
			name:    "a colon announces the article's list",
			article: "<p>" + s1Para(0) + "</p><p>" + s1Para(1) + "</p><p>" + s1Para(5) + "</p><p>" + s1Para(6) + "</p><h5>Recommended courses:</h5><p>" + s1Para(2) + "</p><p>" + s1Para(3) + "</p>",
			inside:  []string{s1Para(2), s1Para(3)}, // a third of the prose follows: no share guard
		},
		{
			name:    "full-width colon",
			article: "<p>" + s1Para(0) + "</p><p>" + s1Para(1) + "</p><p>" + s1Para(5) + "</p><p>" + s1Para(6) + "</p><h5>相关阅读推荐书目：</h5><p>" + s1Para(2) + "</p><p>" + s1Para(3) + "</p>",
			inside:  []string{s1Para(2), s1Para(3)}, // a third of the prose follows: no share guard
		},
		{
			name:    "a listed heading with a colon is still one",
			article: "<p>" + s1Para(0) + "</p><p>" + s1Para(1) + "</p><p>" + s1Para(2) + "</p><h4>Related posts:</h4><ul>" + strings.Repeat(`<li><a href="/r">Another story headline that is quite long</a></li>`, 6) + "</ul>",
			inside:  []string{s1Para(0), s1Para(2)},
			outside: []string{"Another story headline"},
		},
		{
			name:    "at the end, a list follows",
			article: "<p>" + s1Para(0) + "</p><p>" + s1Para(1) + "</p><p>" + s1Para(2) + "</p>" + related,
			inside:  []string{s1Para(0), s1Para(2)},
			outside: []string{"Another story headline"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := s1Stage1(t, `<html><body><div class="story">`+tt.article+`</div></body></html>`)
			for _, p := range tt.inside {
				if !s1InsideHas(blocks, p) {
					t.Errorf("%.30q is not inside\n%s", p, s1Dump(blocks))
				}
			}
			for _, p := range tt.outside {
				if s1InsideHas(blocks, p) {
					t.Errorf("%q is inside\n%s", p, s1Dump(blocks))
				}
			}
		})
	}
}

// A figure's caption inside the article is at the region's edge: stage 2
// keeps it only when it is sure it is content.
func TestFigcaptionAtEdge(t *testing.T) {
	page := `<html><body><article><p>` + s1Para(0) + `</p><figure><img src="a.jpg"><figcaption>A heron on the weir at dawn. Photo: J. Smith</figcaption></figure><p>` +
		s1Para(1) + `</p><p>` + s1Para(2) + `</p></article></body></html>`
	blocks := s1Stage1(t, page)
	if r := s1RegionOf(t, blocks, "A heron on the weir at dawn. Photo: J. Smith"); r != RegionEdge {
		t.Errorf("caption is %v, want edge", r)
	}
	if r := s1RegionOf(t, blocks, s1Para(1)); r != RegionInside {
		t.Errorf("the paragraph after the figure is %v, want inside", r)
	}
}
