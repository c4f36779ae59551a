package extract

import (
	"context"
	"fmt"

	"golang.org/x/net/html"
)

// Options configures [Extract]. The zero value is ready to use.
type Options struct {
	// Kind forces the input type; KindAuto (the default) sniffs it from the bytes.
	Kind Kind
	// ContentType is the page's Content-Type header, if known; its charset
	// parameter is honoured when decoding. Default "": none.
	ContentType string
	// Limits bounds the resources one document may use; zero fields take their defaults.
	Limits Limits
}

// Document is one page after stage 1: its title and its blocks in document
// order, each marked with its place relative to the main-content region.
type Document struct {
	// Title is the page title (HTML <title> or og:title; empty for text input).
	Title string
	// Kind is the input type that was used.
	Kind Kind
	// Encoding is the character encoding the input was decoded from.
	Encoding string
	// Blocks are the page's text blocks in document order.
	Blocks []Block
}

// Texts returns the text of every block, in document order.
func (d *Document) Texts() []string {
	texts := make([]string, len(d.Blocks))
	for i := range d.Blocks {
		texts[i] = d.Blocks[i].Text
	}
	return texts
}

// Extract runs the first half of the pipeline on raw page bytes: decompress,
// sniff, decode, parse and prune (HTML), segment into blocks and mark the
// main-content region (stage 1). It never panics on malformed input: bad
// input gives a wrapped error, too large input an error matching [ErrTooLarge].
func Extract(ctx context.Context, raw []byte, opts Options) (*Document, error) {
	lim := opts.Limits.withDefaults()
	data, err := Decompress(raw, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &LimitError{Limit: "bytes", Max: lim.MaxBytes}
	}
	kind := opts.Kind
	if kind == KindAuto {
		if kind, err = Sniff(data); err != nil {
			return nil, err
		}
	}
	text, enc, err := Decode(data, opts.ContentType, kind)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if kind == KindText {
		doc, err := FromText(text, opts)
		if err != nil {
			return nil, err
		}
		doc.Encoding = enc
		return doc, nil
	}
	root, err := ParseHTML(text, lim)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := FromNode(root)
	doc.Encoding = enc
	if len(doc.Blocks) == 0 && opts.Kind == KindHTML {
		return nil, ErrNotHTML
	}
	return doc, nil
}

// FromNode runs segmentation and stage 1 on an already parsed and pruned
// HTML tree (see [ParseHTML]). The tree is only read.
func FromNode(root *html.Node) *Document {
	blocks, owners := segment(root)
	regionOf(blocks, owners)
	agree(blocks)
	markForeign(blocks)
	return &Document{Title: Title(root), Kind: KindHTML, Encoding: "utf-8", Blocks: blocks}
}

// FromText runs segmentation and stage 1 on UTF-8 text: one block a
// non-empty line, or a paragraph when the text is hard-wrapped (its lines
// broken at a fixed width, as lynx -dump and html2text write them).
func FromText(text string, opts Options) (*Document, error) {
	lim := opts.Limits.withDefaults()
	if int64(len(text)) > lim.MaxBytes {
		return nil, &LimitError{Limit: "bytes", Max: lim.MaxBytes}
	}
	blocks, err := textBlocks(text, lim.MaxLines)
	if err != nil {
		return nil, fmt.Errorf("extract: text: %w", err)
	}
	TextRegion(blocks, nil)
	markForeign(blocks)
	return &Document{Kind: KindText, Encoding: "utf-8", Blocks: blocks}, nil
}
