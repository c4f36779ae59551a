package labels

import (
	"strings"
	"unicode"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// Thresholds of the share of a block's trigrams found in the body.
const (
	// ContentShare is the share at or above which a block is content.
	ContentShare = 0.7
	// JunkShare is the share at or below which a block is junk.
	JunkShare = 0.15
)

// Body is an article body prepared for lookups. Build it once per page with [NewBody].
type Body struct {
	trigrams map[string]struct{}
	phrase   string // the body's tokens joined by single spaces, padded with spaces
}

// NewBody prepares an article body for [FromDocument].
func NewBody(body string) *Body {
	toks := tokens(body)
	b := &Body{trigrams: make(map[string]struct{}, len(toks)), phrase: " " + strings.Join(toks, " ") + " "}
	for i := 0; i+3 <= len(toks); i++ {
		b.trigrams[toks[i]+" "+toks[i+1]+" "+toks[i+2]] = struct{}{}
	}
	return b
}

// LabelOf returns the label of one block's text against the body, and false
// when the block is ambiguous and should be left out of training.
func (b *Body) LabelOf(text string) (classifier.Label, bool) {
	toks := tokens(text)
	switch {
	case len(toks) == 0:
		return 0, false
	case len(toks) < 3:
		found := strings.Contains(b.phrase, " "+strings.Join(toks, " ")+" ")
		if !found {
			return classifier.Junk, true
		}
		if len(toks) == 2 {
			return classifier.Content, true
		}
		return 0, false // one common word found somewhere: no evidence either way
	}
	hit := 0
	n := len(toks) - 2
	for i := 0; i < n; i++ {
		if _, ok := b.trigrams[toks[i]+" "+toks[i+1]+" "+toks[i+2]]; ok {
			hit++
		}
	}
	share := float64(hit) / float64(n)
	switch {
	case share >= ContentShare:
		return classifier.Content, true
	case share <= JunkShare:
		return classifier.Junk, true
	}
	return 0, false
}

// FromDocument labels the blocks of a document (after stage 1) against the
// page's article body. page and corpus are copied into the samples.
func FromDocument(doc *extract.Document, body *Body, page, corpus string) []classifier.Sample {
	var out []classifier.Sample
	for i := range doc.Blocks {
		blk := &doc.Blocks[i]
		label, ok := body.LabelOf(blk.Text)
		if !ok {
			continue
		}
		out = append(out, classifier.Sample{
			Text:     blk.Text,
			Features: blk.Features(len(doc.Blocks)),
			Label:    label,
			Page:     page,
			Corpus:   corpus,
		})
	}
	return out
}

// TextExport returns the page's visible text as a text export (such as a
// Common Crawl WET record): every block's text, one a line.
func TextExport(doc *extract.Document) string {
	var b strings.Builder
	for i := range doc.Blocks {
		b.WriteString(doc.Blocks[i].Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// tokens lower-cases s and splits it into words (runs of letters and digits)
// and single CJK characters.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case isCJK(r):
			if start >= 0 {
				out = append(out, strings.ToLower(s[start:i]))
				start = -1
			}
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				out = append(out, strings.ToLower(s[start:i]))
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}
