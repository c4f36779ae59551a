package extract

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Markdown link markup in text input: html2text's and crawlers' Markdown
// exports write every link of a page as "[text](url)", so a line's share of
// link markup tells a menu from prose as an HTML block's link text does.

// markdownLinkRunes counts the runes of line that lie in Markdown links and
// images ("[text](url)", "![alt](src)", "[text](url "title")",
// "<https://...>"), as html2text and crawlers' Markdown exports write every
// link of the page: the share of a line that is link markup plays the part
// an HTML block's link text does. Brackets nest in a link's text
// ("[![logo](src) Home](/)", "[[图] A title](url)"), parentheses in its
// URL, a character after a backslash is literal, and a URL holds no space.
// It takes time linear in the line's length, whatever brackets it holds.
func markdownLinkRunes(line string) int {
	if urlTail(line) {
		return utf8.RuneCountInString(line)
	}
	if !strings.Contains(line, "](") && !strings.Contains(line, "<http") {
		return 0 // most lines
	}
	if len(line) > math.MaxInt32 {
		return 0 // parenMatches' indexes are int32
	}
	// spans are the links found, in order; one that holds earlier ones
	// ("[![alt](src) text](href)") replaces them.
	type span struct{ start, end int }
	var spans []span
	add := func(start, end int) {
		for len(spans) > 0 && spans[len(spans)-1].start >= start {
			spans = spans[:len(spans)-1]
		}
		spans = append(spans, span{start, end})
	}
	parens := parenMatches(line)
	var opens []int        // the "[" not closed yet
	sawOpen := false       // a "[" came before
	titleEnd := -1         // where the last `")` looked for is (len(line): none)
	noAutolinkEnd := false // no ">", space or tab lies past the last autolink looked for
	for j := 0; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++ // a literal character
		case '[':
			opens = append(opens, j)
			sawOpen = true
		case '<':
			if noAutolinkEnd || !strings.HasPrefix(line[j+1:], "http://") && !strings.HasPrefix(line[j+1:], "https://") {
				continue
			}
			k := strings.IndexAny(line[j+1:], "> \t")
			if k < 0 {
				noAutolinkEnd = true
				continue
			}
			k += j + 1
			if line[k] == '>' {
				add(j, k+1)
			}
			// An autolink opening before k would end at k too: skip to it.
			j = k
		case ']':
			if j+1 >= len(line) || line[j+1] != '(' {
				if len(opens) > 0 {
					opens = opens[:len(opens)-1]
				}
				continue
			}
			var open int
			switch {
			case len(opens) > 0:
				open = opens[len(opens)-1]
				opens = opens[:len(opens)-1]
			case !sawOpen && len(spans) == 0:
				// The link's text began on the line before: a
				// Markdown export wrapped it ("[Book\nnow](url)").
				open = 0
			default:
				continue
			}
			end := int(parens[j+1])
			if end < 0 {
				// No ")" closes the URL before a space: a title may
				// follow it, in quotes: [text](url "title").
				sp := -end - 1
				if !strings.HasPrefix(line[sp:], ` "`) {
					continue
				}
				if titleEnd < sp {
					titleEnd = len(line)
					if t := strings.Index(line[sp:], `")`); t >= 0 {
						titleEnd = sp + t
					}
				}
				if titleEnd == len(line) {
					continue
				}
				end = titleEnd + 1
			}
			if open > 0 && line[open-1] == '!' {
				open--
			}
			add(open, end+1)
			j = end
		}
	}
	n := 0
	for _, s := range spans {
		n += utf8.RuneCountInString(line[s.start:s.end])
	}
	return n
}

// parenMatches returns, at the index of every "(" in line, the index of
// the ")" that closes it within its run of bytes other than space and tab;
// or, when none does, -1 less the index where the run ends. A character
// after a backslash is literal. Other indexes hold 0. line is shorter than
// math.MaxInt32.
func parenMatches(line string) []int32 {
	m := make([]int32, len(line))
	var stack []int
	endRun := func(at int) {
		for _, o := range stack {
			m[o] = int32(-1 - at)
		}
		stack = stack[:0]
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case ' ', '\t':
			endRun(i)
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) > 0 {
				m[stack[len(stack)-1]] = int32(i)
				stack = stack[:len(stack)-1]
			}
		}
	}
	endRun(len(line))
	return m
}

// urlTail reports whether line is the end of a Markdown link's URL that
// the export wrapped onto a line of its own ("bg-1024x538.png)",
// "solutions)"): one word that closes a parenthesis it did not open.
func urlTail(line string) bool {
	return strings.HasSuffix(line, ")") && !strings.ContainsAny(line, "( \t")
}
