package classifier

import (
	"fmt"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on the pinned lines of a model (see [Counts.Pin]).
const (
	// MaxPins is the largest number of pinned lines a model holds.
	// [Counts.Pin] returns an error beyond it, and [Load] rejects a file
	// with more.
	MaxPins = 100_000
	// MaxPinText is the longest normalised pinned line, in bytes.
	MaxPinText = 64 << 10
)

// PinKey returns the form of a line's text that pinned lines are matched
// by: NFKC, Traditional Chinese folded to Simplified (as the tokenizer
// does), lower case, runs of white space collapsed to one space, and no
// leading or trailing white space. "Share  this ARTICLE", "ｓｈａｒｅ this
// article" and " share this article " all have the key "share this
// article"; punctuation and digits are kept, so a pin matches the whole
// line exactly, not a line that merely contains it.
func PinKey(text string) string {
	key, _ := appendPinKey(nil, nil, text, t2sTable())
	return string(key)
}

// appendPinKey appends the pin key of text to dst, using scratch (which it
// returns, grown) for the NFKC form of a text that is not ASCII.
func appendPinKey(dst, scratch []byte, text string, t2s *t2sFold) (key, scratchOut []byte) {
	var folded []byte
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			scratch = norm.NFKC.AppendString(scratch[:0], text)
			folded = scratch
			break
		}
	}
	start := len(dst)
	space := false
	for i := 0; ; {
		var r rune
		if folded != nil {
			if i >= len(folded) {
				break
			}
			var size int
			r, size = utf8.DecodeRune(folded[i:])
			i += size
		} else {
			if i >= len(text) {
				break
			}
			r = rune(text[i])
			i++
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(t2s.fold(r)))
	}
	return dst, scratch
}

// Pin pins the text of each sample to its label: from then on every model
// built from these counts gives a line whose [PinKey] is the same exactly
// P(junk) 1 (a pinned Junk line) or 0 (a pinned Content line), whatever its
// features and whatever the counts say. Pinning a text again with the
// other label moves the pin; a later sample in s wins over an earlier one.
//
// Pin does not learn: call [Counts.Learn] too, so that the counts
// generalise from the samples to lines that are not exactly the same.
//
// Pin returns an error, and changes nothing, for an invalid label, a
// sample with no text (an empty key), a key longer than [MaxPinText]
// bytes, or when the table would hold more than [MaxPins] lines.
func (c *Counts) Pin(s ...Sample) error {
	add := make(map[string]Label, len(s))
	t2s := t2sTable()
	for i := range s {
		l := s[i].Label
		if !l.valid() {
			return fmt.Errorf("classifier: Pin: sample %d: invalid label %d", i, uint8(l))
		}
		k, _ := appendPinKey(nil, nil, s[i].Text, t2s)
		key := string(k)
		switch {
		case key == "":
			return fmt.Errorf("classifier: Pin: sample %d: no text", i)
		case len(key) > MaxPinText:
			return fmt.Errorf("classifier: Pin: sample %d: text longer than %d bytes", i, MaxPinText)
		}
		add[key] = l
	}
	n := len(c.pins)
	for key := range add {
		if _, ok := c.pins[key]; !ok {
			n++
		}
	}
	if n > MaxPins {
		return fmt.Errorf("classifier: Pin: %d pinned lines, at most %d (unpin some)", n, MaxPins)
	}
	if c.pins == nil {
		c.pins = make(map[string]Label, len(add))
	}
	maps.Copy(c.pins, add)
	return nil
}

// Unpin removes the pins of the samples' texts that are pinned to the
// sample's label, so that what [Counts.Pin] did with the same samples is
// taken back. A text that is not pinned, or is pinned to the other label
// (by a later correction), is left as it is. Unpin returns an error, and
// changes nothing, for an invalid label.
func (c *Counts) Unpin(s ...Sample) error {
	for i := range s {
		if !s[i].Label.valid() {
			return fmt.Errorf("classifier: Unpin: sample %d: invalid label %d", i, uint8(s[i].Label))
		}
	}
	t2s := t2sTable()
	var buf, scratch []byte
	for i := range s {
		buf, scratch = appendPinKey(buf[:0], scratch, s[i].Text, t2s)
		if l, ok := c.pins[string(buf)]; ok && l == s[i].Label {
			delete(c.pins, string(buf))
		}
	}
	return nil
}

// Pinned returns the label a line's text is pinned to in the counts, and
// whether it is pinned.
func (c *Counts) Pinned(text string) (Label, bool) {
	l, ok := c.pins[PinKey(text)]
	return l, ok
}

// Pins returns the number of pinned lines.
func (c *Counts) Pins() int { return len(c.pins) }

// Pinned returns the label the line's text is pinned to, and whether it is
// pinned (see [Counts.Pin]). The text is matched by its [PinKey].
func (m *Model) Pinned(text string) (Label, bool) {
	if len(m.pins) == 0 {
		return 0, false
	}
	t := m.getTokenizer()
	t.buf, t.text = appendPinKey(t.buf[:0], t.text, text, t.t2s)
	l, ok := m.pins[string(t.buf)]
	m.pool.Put(t)
	return l, ok
}

// pinKeyValid reports whether a pin key read from a file is one that
// [PinKey] could have made: not empty, no white space at either end, no
// runs of white space other than single spaces, and valid UTF-8.
func pinKeyValid(key string) bool {
	if key == "" || !utf8.ValidString(key) || strings.Contains(key, "  ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(key)
	last, _ := utf8.DecodeLastRuneInString(key)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	for _, r := range key {
		if unicode.IsSpace(r) && r != ' ' {
			return false
		}
	}
	return true
}
