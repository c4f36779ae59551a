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
// digit ("elementor-element-5f18ad9" holds no "ad"; "sidebar2" and "ad300"
// hold theirs), hexadecimal runs that mix letters and digits after their
// first digit ("ad465d5"), and the hash that CSS modules append
// ("mdx-table_root__adKqa", "Button__nav___2kF7a"; see isHashRun).
func classWordsOf(dst []string, attr string) []string {
	for i := 0; i < len(attr); {
		if attr[i] < utf8.RuneSelf && !isAlnumByte(attr[i]) {
			i++
			continue
		}
		j := i
		for j < len(attr) && (attr[j] >= utf8.RuneSelf || isAlnumByte(attr[j])) {
			j++
		}
		if run := attr[i:j]; !isHashRun(run, attr[:i]) {
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

// isHashRun reports whether run, a run of letters and digits from a class
// name that starts after before, is generated:
//   - five or more hexadecimal digits with a letter after the first digit
//     ("5f18ad9", "ad465d5", but not "ad300");
//   - five or six characters after "___" (CSS modules' [name]__[local]___[hash])
//     or after "__" in a class that has a single "_" before it (Next.js's
//     [name]_[local]__[hash]), holding a capital or a digit past the first
//     character. BEM's "block__element" ("card__adBox") is a name.
func isHashRun(run, before string) bool {
	if len(run) >= 5 {
		hex, digitSeen, letterAfterDigit := true, false, false
		for k := 0; k < len(run) && hex; k++ {
			switch c := run[k]; {
			case '0' <= c && c <= '9':
				digitSeen = true
			case 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F':
				letterAfterDigit = letterAfterDigit || digitSeen
			default:
				hex = false
			}
		}
		if hex && letterAfterDigit {
			return true
		}
	}
	if len(run) != 5 && len(run) != 6 {
		return false
	}
	class := before[strings.LastIndexAny(before, " \t\n")+1:]
	switch {
	case strings.HasSuffix(class, "___"):
	case strings.HasSuffix(class, "__") && strings.Contains(strings.ReplaceAll(class[:len(class)-2], "__", ""), "_"):
	default:
		return false
	}
	for k := 1; k < len(run); k++ {
		if 'A' <= run[k] && run[k] <= 'Z' || '0' <= run[k] && run[k] <= '9' {
			return true
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

// stopHeadingsByRune are stopHeadings by their first rune, so that
// stopHeadingMatch, which a text export's every short line goes through,
// compares a text with the few headings that can start it. Built once and
// never mutated.
var stopHeadingsByRune = byFirstRune(stopHeadings)

// byFirstRune groups words by their first rune, keeping their order.
func byFirstRune(words []string) map[rune][]string {
	m := make(map[rune][]string)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

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
const stopHeadingMaxRunes = 32

// isStopHeading reports whether a block's text is a heading that opens a
// comment thread or a related list ("Related articles", "3 Comments",
// "猜你喜欢").
//
// The heading's letters, lower-cased and without spaces ("leaveareply"),
// must start with one of the listed headings, have at most 12 bytes of
// UTF-8 more (12 ASCII letters, 6 accented Latin or Cyrillic ones, 4 Han
// characters), and the listed heading must end where a word of the text
// ends, so "comment" does not stop "Commentary" nor "popular" "Popularity of tea".
// Every Han, Kana and Hangul character ends a word.
func isStopHeading(text string) bool {
	stop, _ := stopHeadingMatch(text, "")
	return stop
}

// opensStopSection reports whether text, a heading or a text export's line,
// opens a section that is not the article: it is a stop heading (see
// isStopHeading) that does not end in a colon after words of its own
// ("Related posts:" opens one; "Recommended courses:" announces the
// article's own list). The listed heading skip (normalised, as in
// stopheadings.txt; "" for none) does not count.
func opensStopSection(text, skip string) bool {
	stop, exact := stopHeadingMatch(text, skip)
	return stop && (exact || !introducesList(text))
}

// stopHeadingMatch is isStopHeading, less the listed heading skip (""
// for none), and also reports whether the text is exactly a listed
// heading, with no words of its own ("Related posts:", not "Recommended
// courses:").
func stopHeadingMatch(text, skip string) (stop, exact bool) {
	// buf[:nb] holds the letters written so far, on the stack: at most
	// stopHeadingMaxRunes runes are written (the count is checked before
	// each), each of at most utf8.UTFMax bytes. wordEnd marks the byte
	// offsets in it where a word ends.
	var buf [stopHeadingMaxRunes * utf8.UTFMax]byte
	nb := 0
	var wordEnd [stopHeadingMaxRunes*utf8.UTFMax + 1]bool
	n := 0
	inWord := false // inside a word of non-CJK letters
	for _, r := range text {
		if !unicode.IsLetter(r) {
			if inWord {
				wordEnd[nb] = true
				inWord = false
			}
			continue
		}
		n++
		if n > stopHeadingMaxRunes {
			return false, false
		}
		cjk := isCJK(r)
		if inWord && cjk {
			wordEnd[nb] = true // "Comments评论": the Latin word ends here
		}
		nb += utf8.EncodeRune(buf[nb:], unicode.ToLower(r))
		inWord = !cjk
		if cjk {
			wordEnd[nb] = true
		}
	}
	norm := string(buf[:nb])
	if norm == "" {
		return false, false
	}
	wordEnd[len(norm)] = true
	first, _ := utf8.DecodeRuneInString(norm)
	for _, h := range stopHeadingsByRune[first] {
		if h != skip && strings.HasPrefix(norm, h) && len(norm) <= len(h)+12 && wordEnd[len(h)] {
			stop = true
			exact = exact || len(norm) == len(h)
		}
	}
	return stop, exact
}
