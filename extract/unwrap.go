package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Hard-wrapped text exports. Tools such as lynx -dump, w3m -dump, html2text
// and fmt break every paragraph into lines of at most some width (72 to 80
// columns), so a paragraph arrives as several lines, each of which reads as a
// short, unpunctuated line to the line scores and to the model. wrapWidth
// finds the width such a text was wrapped at, and textBlocks joins the lines
// of each paragraph back into one block.

// Bounds of a wrapping width, in columns: narrower or wider texts are taken
// as they come.
const (
	minWrapWidth = 40
	maxWrapWidth = 160
)

// wrapEvidence is the least number of full lines (ending within wrapSlack
// of the width) a text needs before it counts as hard-wrapped, and wrapShare
// the least share they hold of the lines at least half the width long: a
// wrapped paragraph's lines but its last are all full, while a list of titles
// or a text of paragraphs on lines of their own spreads its line widths out.
// At most stopShare of the full lines may end a sentence: a wrapper breaks
// lines wherever a word ends, while a text of a paragraph a line ends most
// of its long lines with a full stop.
const (
	wrapEvidence = 8
	wrapShare    = 0.5
	stopShare    = 0.3
)

// wrapSlack is how far short of the width a full line may end: a greedy
// wrapper leaves at most one word's width free, and a line that ends earlier
// ended its paragraph.
const wrapSlack = 16

// wideSlack is wrapSlack for a line of CJK text, which a wrapper fills up to
// its last character: two wide characters.
const wideSlack = 4

// wrappedLine is a line of a text with its width in columns.
type wrappedLine struct {
	text  string // as read, trailing space trimmed
	width int    // display width, wide (CJK) characters counting two
}

// displayWidth returns s's width in columns: East Asian wide and full-width
// characters take two, combining marks and invisible characters none.
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				n += runeWidth(r)
			}
			return n
		}
		if c >= ' ' && c != 0x7f || c == '\t' {
			n++
		}
	}
	return n
}

// runeWidth returns r's width in columns (see displayWidth).
func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		if r == '\t' {
			return 1
		}
		if r < ' ' || r == 0x7f {
			return 0
		}
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrapWidth returns the width in columns that lines were hard-wrapped at, or
// 0 when they do not read as hard-wrapped. The width is the longest line's,
// less a few outliers (a long URL or a table row the wrapper could not
// break): one line in fifty. The lines read as wrapped when at least
// wrapEvidence of them are full (they end within wrapSlack of the width and
// hold a place to break them), and
//   - the full lines are a wrapShare of those at least half the width long;
//   - at most a stopShare of them end a sentence;
//   - where enough full lines end in a word, not a CJK character, the lines
//     after them start in lower case at least as often as in upper case, and
//     a third of the time at least: a paragraph goes on mid-sentence, while
//     the next item of a list of titles or products starts with a capital
//     or a number.
func wrapWidth(lines []wrappedLine) int {
	// count[n] is the number of lines n columns wide, up to maxWrapWidth;
	// wider ones are counted in over.
	var count [maxWrapWidth + 1]int
	n, over := 0, 0
	for _, l := range lines {
		switch {
		case l.width == 0:
			continue
		case l.width > maxWrapWidth:
			over++
		default:
			count[l.width]++
		}
		n++
	}
	outliers := n / 50
	if n < wrapEvidence || over > outliers {
		return 0
	}
	w := maxWrapWidth
	for seen := over; w > 0; w-- {
		if seen += count[w]; seen > outliers {
			break
		}
	}
	if w < minWrapWidth {
		return 0
	}
	var full, long, stops, latin, lower, upper int
	for i, l := range lines {
		if l.width == 0 || l.width > w {
			continue
		}
		if 2*l.width >= w {
			long++
		}
		if !fullLine(l, w) {
			continue
		}
		full++
		if endPunct(l.text) == "stop" {
			stops++
		}
		if endsWide(l.text) || i+1 == len(lines) {
			continue
		}
		latin++
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(lines[i+1].text, " \t"))
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			upper++
		}
	}
	switch {
	case full < wrapEvidence,
		float64(full) < wrapShare*float64(long),
		float64(stops) > stopShare*float64(full),
		latin >= wrapEvidence && (lower < upper || 3*lower < latin):
		return 0
	}
	return w
}

// fullLine reports whether l, a line of a text wrapped at w columns, is full:
// it ends close enough to w that the next word would not have fitted, and a
// wrapper could have broken it. A line of words ends within wrapSlack of w
// and holds a space; a single long token (a URL) was not broken but left
// whole. CJK text breaks between any two characters, so a line that ends in
// a wide character ends within wideSlack of w.
func fullLine(l wrappedLine, w int) bool {
	if l.width > w {
		return false
	}
	if endsWide(l.text) {
		return l.width >= w-wideSlack
	}
	return l.width >= w-wrapSlack && strings.ContainsAny(strings.TrimLeft(l.text, " \t"), " \t")
}

// endsWide reports whether s ends in a wide (CJK) character.
func endsWide(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return runeWidth(r) == 2
}

// continues reports whether next continues the paragraph that line, a line
// of a text hard-wrapped at w columns, belongs to: line is full, so the
// wrapper would have put next's first word on it had it fitted, and next
// does not open a list item.
func continues(line, next wrappedLine, w int) bool {
	if !fullLine(line, w) {
		return false
	}
	rest := strings.TrimLeft(next.text, " \t")
	if rest == "" || opensItem(rest) {
		return false
	}
	first := firstWord(rest)
	gap := 0
	if needsSpace(line.text, rest) {
		gap = 1
	}
	return line.width+gap+displayWidth(first) > w
}

// firstWord returns the first word of s, which starts with no space: up to
// the first space, or its first character when that is wide (CJK text breaks
// between any two characters).
func firstWord(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if runeWidth(r) == 2 {
		return s[:size]
	}
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}

// needsSpace reports whether joining a and b, two lines of a paragraph,
// takes a space between them: not when either side of the break is a wide
// (CJK) character.
func needsSpace(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return runeWidth(last) != 2 && runeWidth(first) != 2
}

// opensItem reports whether s, a line with its indentation trimmed, opens a
// list item: a bullet, or a number followed by "." or ")".
func opensItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '*', '-', '+', '•', '·', '◦', '‣', '–', '—':
		return len(s) == size || s[size] == ' '
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ')
}
