package classifier

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokenizer splits text into word tokens. See the package documentation
// for the rules.
//
// A Tokenizer holds buffers that are reused from call to call, so it is not
// safe for concurrent use; create one per goroutine (a [Model] keeps a pool
// of them). The zero value is not ready for use: call [NewTokenizer].
type Tokenizer struct {
	t2s   *t2sFold
	text  []byte   // NFKC-folded input
	buf   []byte   // token bytes
	spans []span   // token offsets into buf
	toks  []string // result
}

type span struct{ start, end int }

// maxNumShape caps the digit count of a number shape token: nine digits
// and more are all "#num9".
const maxNumShape = 9

// NewTokenizer returns a Tokenizer.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{t2s: t2sTable()}
}

// Words returns the word tokens of text: lower-cased words, word bigrams
// ("a_b"), Han/Kana/Hangul characters and character bigrams, and number
// shapes ("#num4"). It never fails: invalid UTF-8 separates tokens.
//
// The returned slice and its strings are valid until the next call on t
// (the strings themselves are ordinary immutable strings, but the slice is
// reused).
func (t *Tokenizer) Words(text string) []string {
	t.fold(text)
	t.buf = t.buf[:0]
	t.spans = t.spans[:0]
	t.scan()
	t.toks = t.toks[:0]
	if len(t.spans) == 0 {
		return t.toks
	}
	s := string(t.buf) // the one allocation per call
	for _, sp := range t.spans {
		t.toks = append(t.toks, s[sp.start:sp.end])
	}
	return t.toks
}

// fold puts the NFKC form of text into t.text. ASCII is already in NFKC
// form, so it is copied as is.
func (t *Tokenizer) fold(text string) {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		t.text = append(t.text[:0], text...)
		return
	}
	t.text = norm.NFKC.AppendString(t.text[:0], text)
}

// Rune classes for scanning.
const (
	classSep = iota
	classWord
	classCJK
)

func runeClass(r rune) int {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return classWord
		}
		return classSep
	}
	// Fast paths for the common blocks, then the Unicode tables.
	switch {
	case 0x4E00 <= r && r <= 0x9FFF, // CJK unified ideographs
		0x3041 <= r && r <= 0x3096,                // Hiragana
		0x30A1 <= r && r <= 0x30FE && r != 0x30FB, // Katakana, ー; not the middle dot
		0xAC00 <= r && r <= 0xD7A3:                // Hangul syllables
		return classCJK
	case r < 0x250: // Latin-1 and Latin Extended-A/B: no CJK
	case r >= 0x1100 && isCJK(r):
		return classCJK
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return classWord
	}
	return classSep
}

// isCJK reports whether r is Han, Hiragana, Katakana (with the prolonged
// sound mark) or Hangul.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		r == 0x30FC // ー, script Common
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// scan tokenizes t.text into t.buf and t.spans.
func (t *Tokenizer) scan() {
	b := t.text
	prevWord := -1 // index in t.spans of the previous word, for bigrams
	prevCJK := -1  // index in t.spans of the previous CJK character, if adjacent
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		switch runeClass(r) {
		case classSep: // includes utf8.RuneError
			i += size
			prevCJK = -1
		case classCJK:
			r = t.t2s.fold(r)
			cur := t.emitRune(r)
			if prevCJK >= 0 {
				p := t.spans[prevCJK]
				start := len(t.buf)
				t.buf = append(t.buf, t.buf[p.start:p.end]...)
				t.buf = utf8.AppendRune(t.buf, r)
				t.spans = append(t.spans, span{start, len(t.buf)})
			}
			prevCJK = cur
			prevWord = -1
			i += size
		default: // a word: take the whole run
			prevCJK = -1
			start := len(t.buf)
			digits, allDigits := 0, true
		word:
			for i < len(b) {
				// ASCII fast path.
				if c := b[i]; c < utf8.RuneSelf {
					switch {
					case 'a' <= c && c <= 'z':
						allDigits = false
					case '0' <= c && c <= '9':
						digits++
					case 'A' <= c && c <= 'Z':
						allDigits = false
						c += 'a' - 'A'
					default:
						break word
					}
					t.buf = append(t.buf, c)
					i++
					continue
				}
				r, size = utf8.DecodeRune(b[i:])
				if runeClass(r) != classWord {
					break
				}
				if isDigit(r) {
					digits++
				} else {
					allDigits = false
				}
				t.buf = utf8.AppendRune(t.buf, unicode.ToLower(r))
				i += size
			}
			if allDigits {
				t.buf = append(t.buf[:start], "#num"...)
				t.buf = append(t.buf, byte('0'+min(digits, maxNumShape)))
			}
			t.spans = append(t.spans, span{start, len(t.buf)})
			cur := len(t.spans) - 1
			if prevWord >= 0 {
				p, c := t.spans[prevWord], t.spans[cur]
				bs := len(t.buf)
				t.buf = append(t.buf, t.buf[p.start:p.end]...)
				t.buf = append(t.buf, '_')
				t.buf = append(t.buf, t.buf[c.start:c.end]...)
				t.spans = append(t.spans, span{bs, len(t.buf)})
			}
			prevWord = cur
		}
	}
}

// emitRune appends a one-rune token and returns its span index.
func (t *Tokenizer) emitRune(r rune) int {
	start := len(t.buf)
	t.buf = utf8.AppendRune(t.buf, r)
	t.spans = append(t.spans, span{start, len(t.buf)})
	return len(t.spans) - 1
}
