package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Region says where a block lies relative to the stage-1 main-content region.
type Region uint8

const (
	// RegionOutside is a block outside the main-content region.
	RegionOutside Region = iota
	// RegionEdge is a block just outside the region's boundary (within a few blocks of it).
	RegionEdge
	// RegionInside is a block inside the main-content region.
	RegionInside
)

// String returns "outside", "edge" or "inside".
func (r Region) String() string {
	switch r {
	case RegionInside:
		return "inside"
	case RegionEdge:
		return "edge"
	default:
		return "outside"
	}
}

// Block is one unit of text the classifier decides on: the text of a
// block-level element of an HTML page, or one line of a text export.
type Block struct {
	// Text is the block's visible text, whitespace collapsed to single spaces.
	Text string
	// Tag is the block's element name (p, li, h2, td, ...), or "line" for text input.
	Tag string
	// Context holds the lower-cased class and id words of the block's element
	// and its ancestors below <body>, nearest first, deduplicated (body's and
	// html's classes describe the whole page, not the block). Empty for
	// text input.
	Context []string
	// LinkChars counts the runes of Text that sit inside <a> elements; for
	// text input, the runes of a line's Markdown link markup (see
	// markdownLinkRunes).
	LinkChars int
	// Region is the block's place relative to the stage-1 main-content region.
	Region Region
	// Index is the block's position among the document's blocks, from 0.
	Index int
	// Heading reports whether the block is a heading (h1-h6, or a text line that looks like one).
	Heading bool
	// DataCell reports that the block is a cell of a data table (a table of
	// rows of cells holding no block structure of their own; see
	// isDataTable), or a div or p that only wraps such a cell's text, not a
	// cell of a table that lays out the page. On text, a line of a run
	// that reads as a table's cells beside the article (see TextRegion).
	DataCell bool
	// Foreign reports that the block's script differs from the page's main
	// script (a mostly Latin line on a Chinese page, or the reverse).
	Foreign bool
	// SideRun reports that a text line is inside the article region in a run
	// of lines apart from the article's main run, one that joined it for
	// prose of its own (see TextRegion). Never set on HTML blocks.
	SideRun bool
	// Thread reports that the block is in a blog post's comment thread,
	// known by a title that names the post's headline: the thread's ("59
	// Comments on “Title”") or its comments' ("re: Title"). Such a block is
	// not the article, however much it reads like prose (see junkContainers
	// and leaveStopSections). It covers what follows the thread's title in
	// its container (HTML), or in the text (the comment form, a footer).
	Thread bool
}

// Runes returns the number of runes in the block's text.
func (b *Block) Runes() int { return utf8.RuneCountInString(b.Text) }

// LinkDensity returns the share of the block's text that is link text, in [0, 1].
func (b *Block) LinkDensity() float64 {
	n := b.Runes()
	if n == 0 {
		return 0
	}
	d := float64(b.LinkChars) / float64(n)
	if d > 1 {
		d = 1
	}
	return d
}

// Features returns the block's structural feature tokens, without the
// classifier's "#" prefix: its tag, link density, length bucket, end
// punctuation, region, position in the document (of total blocks) and its
// context class words. The classifier turns them into tokens that cannot
// collide with words.
func (b *Block) Features(total int) []string {
	f := make([]string, 0, 8+len(b.Context))
	f = append(f, "tag="+b.Tag)
	switch ld := b.LinkDensity(); {
	case ld >= 0.8:
		f = append(f, "link=high")
	case ld >= 0.3:
		f = append(f, "link=some")
	default:
		f = append(f, "link=none")
	}
	f = append(f, "len="+lengthBucket(b.Text))
	f = append(f, "punct="+endPunct(b.Text))
	f = append(f, "region="+b.Region.String())
	if total > 0 {
		switch pos := float64(b.Index) / float64(total); {
		case pos < 0.1:
			f = append(f, "pos=head")
		case pos >= 0.85:
			f = append(f, "pos=tail")
		default:
			f = append(f, "pos=body")
		}
	}
	if b.Heading {
		f = append(f, "heading")
	}
	if hasURL(b.Text) {
		f = append(f, "url")
	}
	if numbered(b.Text) {
		f = append(f, "numbered")
	}
	if b.Foreign {
		f = append(f, "foreign")
	}
	for _, c := range b.Context {
		f = append(f, "cls="+c)
	}
	return f
}

// markForeign sets Foreign on the blocks whose script is not the page's
// main script: the page is CJK when CJK characters make up most of its text
// weight; a block is CJK when they make up most of its own.
func markForeign(blocks []Block) {
	var cjk, other int
	weights := make([][2]int, len(blocks))
	for i := range blocks {
		c, o := scriptWeights(blocks[i].Text)
		weights[i] = [2]int{c, o}
		cjk += c
		other += o
	}
	pageCJK := cjk > other
	for i, w := range weights {
		if w[0]+w[1] < 3 {
			continue
		}
		blocks[i].Foreign = (w[0] > w[1]) != pageCJK
	}
}

// scriptWeights returns the weight of a text's CJK characters (one per two
// characters) and of its other words.
func scriptWeights(s string) (cjk, other int) {
	in := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			in = false
		case unicode.IsLetter(r):
			if !in {
				other++
			}
			in = true
		default:
			in = false
		}
	}
	return (cjk + 1) / 2, other
}

// lengthBucket buckets a text by its weight: a CJK character counts as one
// word-equivalent unit per 2 runes, a Latin word as one.
func lengthBucket(s string) string {
	w := textWeight(s)
	switch {
	case w < 4:
		return "tiny"
	case w < 10:
		return "short"
	case w < 30:
		return "medium"
	case w < 80:
		return "long"
	default:
		return "huge"
	}
}

// textWeight approximates the number of words in s: Latin words count one
// each, CJK characters one per two.
func textWeight(s string) int {
	words, cjk := 0, 0
	in := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				words++
			}
			in = true
		default:
			in = false
		}
	}
	return words + (cjk+1)/2
}

// EndsSentence reports whether the block's text ends a sentence (., !, ?,
// …, ; or their CJK forms, before any quotation mark or closing round or
// corner bracket).
func (b *Block) EndsSentence() bool { return endPunct(b.Text) == "stop" }

// endPunct classifies how a text ends: "stop" (sentence end), "colon", "other"
// punctuation, or "none".
func endPunct(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		// Closing round and corner brackets and every quotation mark,
		// final or initial (Pf, Pi): German closes a quote with “ and »ja.«,
		// French with ». Other brackets stay: a Chinese line that ends in
		// 】 or 》 ("【责任编辑：王明】", "《书名》") is a label or a title,
		// not a sentence (making them stop lowered zh-dev's 5-fold CV text
		// F1 from 0.8955 to 0.8781).
		return unicode.IsSpace(r) || r == '"' || r == '\'' || r == ')' || r == '）' || r == '」' || r == '』' || unicode.In(r, unicode.Pf, unicode.Pi)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？', '…', ';', '；':
		return "stop"
	case ':', '：':
		return "colon"
	case utf8.RuneError:
		return "none"
	}
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return "other"
	}
	return "none"
}

// hasURL reports whether s contains something that looks like a URL or a
// bare domain with a path ("example.site/page").
func hasURL(s string) bool {
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '/' {
			continue
		}
		// Walk back over a top-level domain of 2-6 ASCII letters to a dot
		// preceded by a letter or digit.
		j := i - 1
		for j >= 0 && i-j <= 7 && (s[j]|0x20) >= 'a' && (s[j]|0x20) <= 'z' {
			j--
		}
		if n := i - 1 - j; n >= 2 && n <= 6 && j >= 1 && s[j] == '.' && isAlnumByte(s[j-1]) {
			return true
		}
	}
	return false
}

// numbered reports whether s starts with a section or list numbering:
// "一、", "（二）", "【四】", "[1]", "3.", "4)", "5、", "第六章", "Step 2", "IV.".
// A decimal number ("3.5 million") is not a numbering.
func numbered(s string) bool {
	s = strings.TrimLeft(s, " ")
	open := ""
	if r, n := utf8.DecodeRuneInString(s); strings.ContainsRune("(（[【", r) {
		open, s = s[:n], s[n:]
	}
	closer := "、)）.．:：]】"
	if open != "" {
		closer = ")）]】"
	}
	r, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	switch {
	case strings.ContainsRune(cjkDigits, r):
		rest = strings.TrimLeft(rest, cjkDigits)
		return strings.ContainsRune(closer, firstRune(rest))
	case r == '第' && open == "":
		return strings.ContainsRune(cjkDigits+"0123456789", firstRune(rest))
	case r >= '0' && r <= '9':
		more := strings.TrimLeft(rest, "0123456789")
		if len(rest)-len(more) >= 3 {
			return false // a year or a quantity, not a numbering
		}
		r2, n := utf8.DecodeRuneInString(more)
		if r2 == '.' || r2 == '．' {
			next := firstRune(more[n:])
			return next != utf8.RuneError && !(next >= '0' && next <= '9') // "3." but not "3.5"
		}
		return strings.ContainsRune(closer, r2)
	case open == "" && (strings.HasPrefix(s, "Step ") || strings.HasPrefix(s, "Chapter ") || strings.HasPrefix(s, "Part ")):
		_, after, _ := strings.Cut(s, " ")
		r2 := firstRune(after)
		return r2 >= '0' && r2 <= '9'
	case open == "" && strings.ContainsRune("IVX", r):
		roman := strings.TrimLeft(s, "IVX")
		return len(s)-len(roman) <= 4 && strings.HasPrefix(roman, ". ")
	}
	return false
}

// cjkDigits are the Chinese numerals used in section numbering.
const cjkDigits = "一二三四五六七八九十"

// firstRune returns the first rune of s, or utf8.RuneError when s is empty.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isCJK reports whether r is a Han, Hiragana, Katakana or Hangul character.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF, r >= 0xAC00 && r <= 0xD7A3, r >= 0x3400 && r <= 0x4DBF:
		return true // the common blocks, without a table lookup
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
