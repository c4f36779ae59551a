package eval

import (
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r matches \w in its Unicode sense: letters
// (L*), marks (M*), decimal digits (Nd) and connector punctuation (Pc,
// which includes '_').
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.Nd, unicode.Pc)
}

// isCJKRune reports whether r is a Han, Hiragana, Katakana or Hangul
// character (or the Katakana prolonged sound mark, whose script is Common).
func isCJKRune(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r == 0x30FC || r == 0xFF70
}

// Tokens splits s into \w+ runs: maximal runs of letters, marks, decimal
// digits and connector punctuation (see [unicode.L], [unicode.M],
// [unicode.Nd], [unicode.Pc]). Everything else, line breaks included,
// separates tokens. With cjk set, each Han, Kana and Hangul character is a
// token of its own (with any combining marks that follow it); runs of other
// word characters are unaffected.
func Tokens(s string, cjk bool) []string {
	var out []string
	start := -1     // start of the current run, or -1
	cjkRun := false // the current run is a single CJK character (cjk mode)
	for i, r := range s {
		if !isWordRune(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start, cjkRun = -1, false
			}
			continue
		}
		if cjk {
			switch {
			case isCJKRune(r):
				if start >= 0 {
					out = append(out, s[start:i])
				}
				start, cjkRun = i, true
				continue
			case cjkRun && unicode.Is(unicode.M, r):
				continue // a combining mark stays with its CJK character
			case cjkRun:
				out = append(out, s[start:i])
				start, cjkRun = i, false
				continue
			}
		}
		if start < 0 {
			start, cjkRun = i, false
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// IsCJKText reports whether s is mostly Chinese, Japanese or Korean, and so
// should be scored with per-character tokens. It counts tokens rather than
// letters: s is CJK when its Han, Kana and Hangul characters are at least as
// many as its other \w+ runs (so "使用 Kubernetes 部署服务" is CJK, and an
// English article quoting a few Chinese words is not).
func IsCJKText(s string) bool {
	cjk, other := 0, 0
	inOther := false
	for _, r := range s {
		switch {
		case isCJKRune(r):
			cjk++
			inOther = false
		case isWordRune(r):
			if !inOther && !unicode.Is(unicode.M, r) {
				other++
				inOther = true
			}
		default:
			inOther = false
		}
	}
	return cjk > 0 && cjk >= other
}
