package extract

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed classwords.txt
var classWordsFile string

// classWords maps a class/id word to its canonical form. Built once from
// classwords.txt and never mutated.
var classWords = parseClassWords(classWordsFile)

func parseClassWords(s string) map[string]string {
	m := make(map[string]string)
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) == 1 {
			m[f[0]] = f[0]
		} else {
			m[f[0]] = f[1]
		}
	}
	return m
}

// classWordsOf splits a class or id attribute value into lower-case words
// (on non-letters and camelCase boundaries) and appends the canonical form
// of each known word to dst. Letters that follow a digit are not a word:
// they are part of a generated id ("elementor-element-5f18ad9" holds no
// "ad"), while a word before digits is ("sidebar2", "ad300x250").
func classWordsOf(dst []string, attr string) []string {
	start := -1
	afterDigit := false // the current word follows a digit
	var prev rune
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(attr[start:end])
		if c, ok := classWords[w]; ok && !afterDigit {
			dst = append(dst, c)
		}
		start = -1
	}
	for i, r := range attr {
		letter := unicode.IsLetter(r)
		if !letter {
			flush(i)
		} else {
			if start >= 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush(i)
			}
			if start < 0 {
				start, afterDigit = i, unicode.IsDigit(prev)
			}
		}
		prev = r
	}
	flush(len(attr))
	return dst
}

//go:embed stopheadings.txt
var stopHeadingsFile string

// stopHeadings are the normalised texts of headings that open a section that
// is not the article. Built once from stopheadings.txt and never mutated.
var stopHeadings = parseStopHeadings(stopHeadingsFile)

func parseStopHeadings(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// stopHeadingMaxRunes is the longest normalised text a stop heading may have.
const stopHeadingMaxRunes = 24

// isStopHeading reports whether a block's text is a heading that opens a
// comment thread or a related list ("Related articles", "3 Comments",
// "猜你喜欢").
//
// The heading's letters are matched, lower-cased and without spaces
// ("leaveareply"), against the start of each listed heading; the match must
// end where a word of the heading ends, so "comment" does not stop
// "Commentary" nor "popular" "Popularity of tea". Han, Kana and Hangul need
// no word end.
func isStopHeading(text string) bool {
	var b strings.Builder
	var wordEnd [stopHeadingMaxRunes*utf8.UTFMax + 1]bool // byte offsets in norm where a word ends
	n := 0
	inWord := false
	for _, r := range text {
		letter := unicode.IsLetter(r)
		switch {
		case letter:
			if isCJK(r) {
				inWord = false
			} else {
				inWord = true
			}
			b.WriteRune(unicode.ToLower(r))
			n++
			if n > stopHeadingMaxRunes {
				return false
			}
			if !inWord {
				wordEnd[b.Len()] = true
			}
		case inWord:
			wordEnd[b.Len()] = true
			inWord = false
		}
	}
	norm := b.String()
	if norm == "" {
		return false
	}
	wordEnd[len(norm)] = true
	for _, h := range stopHeadings {
		if strings.HasPrefix(norm, h) && len(norm) <= len(h)+12 && wordEnd[len(h)] {
			return true
		}
	}
	return false
}
