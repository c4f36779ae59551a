package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMarkdownLinkRunes checks which runes of a line count as Markdown link
// markup.
func TestMarkdownLinkRunes(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"no links here", 0},
		{"[Home](/)", 9},
		{"* [World](https://example.com/world)", 34},
		{"![logo](/img/logo.png)", 22},
		{"[![logo](/l.png)](/)", 20}, // an image inside a link counts once
		{"Read [the report](https://example.com/r \"The report\") first.", 48},
		{"<https://example.com/a>", 23},
		{"Prices [in euros] (before tax) apply.", 0}, // a space before "(": no link
		{"An [unclosed](link and more", 0},
		{"a < b and c > d", 0},
		{"[链接](/a)", 8},
		{"[", 0},
		{"](", 0},
		{"[a](b) and [c](d)", 12},
		{"[a](b \"no end", 0},          // a title never closed: no link
		{"[a](b \"t\") [c](d \"u", 10}, // nor is the second, after the first
		{"[[[[a](b)", 6},               // the nearest "[" opens it
		{"](x) [a](b)", 10},            // a link's end, whose text began on the line before
		{"now](https://example.com/book) or later", 30},
		{"[a] b](x)", 0},         // a "](" that closes nothing
		{"<http://a> b](c)", 10}, // nor after a link on the line
		{"bg-1024x538.png)", 16}, // a URL's end, wrapped onto its own line
		{"solutions)", 10},
		{"(see-above)", 0},               // it opens its parenthesis
		{"the end of a sentence)", 0},    // words
		{"<https://example.com/a b>", 0}, // a URL holds no space
		{"see <http://a.example> too", 18},
		{"[![](i.gif) Post a comment](/c)", 31},                   // an image and text in one link
		{"* [4\\. A title: [图] tea, or not (15)](/b/1.html)", 46}, // brackets in the text
		{"[Close](javascript:window.close\\(\\))", 36},            // escaped parentheses in the URL
		{"[<](javascript:go\\('V2'\\) \"Go to the previous month\")", 53},
		{"\\[not a link\\](x)", 0},
	}
	for _, tt := range tests {
		if got := markdownLinkRunes(tt.line); got != tt.want {
			t.Errorf("markdownLinkRunes(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// FuzzMarkdownLinkRunes checks that markdownLinkRunes counts at most the
// line's runes, and all of them when the line is one link.
func FuzzMarkdownLinkRunes(f *testing.F) {
	for _, seed := range []string{"[a](b)", "[![i](s)](h)", "[a](b \"t\")", "<https://x>", "[[[](((", "](](]("} {
		f.Add(seed, "x")
	}
	f.Fuzz(func(t *testing.T, line, url string) {
		n := markdownLinkRunes(line)
		if n < 0 || n > utf8.RuneCountInString(line) {
			t.Errorf("markdownLinkRunes(%q) = %d, line has %d runes", line, n, utf8.RuneCountInString(line))
		}
		// A line of plain text made one link counts whole. ("<" and ">"
		// could make an autolink, which binds tighter than brackets, and
		// a backslash escapes the character after it.)
		if strings.ContainsAny(line, "[]()<>\\") || strings.ContainsAny(url, "[]()<>\\ \t\"") {
			return
		}
		link := "[" + line + "](" + url + ")"
		if n := markdownLinkRunes(link); n != utf8.RuneCountInString(link) {
			t.Errorf("markdownLinkRunes(%q) = %d, want all %d runes", link, n, utf8.RuneCountInString(link))
		}
	})
}
