package eval

import (
	"strings"
	"unicode"
)

// SnippetCounts are the snippet matches of one page or, summed, of a corpus.
type SnippetCounts struct {
	TP int // "with" snippets found in the output
	FP int // "without" snippets found in the output
	FN int // "with" snippets missing from the output
	TN int // "without" snippets missing from the output
}

// Add returns the sum of c and d.
func (c SnippetCounts) Add(d SnippetCounts) SnippetCounts {
	return SnippetCounts{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN, c.TN + d.TN}
}

// Precision returns TP/(TP+FP), or 0 when both are 0.
func (c SnippetCounts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall returns TP/(TP+FN), or 0 when both are 0.
func (c SnippetCounts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F returns 2TP/(2TP+FP+FN), or 0 when the denominator is 0.
func (c SnippetCounts) F() float64 {
	d := 2*c.TP + c.FP + c.FN
	if d == 0 {
		return 0
	}
	return float64(2*c.TP) / float64(d)
}

// Snippets counts which snippets occur in got. Both sides are compared
// after [NormalizeSpace]; snippets that are empty after it are ignored.
// Matching is otherwise exact (case-sensitive substring).
func Snippets(got string, with, without []string) SnippetCounts {
	g := NormalizeSpace(got)
	var c SnippetCounts
	for _, s := range with {
		if s = NormalizeSpace(s); s == "" {
			continue
		}
		if strings.Contains(g, s) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if s = NormalizeSpace(s); s == "" {
			continue
		}
		if strings.Contains(g, s) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

// NormalizeSpace collapses every run of Unicode white space in s to one
// space and trims it from both ends.
func NormalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
