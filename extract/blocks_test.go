package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// s1Parse parses and prunes an inline page, failing the test on error.
func s1Parse(tb testing.TB, page string) *html.Node {
	tb.Helper()
	root, err := ParseHTML(page, Limits{})
	if err != nil {
		tb.Fatalf("ParseHTML: %v", err)
	}
	return root
}

// s1Segment returns the blocks of an inline page.
func s1Segment(tb testing.TB, page string) []Block {
	tb.Helper()
	blocks, owners := segment(s1Parse(tb, page))
	if len(blocks) != len(owners) {
		tb.Fatalf("segment: %d blocks but %d owners", len(blocks), len(owners))
	}
	return blocks
}

// s1Seg is the part of a block that segment decides.
type s1Seg struct {
	Text  string
	Tag   string
	Links int
}

func TestSegmentBoundaries(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []s1Seg
	}{
		{
			name: "paragraphs",
			body: `<p>One.</p><p>Two.</p>`,
			want: []s1Seg{{"One.", "p", 0}, {"Two.", "p", 0}},
		},
		{
			name: "inline elements merge into their block",
			body: `<p>Hello <b>bold</b> and <i>it</i><em>alic</em> <span>text</span>.</p>`,
			want: []s1Seg{{"Hello bold and italic text.", "p", 0}},
		},
		{
			name: "soft hyphens and word joiners vanish",
			body: `<p>Mit&shy;tel&#173;al&#xAD;ter und Wort&#8288;ver&#8291;bin&#8292;dung</p>`,
			want: []s1Seg{{"Mittelalter und Wortverbindung", "p", 0}},
		},
		{
			name: "list items",
			body: `<ul><li>First</li><li>Second <code>x</code></li></ul>`,
			want: []s1Seg{{"First", "li", 0}, {"Second x", "li", 0}},
		},
		{
			name: "headings",
			body: `<h1>Title</h1><h2>Section</h2><p>Body.</p>`,
			want: []s1Seg{{"Title", "h1", 0}, {"Section", "h2", 0}, {"Body.", "p", 0}},
		},
		{
			name: "table cells",
			body: `<table><tr><td>a1</td><td>b1</td></tr><tr><th>h</th><td>b2</td></tr></table>`,
			want: []s1Seg{{"a1", "td", 0}, {"b1", "td", 0}, {"h", "th", 0}, {"b2", "td", 0}},
		},
		{
			name: "div with direct text around a paragraph",
			body: `<div>Before <b>bold</b><p>Inside.</p>After</div>`,
			want: []s1Seg{{"Before bold", "div", 0}, {"Inside.", "p", 0}, {"After", "div", 0}},
		},
		{
			name: "div with only block children makes no block of its own",
			body: `<div>  <p>A.</p>  <p>B.</p> </div>`,
			want: []s1Seg{{"A.", "p", 0}, {"B.", "p", 0}},
		},
		{
			name: "br separates lines of one element",
			body: `<p>Line one<br>Line two<br/><br>Line three</p>`,
			want: []s1Seg{{"Line one", "p", 0}, {"Line two", "p", 0}, {"Line three", "p", 0}},
		},
		{
			name: "br at top level of body",
			body: `first<br>second`,
			want: []s1Seg{{"first", "body", 0}, {"second", "body", 0}},
		},
		{
			name: "other block tags",
			body: `<blockquote>Quote</blockquote><pre>code  here</pre><dl><dt>Term</dt><dd>Def</dd></dl>` +
				`<figure><img src=x.png><figcaption>Cap</figcaption></figure><section>Sec</section>`,
			want: []s1Seg{{"Quote", "blockquote", 0}, {"code here", "pre", 0}, {"Term", "dt", 0}, {"Def", "dd", 0},
				{"Cap", "figcaption", 0}, {"Sec", "section", 0}},
		},
		{
			name: "hr ends a block",
			body: `<div>above<hr>below</div>`,
			want: []s1Seg{{"above", "div", 0}, {"below", "div", 0}},
		},
		{
			name: "links counted in runes",
			body: `<p>Read <a href=/x>the story</a> now.</p>`,
			want: []s1Seg{{"Read the story now.", "p", 9}},
		},
		{
			name: "link-only list",
			body: `<ul><li><a href=/>Home</a></li><li><a href=/n>新闻中心</a></li></ul>`,
			want: []s1Seg{{"Home", "li", 4}, {"新闻中心", "li", 4}},
		},
		{
			name: "nested inline inside link",
			body: `<p><a href=/><b>Bold</b>-link</a> tail</p>`,
			want: []s1Seg{{"Bold-link tail", "p", 9}},
		},
		{
			name: "link spanning a br counts in both lines",
			body: `<p><a href=/>one<br>two</a></p>`,
			want: []s1Seg{{"one", "p", 3}, {"two", "p", 3}},
		},
		{
			name: "pruned elements leave no text",
			body: `<p>Kept.</p><script>var x = 1;</script><style>p{}</style><div hidden>Hidden</div>` +
				`<div style="display:none">None</div><button>Click</button>`,
			want: []s1Seg{{"Kept.", "p", 0}},
		},
		{
			name: "white space collapsed, empty blocks dropped",
			body: "<p>  many\n\t spaces\u00a0here  </p><p>   </p><p>\u200b</p>",
			want: []s1Seg{{"many spaces here", "p", 0}},
		},
		{
			name: "words split only by tags stay joined",
			body: `<p>un<span>believ</span>able</p>`,
			want: []s1Seg{{"unbelievable", "p", 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := s1Segment(t, "<html><head><title>T</title></head><body>"+tt.body+"</body></html>")
			var got []s1Seg
			for i, b := range blocks {
				if b.Index != i {
					t.Errorf("block %d has Index %d", i, b.Index)
				}
				got = append(got, s1Seg{b.Text, b.Tag, b.LinkChars})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("segment mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSegmentSkipsHead(t *testing.T) {
	blocks := s1Segment(t, `<html><head><title>Page title</title><meta name=x content=y></head><body><p>Body.</p></body></html>`)
	for _, b := range blocks {
		if strings.Contains(b.Text, "Page title") {
			t.Errorf("title text %q became a block", b.Text)
		}
	}
	if len(blocks) != 1 {
		t.Errorf("got %d blocks, want 1", len(blocks))
	}
}

func TestSegmentHeading(t *testing.T) {
	blocks := s1Segment(t, `<h1>A</h1><h3>B</h3><h6>C</h6><p>D</p><div><h2>E<br>F</h2></div>`)
	want := map[string]bool{"A": true, "B": true, "C": true, "D": false, "E": true, "F": true}
	for _, b := range blocks {
		if w, ok := want[b.Text]; !ok || b.Heading != w {
			t.Errorf("block %q: Heading = %v, want %v (known %v)", b.Text, b.Heading, w, ok)
		}
	}
}

func TestSegmentDataCell(t *testing.T) {
	tests := []struct {
		name string
		page string
		cell string // the text of a cell
		want bool
	}{
		{"data table", `<table><tr><th>Bill</th><th>15%</th></tr><tr><td>$10.00</td><td>$1.50</td></tr><tr><td>$20.00</td><td>$3.00</td></tr></table>`, "$1.50", true},
		{"one row", `<table><tr><td>Name</td><td>Value</td></tr></table>`, "Value", false},
		{"one column", `<table><tr><td>First</td></tr><tr><td>Second</td></tr></table>`, "Second", false},
		{"nested in a layout table", `<table><tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td></tr></table>`, "d", true},
		{"holding a layout table", `<table><tr><td>x</td><td><table><tr><td>a</td></tr></table></td></tr><tr><td>c</td><td>d</td></tr></table>`, "c", false},
		{"several paragraphs in a cell", `<table><tr><td><p>a</p><p>e</p></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, "d", false},
		{"a paragraph with a list in a cell", `<table><tr><td><div>a<ul><li>e</li></ul></div></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, "d", false},
		{"cells wrapped in a div, in a layout table", `<table><tr><td><table border=1><tr><td><div align=center>Name</div></td><td><div align=center>Seats</div></td></tr><tr><td>Art history</td><td><div align=center>7</div></td></tr></table></td></tr></table>`, "7", true},
		{"a table laid out in div-wrapped cells", `<table><tr><td><div>Logo</div></td><td><div>Banner</div></td></tr><tr><td><div><a href=/>Home</a> <a href=/n>News</a></div></td><td><div>` + strings.Repeat("The article's text runs on in one cell. ", 20) + `<br>More.</div></td></tr></table>`, "Logo", false},
		{"one paragraph per cell", `<table><tr><td><p>a</p></td><td><p>b</p></td></tr><tr><td><p>c</p></td><td><p>d</p></td></tr></table>`, "d", true},
		{"a login form", `<table><tr><td><form action=/login><table><tr><td>User Name</td><td><input name=u></td></tr><tr><td>Password</td><td><input name=p type=password></td></tr></table></form></td></tr></table>`, "Password", false},
		{"a page wrapped in one form", `<form id=aspnetForm><table><tr><th>Bill</th><th>15%</th></tr><tr><td>$10.00</td><td>$1.50</td></tr></table></form>`, "$1.50", true},
		{"a menu of links", `<table><tr><td><a href=/>Home</a></td><td><a href=/n>News</a></td></tr><tr><td><a href=/s>Sport</a></td><td>Shop</td></tr></table>`, "Shop", false},
		{"not a cell", `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><p>after</p>`, "after", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, b := range s1Segment(t, tt.page) {
				if b.Text != tt.cell {
					continue
				}
				found = true
				if b.DataCell != tt.want {
					t.Errorf("%q: DataCell = %v, want %v", b.Text, b.DataCell, tt.want)
				}
			}
			if !found {
				t.Fatalf("no block %q", tt.cell)
			}
		})
	}
}

func TestSegmentLinkCharsNeverExceedText(t *testing.T) {
	blocks := s1Segment(t, `<p><a href=/>  lots   of    spaces   inside   </a></p><p><a href=/>x</a><a href=/>y</a></p>`)
	for _, b := range blocks {
		if b.LinkChars > b.Runes() {
			t.Errorf("block %q: LinkChars %d > runes %d", b.Text, b.LinkChars, b.Runes())
		}
	}
	if len(blocks) != 2 || blocks[1].LinkChars != 2 {
		t.Errorf("blocks = %+v, want second with 2 link chars", blocks)
	}
}

// TestSegmentLinkCharsExact checks that LinkChars counts the runes of the
// collapsed Text that sit inside <a>, no more and no fewer.
func TestSegmentLinkCharsExact(t *testing.T) {
	tests := []struct {
		body string
		want int
	}{
		{`<p><a href=/>a          b</a> and some more plain text here</p>`, 3}, // "a b"
		{`<p><a href=/><b>Bold</b> link</a> tail</p>`, 9},                      // "Bold link"
		{"<p><a href=/>one\n\n\n\n\ntwo</a> plus other words in it</p>", 7},    // "one two"
	}
	for _, tt := range tests {
		blocks := s1Segment(t, tt.body)
		if len(blocks) != 1 || blocks[0].LinkChars != tt.want {
			t.Errorf("%s: blocks %+v, want one with LinkChars %d", tt.body, blocks, tt.want)
		}
	}
}

func TestSegmentContext(t *testing.T) {
	tests := []struct {
		name     string
		bodyAttr string // attributes of <body>
		body     string
		text     string // the block to look at
		want     []string
	}{
		{
			name: "no attributes",
			body: `<div><p>x</p></div>`,
			text: "x",
			want: nil,
		},
		{
			name: "nearest first, own element included",
			body: `<div id="comments"><div class="comment-body"><p class="lead">x</p></div></div>`,
			text: "x",
			want: []string{"lead", "comment", "body"},
		},
		{
			name: "semantic elements count as their word",
			body: `<nav><ul><li>x</li></ul></nav>`,
			text: "x",
			want: []string{"nav"},
		},
		{
			name: "aside is sidebar, footer, header, article, main",
			body: `<main><article><header>h</header><aside>x</aside><footer>f</footer></article></main>`,
			text: "x",
			want: []string{"sidebar", "article", "main"},
		},
		{
			name: "deduplicated",
			body: `<div class="comments"><div class="comment"><div id="comment-42"><p>x</p></div></div></div>`,
			text: "x",
			want: []string{"comment"},
		},
		{
			name: "hashed class names dropped",
			body: `<div class="css-1x2y3z fbvee"><div class="m8q"><p>x</p></div></div>`,
			text: "x",
			want: nil,
		},
		{
			name: "camel case and canonical forms",
			body: `<div id="relatedArticles"><ul class="sharingButtons"><li>x</li></ul></div>`,
			text: "x",
			want: []string{"share", "related", "article"},
		},
		{
			// A theme's body classes ("no-sidebar", "active-footer-widgets")
			// describe the page, the same for every block: taken as the
			// blocks' context they made every block of such a page look
			// like a sidebar or a footer.
			name:     "class words on body do not count",
			bodyAttr: ` class="blog single no-sidebar active-footer-widgets-1 sticky-menu"`,
			body:     `<div class="post"><p>x</p></div>`,
			text:     "x",
			want:     []string{"post"},
		},
		{
			name:     "nor on body alone",
			bodyAttr: ` class="nav-below-header" id="footer"`,
			body:     `<p>x</p>`,
			text:     "x",
			want:     nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body" + tt.bodyAttr + ">" + tt.body + "</body></html>"
			var got []string
			found := false
			for _, b := range s1Segment(t, page) {
				if b.Text == tt.text {
					got, found = b.Context, true
				}
			}
			if !found {
				t.Fatalf("no block %q", tt.text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Context mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSegmentContextBounded(t *testing.T) {
	var b strings.Builder
	words := []string{"nav", "menu", "header", "footer", "sidebar", "widget", "comment", "reply", "related",
		"share", "social", "ad", "promo", "cookie", "login", "modal", "popup", "search"}
	for _, w := range words {
		b.WriteString(`<div class="` + w + `">`)
	}
	b.WriteString("<p>deep</p>")
	blocks := s1Segment(t, b.String())
	if len(blocks) != 1 {
		t.Fatalf("got %d blocks, want 1", len(blocks))
	}
	ctx := blocks[0].Context
	if len(ctx) != maxContextWords {
		t.Errorf("len(Context) = %d, want %d: %v", len(ctx), maxContextWords, ctx)
	}
	if ctx[0] != "search" {
		t.Errorf("Context[0] = %q, want the nearest word %q", ctx[0], "search")
	}
}

func TestDedupe(t *testing.T) {
	tests := []struct {
		in   []string
		max  int
		want []string
	}{
		{nil, 5, nil},
		{[]string{"a", "b", "a", "c", "b"}, 5, []string{"a", "b", "c"}},
		{[]string{"a", "b", "c", "d"}, 2, []string{"a", "b"}},
		{[]string{"a", "a", "a"}, 1, []string{"a"}},
	}
	for _, tt := range tests {
		got := dedupe(append([]string(nil), tt.in...), tt.max)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("dedupe(%v, %d) mismatch (-want +got):\n%s", tt.in, tt.max, diff)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"clean text", "clean text"},
		{" leading", "leading"},
		{"trailing ", "trailing"},
		{"a  b", "a b"},
		{"a\tb", "a b"},
		{"a\nb\r\nc", "a b c"},
		{"a\f\vb", "a b"},
		{"nbsp\u00a0here", "nbsp here"},
		{"zero\u200bwidth", "zero width"},
		{"\ufeffbom", "bom"},
		{"ideographic\u3000space", "ideographic space"},
		{"  中文  内容  ", "中文 内容"},
		{"中文", "中文"},
		{"\u2003em\u2002space\u00a0", "em space"},
		{"Mit\u00adtel\u00adal\u00adter", "Mittelalter"},
		{"\u00ad soft \u2060", "soft"},
		{"120g noodles\u2063", "120g noodles"},
	}
	for _, tt := range tests {
		if got := collapseSpace(tt.in); got != tt.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCollapseSpaceNoAllocWhenClean(t *testing.T) {
	s := strings.Repeat("clean words ", 20) + "end"
	allocs := testing.AllocsPerRun(100, func() { _ = collapseSpace(s) })
	if allocs != 0 {
		t.Errorf("collapseSpace of clean text allocated %v times", allocs)
	}
}
