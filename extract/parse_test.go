package extract

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// treeStats returns the number of elements in the tree under n and the
// deepest element depth (the document node has depth 0).
func treeStats(n *html.Node) (elements, depth int) {
	type frame struct {
		n *html.Node
		d int
	}
	stack := []frame{{n, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.n.Type == html.ElementNode {
			elements++
			depth = max(depth, f.d)
		}
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, frame{c, f.d + 1})
		}
	}
	return elements, depth
}

// allText concatenates the text nodes under n.
func allText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cur.Type == html.TextNode {
			b.WriteString(cur.Data)
		}
		for c := cur.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

func TestParseHTMLDepth(t *testing.T) {
	lim := Limits{MaxDepth: 20}
	tests := []struct {
		name string
		in   string
	}{
		{"divs", strings.Repeat("<div>x", 100)},
		{"spans", strings.Repeat("<span>x", 100)},
		{"fonts", strings.Repeat("<font>x", 600)},
		{"custom", strings.Repeat("<my-el>x", 600)},
		{"mixed closed", strings.Repeat("<div><b><i>x", 300) + strings.Repeat("</i></b></div>", 300)},
		{"nested tables", strings.Repeat("<table><tr><td>x", 300)},
		{"formatting with attrs", func() string {
			var b strings.Builder
			for i := range 700 {
				b.WriteString("<b class=c" + strings.Repeat("y", i%7) + ">x")
			}
			return b.String()
		}()},
		{"svg", "<svg>" + strings.Repeat("<g>", 600) + "</svg><p>after</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML(tt.in, lim)
			if err != nil {
				t.Fatal(err)
			}
			if _, d := treeStats(doc); d > lim.MaxDepth+1 {
				t.Errorf("depth %d > %d", d, lim.MaxDepth+1)
			}
			if want, got := strings.Count(tt.in, "x"), strings.Count(allText(doc), "x"); tt.name != "svg" && got != want {
				t.Errorf("kept %d of %d text runs", got, want)
			}
		})
	}
}

func TestParseHTMLShallowUnchanged(t *testing.T) {
	in := "<html><head><title> A   page </title></head><body><div id=a><p>one<p>two<ul><li>a<li>b</ul></div></body></html>"
	doc, err := ParseHTML(in, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := html.Parse(strings.NewReader(in))
	var got, want strings.Builder
	html.Render(&got, doc)
	html.Render(&want, ref)
	if got.String() != want.String() {
		t.Errorf("ParseHTML changed a shallow page:\n got %s\nwant %s", got.String(), want.String())
	}
}

func TestPrescanKeepsUnclosedParagraphs(t *testing.T) {
	// Unclosed <p>, <li> and <td> close implicitly; the pre-scan must not mistake them for nesting.
	in := strings.Repeat("<p>para", 2000) + "<ul>" + strings.Repeat("<li>item", 2000) + "</ul><table>" + strings.Repeat("<tr><td>a<td>b", 2000)
	src, starts, err := prescan(in, 100, false, DefaultMaxNodes)
	if err != nil {
		t.Fatal(err)
	}
	if src != in {
		t.Error("prescan rewrote a page without deep nesting")
	}
	if starts != 2000+1+2000+1+3*2000 {
		t.Errorf("starts = %d", starts)
	}
}

func TestParseHTMLNodes(t *testing.T) {
	_, err := ParseHTML(strings.Repeat("<p>x</p>", 101), Limits{MaxNodes: 100})
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "nodes" || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want a nodes LimitError", err)
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<title>\n  Hello \t world | Site </title>", "Hello world | Site"},
		{`<meta property="og:title" content=" OG  title "><title>Other</title>`, "OG title"},
		{`<title>Doc</title><body><svg><title>icon</title></svg>`, "Doc"},
		{`<body><p>no title</p>`, ""},
		{"<title>Mit&shy;tel&shy;al&shy;ter | Wein&#8288;magazin</title>", "Mittelalter | Weinmagazin"},
		// A zero-width space and a BOM are spaces in titles as in block text.
		{"<title>Breaking&#8203;News&#xFEFF;| Site</title>", "Breaking News | Site"},
	}
	for _, tt := range tests {
		doc, err := ParseHTML(tt.in, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := Title(doc); got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileCases returns generated hostile inputs for the input pipeline.
func hostileCases(tb testing.TB) []struct {
	name  string
	raw   []byte
	parse bool // run ParseHTML too
} {
	gzBomb := gzipBytes(tb, make([]byte, 33<<20)) // just past the 32 MiB default
	gz := gzipBytes(tb, []byte(strings.Repeat("<p>hello</p>", 1000)))
	random := make([]byte, 1<<20)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	return []struct {
		name  string
		raw   []byte
		parse bool
	}{
		{"empty", nil, true},
		{"NULs", make([]byte, 1<<20), true},
		{"random binary", random, true},
		{"200k nested divs", []byte(strings.Repeat("<div>", 200_000)), true},
		{"200k nested divs closed", []byte(strings.Repeat("<div>a", 200_000) + strings.Repeat("</div>", 200_000)), true},
		{"300k paragraphs", []byte(strings.Repeat("<p>para</p>", 300_000)), true},
		{"5 MB attribute", []byte(`<div title="` + strings.Repeat("a", 5<<20) + `">x</div>`), true},
		{"invalid UTF-8", []byte(strings.Repeat("<p>\xff\xfe\xc0\x80 \xe4\xb8</p>", 20_000)), true},
		{"truncated gzip", gz[:len(gz)/2], true},
		{"10 MB line", []byte(strings.Repeat("word ", 2<<20)), false},
		{"gzip bomb", gzBomb, true},
	}
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range hostileCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := Decompress(tc.raw, 32<<20)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "extract: ") {
					t.Fatalf("unprefixed error %v", err)
				}
				t.Logf("Decompress: %v", err)
				return
			}
			kind, err := Sniff(raw)
			if err != nil {
				t.Logf("Sniff: %v", err)
			}
			text, enc, err := Decode(raw, "", kind)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(text) {
				t.Fatalf("Decode (%s) returned invalid UTF-8", enc)
			}
			if !tc.parse {
				return
			}
			doc, err := ParseHTML(text, Limits{})
			if err != nil {
				t.Logf("ParseHTML: %v", err)
				return
			}
			if _, d := treeStats(doc); d > DefaultMaxDepth+1 {
				t.Errorf("depth %d", d)
			}
			if want := bytes.Count(tc.raw, []byte("<p>")); want > 100_000 {
				n := 0
				for c := range doc.Descendants() {
					if c.DataAtom == atom.P {
						n++
					}
				}
				if n != want {
					t.Errorf("%d paragraphs, want %d", n, want)
				}
			}
		})
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add("<html><head><title>t</title></head><body><p>hi<script>x</script></body></html>")
	f.Add(strings.Repeat("<div><b>", 300) + "x")
	f.Add("<table><tr><td><svg><g/><foreignObject><p>x</svg></table>")
	f.Add("<select><option>a<optgroup><option>b</select><template><p>t</template>")
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := ParseHTML(in, Limits{MaxDepth: 8, MaxNodes: 5000})
		if err != nil {
			var le *LimitError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a LimitError", err)
			}
			return
		}
		if _, d := treeStats(doc); d > 9 {
			t.Fatalf("depth %d > 9", d)
		}
		var b strings.Builder
		if err := html.Render(&b, doc); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(in) && !utf8.ValidString(b.String()) {
			t.Fatal("invalid UTF-8 output for valid input")
		}
		_ = Title(doc)
	})
}

func BenchmarkParseHTML(b *testing.B) {
	for _, name := range []string{"utf8-labelled-iso-8859-1-en.html.gz", "gbk-meta-past-1024.html.gz"} {
		text, _, err := Decode(readFixture(b, filepath.Join("decode", name)), "", KindHTML)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(name, ".html.gz"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := ParseHTML(text, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
