package bench

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// C4 is a C4-style line filter (the rule used to clean Common Crawl text
// for the C4 pretraining corpus), applied line by line to a text export:
//
//   - a line is kept only if it ends in terminal punctuation: . ! ? " or
//     the full-width 。！？; a line ending in a closing quote or bracket
//     (” ’ 」 』 ） ) ]) counts when the rune before it is one of . ! ? 。！？
//     (so 他说：“走吧。” and He said "Go." are sentences);
//   - and only if it has at least 5 words, where a word is a
//     whitespace-separated field with a letter or digit outside CJK
//     scripts, and a run of Han/Kana/Hangul characters counts as half a
//     word per character (Chinese has no spaces; about 2 characters a word,
//     so the 5-word minimum is 10 CJK characters);
//   - a line containing "javascript", "cookie" or "lorem ipsum" (any
//     case), or a curly brace "{", is dropped.
//
// C4 drops whole pages for lorem ipsum and curly braces and requires 3
// words a line and 5 sentences a page; here every rule is per line, with
// the 5-word minimum, so that a page is never dropped as a whole.
func C4(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		l := strings.TrimSpace(line)
		if l == "" || !c4Keep(l) {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

func c4Keep(l string) bool {
	if strings.Contains(l, "{") {
		return false
	}
	low := strings.ToLower(l)
	for _, bad := range []string{"javascript", "cookie", "lorem ipsum"} {
		if strings.Contains(low, bad) {
			return false
		}
	}
	return endsSentence(l) && c4Words(l) >= 5
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？':
		return true
	}
	return false
}

func endsSentence(l string) bool {
	last, n := utf8.DecodeLastRuneInString(l)
	if isTerminal(last) || last == '"' {
		return true
	}
	switch last {
	case '”', '’', '」', '』', '）', ')', ']', '\'':
		prev, _ := utf8.DecodeLastRuneInString(l[:len(l)-n])
		return isTerminal(prev)
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// c4Words counts words as described at [C4].
func c4Words(l string) float64 {
	var words float64
	for _, f := range strings.Fields(l) {
		cjk, other := 0, false
		for _, r := range f {
			switch {
			case isCJK(r):
				cjk++
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				other = true
			}
		}
		words += float64(cjk) / 2
		if other {
			words++
		}
	}
	return words
}
