package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Hard-wrapped text exports. Tools such as lynx -dump, w3m -dump and
// html2text break every paragraph into lines of at most some width (72 to 80
// columns), filling each line with as many words as fit, so a paragraph
// arrives as several lines, each of which reads as a short, unpunctuated line
// to the line scores and to the model. wrapWidth finds the width such a text
// was wrapped at, and textBlocks joins the lines of each paragraph back into
// one block. A text needs a few paragraphs' worth of wrapped lines
// (wrapEvidence) before it counts as wrapped; a shorter one is taken a line
// a block. Lines that a wrapper balanced (fmt, par) rather than filled come
// back only partly joined: where the next word would have fitted, the join
// is not made.

// Bounds of a wrapping width, in columns: narrower or wider texts are taken
// as they come.
const (
	minWrapWidth = 40
	maxWrapWidth = 160
)

// wrapEvidence is the least number of full lines (see fullLine) a text needs
// before it counts as hard-wrapped, and wrapShare the least share they hold
// of the lines at least half the width long: a wrapped paragraph's lines but
// its last are all full, while a list of titles or a text of paragraphs on
// lines of their own spreads its line widths out. At most stopShare of the
// full lines may end a sentence: a wrapper breaks lines wherever a word ends,
// while a text of a paragraph a line ends most of its long lines with a full
// stop. At least punctShare of them hold punctuation: a line of prose often
// holds a comma or a stop (half the time or so at 60 columns, more when
// wider), while a list of headlines cut to one length or a poem hardly ever
// does. At most codeShare of them read as
// source code (see codeLike): a program's lines can fill a width as evenly
// as prose, and would be ruined joined.
const (
	wrapEvidence = 8
	wrapShare    = 0.5
	stopShare    = 0.3
	punctShare   = 0.3
	codeShare    = 1.0 / 3
)

// wrapSlack is how far short of the width a full line may end: a greedy
// wrapper leaves at most one word's width free, and a line that ends earlier
// ended its paragraph.
const wrapSlack = 16

// wideSlack is wrapSlack for a line that ends in CJK text (see cjkText),
// which a wrapper fills up to its last character: two wide characters.
const wideSlack = 4

// tabStop is the column multiple a tab advances to.
const tabStop = 8

// wrappedLine is a line of a text with its width in columns.
type wrappedLine struct {
	text  string // as read, trailing space trimmed
	width int    // display width, wide (CJK) characters counting two
	// cjk reports that the line holds CJK text (see cjkText), which a
	// wrapper may break between any two characters; spaced that it holds a
	// space between two words (a list item's marker is not one).
	cjk, spaced bool
}

// breakable reports whether a wrapper could have broken l: at a space
// between words, or beside a CJK character. A single long token (a URL)
// is left whole and says nothing of the width.
func (l wrappedLine) breakable() bool { return l.cjk || l.spaced }

// cjkText reports whether r is CJK text a wrapper breaks beside and a join
// takes no space next to: a Han, kana or Hangul character (see isCJK), CJK
// punctuation, or a full-width form. Emoji are wide but not CJK text.
func cjkText(r rune) bool {
	return isCJK(r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// trimmedLine returns line with its trailing space trimmed, its width, and
// where it could be broken (see wrappedLine).
func trimmedLine(line string) wrappedLine {
	var l wrappedLine
	end, n := 0, 0   // end of line up to its last non-space; width so far
	spaceAfter := -1 // width at the first space after a non-space
	for i := 0; i < len(line); {
		c := line[i]
		if c > ' ' && c < 0x7f { // printable ASCII, the common case
			i++
			n++
			end, l.width = i, n
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
				if end > 0 && spaceAfter < 0 {
					spaceAfter = n
				}
				if c == ' ' {
					n++
				} else if c == '\t' {
					n += tabStop - n%tabStop
				}
			default: // a control character takes no column
				end, l.width = i, n
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		n += runeWidth(r)
		if isSpace(r) {
			if end > 0 && spaceAfter < 0 {
				spaceAfter = n
			}
			continue
		}
		end, l.width = i, n
		l.cjk = l.cjk || cjkText(r)
	}
	l.text = line[:end]
	l.spaced = spaceAfter >= 0 && spaceAfter < l.width
	if l.spaced && !l.cjk {
		// A list item's marker is not a word: "1. https://…" is one token.
		if body := strings.TrimLeft(l.text, " \t"); opensItem(body) {
			_, item, _ := strings.Cut(body, " ")
			l.spaced = strings.ContainsAny(strings.TrimLeft(item, " \t"), " \t")
		}
	}
	return l
}

// displayWidth returns s's width in columns (see runeWidth), tabs advancing
// to the next multiple of tabStop.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r == '\t' {
			n += tabStop - n%tabStop
		} else {
			n += runeWidth(r)
		}
	}
	return n
}

// runeWidth returns r's width in columns: East Asian wide and full-width
// characters take two, combining marks and invisible characters none,
// control characters none, the rest one.
func runeWidth(r rune) int {
	switch {
	case r < ' ' || r == 0x7f:
		return 0
	case r < 0x300: // Latin, up to the combining marks
		if r == 0xad { // soft hyphen
			return 0
		}
		return 1
	case r >= 0x4e00 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7a3, r >= 0xff01 && r <= 0xff60:
		return 2 // CJK ideographs, Hangul syllables, full-width forms
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
// 0 when they do not read as hard-wrapped. The width is the longest
// breakable line's (see wrappedLine.breakable), less a few outliers (a table
// row the wrapper could not break): one line in fifty. When the lines do not
// read as wrapped at that width, the cliff is tried: the width that most
// lines end just short of and fewest pass, provided the lines past it do so
// for a token no wrapper breaks (see crossesWidth) but for the outliers. The lines read as wrapped at a width when at least wrapEvidence
// of them are full (see fullLine), and
//   - the full lines are a wrapShare of those at least half the width long;
//   - at most a stopShare of them end a sentence, a punctShare of them hold
//     punctuation, and at most a codeShare of them read as source code;
//   - where enough full lines of words (not of CJK text) go on to another
//     line, that line starts in lower case a quarter of the time at least:
//     a paragraph goes on mid-sentence, while the next item of a list of
//     titles or products starts with a capital or a number;
//   - of the full lines that go on to another line, at most half could have
//     taken that line's first word: a wrapper would have put it there, while
//     a poem's or a chat's lines end where their writer ended them.
func wrapWidth(lines []wrappedLine) int {
	// count[n] is the number of breakable lines n columns wide, up to
	// maxWrapWidth; wider ones are counted in over.
	var count [maxWrapWidth + 1]int
	n, over := 0, 0
	for _, l := range lines {
		switch {
		case !l.breakable():
			continue
		case l.width > maxWrapWidth:
			over++
		default:
			count[l.width]++
		}
		n++
	}
	if n < wrapEvidence {
		return 0
	}
	outliers := n / 50
	tried := 0 // the width tried first
	if over <= outliers {
		w := maxWrapWidth
		for seen := over; w > 0; w-- {
			if seen += count[w]; seen > outliers {
				break
			}
		}
		if w >= minWrapWidth && widthsWrapped(lines, w) {
			return w
		}
		tried = w
	}
	// The cliff: the width that many lines end at and few pass. A tool
	// lets a line pass its width only for a token it cannot break: a URL,
	// or link markup (html2text's "[text](url)"); any other line wider than
	// the cliff is one of the outliers.
	best, bestScore := 0, 0
	for w := maxWrapWidth; w >= minWrapWidth; w-- {
		at, past := 0, 0
		for k := w - cliffBand + 1; k <= w; k++ {
			at += count[k]
		}
		for k := w + 1; k <= min(w+cliffBand, maxWrapWidth); k++ {
			past += count[k]
		}
		if score := at - 2*past; score > bestScore {
			best, bestScore = w, score
		}
	}
	if best == 0 || best == tried {
		return 0
	}
	wider := 0
	for _, l := range lines {
		if l.breakable() && l.width > best && !crossesWidth(l.text, best) {
			if wider++; wider > outliers {
				return 0
			}
		}
	}
	if widthsWrapped(lines, best) {
		return best
	}
	return 0
}

// crossesWidth reports whether s, a line wider than w columns, is so for
// what no wrapper breaks: it holds link markup ("](", which html2text keeps
// whole), or a token wider than wrapSlack, not of CJK text, that starts
// within w columns and ends past them (a URL the wrapper could not move to
// a line of its own).
func crossesWidth(s string, w int) bool {
	if strings.Contains(s, "](") {
		return true
	}
	col := 0
	for len(s) > 0 {
		rest := strings.TrimLeft(s, " \t")
		col += displayWidth(s[:len(s)-len(rest)])
		s = rest
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		tok := s[:end]
		tw := displayWidth(tok)
		if tw > wrapSlack && col <= w && col+tw > w && !strings.ContainsFunc(tok, cjkText) {
			return true
		}
		col += tw
		s = s[end:]
	}
	return false
}

// cliffBand is the number of columns ending at a cliff width (see wrapWidth)
// whose lines count for it, and past it against it.
const cliffBand = 4

// widthsWrapped reports whether lines read as wrapped at w columns (see
// wrapWidth): the lines' widths and ends first, which rule out most texts
// that are not wrapped, then what the full lines hold, then where the lines
// go on.
func widthsWrapped(lines []wrappedLine, w int) bool {
	full, long, stops := 0, 0, 0
	for _, l := range lines {
		if !l.breakable() || l.width > w {
			continue
		}
		if 2*l.width >= w {
			long++
		}
		if fullLine(l, w) {
			full++
			if endPunct(l.text) == "stop" {
				stops++
			}
		}
	}
	if full < wrapEvidence ||
		float64(full) < wrapShare*float64(long) ||
		float64(stops) > stopShare*float64(full) {
		return false
	}
	punct, code := 0, 0
	for _, l := range lines {
		if fullLine(l, w) {
			if hasPunct(l) {
				punct++
			}
			if codeLike(l.text) {
				code++
			}
		}
	}
	if float64(punct) < punctShare*float64(full) || float64(code) > codeShare*float64(full) {
		return false
	}
	// Of the full lines, those that go on to another line (succ) whose first
	// word would have fitted on them (fits); of those of words, those that
	// go on to one (words) that starts in lower case (lower).
	succ, fits, words, lower := 0, 0, 0, 0
	for i, l := range lines[:len(lines)-1] {
		next := lines[i+1]
		if !fullLine(l, w) || next.text == "" {
			continue
		}
		succ++
		if !nextWordOverflows(l, next, w) {
			fits++
		}
		if l.cjk {
			continue
		}
		words++
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next.text, " \t"))
		if unicode.IsLower(r) {
			lower++
		}
	}
	return 2*fits <= succ && (words < wrapEvidence || 4*lower >= words)
}

// codeLike reports whether s reads as a line of source code: it holds a
// brace, ends in a semicolon, holds an "=" with no space on one side
// ("key=value", "x==y", "a := b", not prose's "n = 120"), or a name followed
// by "(" and no space (a call; not "(s)").
func codeLike(s string) bool {
	if strings.ContainsAny(s, "{}") || strings.HasSuffix(s, ";") {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '=':
			if i == 0 || i+1 == len(s) || s[i-1] != ' ' || s[i+1] != ' ' {
				return true
			}
		case '(':
			if i > 0 && i+1 < len(s) && (isAlnumByte(s[i-1]) || s[i-1] == '_') && s[i+1] != ' ' && !strings.HasPrefix(s[i:], "(s)") {
				return true
			}
		}
	}
	return false
}

// hasPunct reports whether l holds a comma, a stop or another mark that
// divides a sentence.
func hasPunct(l wrappedLine) bool {
	return strings.ContainsAny(l.text, ",.;:!?") || l.cjk && strings.ContainsAny(l.text, "，。、；：！？")
}

// fullLine reports whether l, a line of a text wrapped at w columns, is full:
// a wrapper could have broken it, and it ends close enough to w that the
// next word would not have fitted: within wideSlack when it ends in CJK
// text (which breaks between any two characters), within wrapSlack
// otherwise.
func fullLine(l wrappedLine, w int) bool {
	if l.width > w || !l.breakable() {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(l.text); cjkText(last) {
		return l.width >= w-wideSlack
	}
	return l.width >= w-wrapSlack
}

// continues reports whether next continues the paragraph that line, a line
// of a text hard-wrapped at w columns, belongs to: line is full (see
// fullLine), so the wrapper would have put next's first word on it had it
// fitted, and next does not open a list item. Two kinds of line are taken
// as full too: a token no wrapper could break (a URL) that ends within
// wrapSlack of w or past it, unless next is another (a list of URLs); and a
// line of at least half the width that next's first word, longer than
// wrapSlack (a long compound), would have overflowed. A line that ends a
// sentence goes on neither to a numbered item ("2. …") nor to a line shaped
// like a heading (see headingShaped); after other lines a number ("1. April")
// is the paragraph's.
func continues(line, next wrappedLine, w int) bool {
	rest := strings.TrimLeft(next.text, " \t")
	if rest == "" || bulletItem(rest) {
		return false
	}
	full := fullLine(line, w)
	if !full && !line.breakable() {
		full = line.width >= w-wrapSlack && next.breakable()
	}
	if !full && line.breakable() && line.width <= w && 2*line.width >= w {
		full = displayWidth(firstWord(rest)) > wrapSlack
	}
	if !full {
		return false
	}
	if end := endPunct(line.text); (end == "stop" || end == "colon") && numberedItem(rest) ||
		end == "stop" && headingShaped(next, w) {
		return false
	}
	return nextWordOverflows(line, next, w)
}

// headingShaped reports whether l, a line of a text wrapped at w columns,
// reads as a heading: not full, ending in no punctuation, and starting with
// a capital, a digit or CJK text.
func headingShaped(l wrappedLine, w int) bool {
	if fullLine(l, w) || endPunct(l.text) != "none" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l.text, " \t"))
	return unicode.IsUpper(r) || unicode.IsDigit(r) || cjkText(r)
}

// nextWordOverflows reports whether next's first word would have made line
// wider than w columns.
func nextWordOverflows(line, next wrappedLine, w int) bool {
	rest := strings.TrimLeft(next.text, " \t")
	gap := 0
	if joinSpace(line.text, rest) {
		gap = 1
	}
	return line.width+gap+displayWidth(firstWord(rest)) > w
}

// firstWord returns the first word of s, which starts with no space: its
// first character when that is CJK text (which breaks between any two
// characters), else up to the first space or CJK character.
func firstWord(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if cjkText(r) {
		return s[:size]
	}
	for i, r := range s[size:] {
		if r == ' ' || r == '\t' || cjkText(r) {
			return s[:size+i]
		}
	}
	return s
}

// joinSpace reports whether joining a and b, two lines of a paragraph,
// takes a space between them: not when either side of the break is CJK
// text, nor after a word that ends in a hyphen ("well-" and "known", which a
// wrapper broke after the hyphen).
func joinSpace(a, b string) bool {
	last, size := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if last == '-' {
		before, _ := utf8.DecodeLastRuneInString(a[:len(a)-size])
		return !unicode.IsLetter(before)
	}
	return !cjkText(last) && !cjkText(first)
}

// opensItem reports whether s, a line with its indentation trimmed, opens a
// list item (see bulletItem and numberedItem).
func opensItem(s string) bool { return bulletItem(s) || numberedItem(s) }

// bulletItem reports whether s, a line with its indentation trimmed, opens a
// list item with a bullet followed by a space (lynx marks nested items with
// "+", "#" and "@", and with "o", which is left out: it is a word in several
// languages).
func bulletItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '*', '-', '+', '#', '@', '•', '·', '◦', '‣', '▪', '■', '●':
		return len(s) == size || s[size] == ' '
	}
	return false
}

// numberedItem reports whether s, a line with its indentation trimmed,
// starts with a number of up to three digits followed by "." or ")" and a
// space: a numbered list item, or a German ordinal ("1. April").
func numberedItem(s string) bool {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ')
}

// HardWrap returns text with each line broken into lines of at most width
// columns (wide characters counting two; a word wider than that keeps a line
// of its own), filled greedily as lynx -dump and w3m -dump fill them: words
// break at spaces, CJK text between any two characters. A line's leading
// space is dropped, runs of spaces and tabs become one space, blank lines
// stay, and every line, the last included, ends in "\n". Unlike those
// tools it neither indents nor puts blank lines between paragraphs. It
// undoes what text input's unwrapping joins back, so that winnow eval can
// measure text exports wrapped that way. A width below 1 returns text
// unchanged.
func HardWrap(text string, width int) string {
	if width < 1 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/width + 1)
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		n := 0           // columns on the current output line
		started := false // a segment is on the current output line
		space := false   // a space precedes the next segment
		for len(line) > 0 {
			// The next segment: a run of spaces, a CJK character, or a run
			// of other characters up to a space or a CJK character.
			r, size := utf8.DecodeRuneInString(line)
			if r == ' ' || r == '\t' {
				space = started
				line = line[size:]
				continue
			}
			end := size
			if !cjkText(r) {
				for end < len(line) {
					r, size := utf8.DecodeRuneInString(line[end:])
					if r == ' ' || r == '\t' || cjkText(r) {
						break
					}
					end += size
				}
			}
			seg := line[:end]
			line = line[end:]
			w := displayWidth(seg)
			gap := 0
			if space {
				gap = 1
			}
			if started && n+gap+w > width {
				b.WriteByte('\n')
				n, gap = 0, 0
			}
			if gap == 1 {
				b.WriteByte(' ')
			}
			b.WriteString(seg)
			n += gap + w
			started, space = true, false
		}
		b.WriteByte('\n')
	}
	return b.String()
}
