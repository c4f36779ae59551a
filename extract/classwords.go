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
// of each known word to dst. Generated names hold no words: letters after a
// digit ("elementor-element-5f18ad9" holds no "ad"; "sidebar2" and
// "ad300x250" do hold theirs), hexadecimal runs ("ad465d5"), and the hash
// that CSS modules append after "__" ("mdx-table_root__adKqa").
func classWordsOf(dst []string, attr string) []string {
	for i := 0; i < len(attr); {
		if !isAlnumByte(attr[i]) && attr[i] < utf8.RuneSelf {
			i++
			continue
		}
		j := i
		for j < len(attr) && (isAlnumByte(attr[j]) || attr[j] >= utf8.RuneSelf) {
			j++
		}
		if run := attr[i:j]; !isHashRun(run, strings.HasSuffix(attr[:i], "__")) {
			dst = runWords(dst, run)
		}
		i = j
	}
	return dst
}

// isAlnumByte reports whether c is an ASCII letter or digit.
func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isHashRun reports whether a run of letters and digits from a class name
// is generated: five or more hexadecimal digits mixing letters and digits,
// or, after "__", five or six characters with a capital or a digit past the
// first (a CSS-modules hash; BEM's lower-case "block__element" is a name).
func isHashRun(run string, afterDoubleUnderscore bool) bool {
	if len(run) >= 5 {
		letters, digits, hex := 0, 0, true
		for k := 0; k < len(run); k++ {
			c := run[k]
			switch {
			case '0' <= c && c <= '9':
				digits++
			case 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F':
				letters++
			default:
				hex = false
			}
		}
		if hex && letters > 0 && digits > 0 {
			return true
		}
	}
	if afterDoubleUnderscore && (len(run) == 5 || len(run) == 6) {
		for k := 1; k < len(run); k++ {
			if 'A' <= run[k] && run[k] <= 'Z' || '0' <= run[k] && run[k] <= '9' {
				return true
			}
		}
	}
	return false
}

// runWords appends the known words of one run of letters and digits: its
// letter segments split at camelCase boundaries, except those after a digit.
func runWords(dst []string, run string) []string {
	start := -1
	afterDigit := false // the current word follows a digit
	var prev rune
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(run[start:end])
		if c, ok := classWords[w]; ok && !afterDigit {
			dst = append(dst, c)
		}
		start = -1
	}
	for i, r := range run {
		if !unicode.IsLetter(r) {
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
	flush(len(run))
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
