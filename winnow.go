package winnow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// Options configures [Clean]. The zero value (or nil) means the defaults, and
// an Options is only read, so one value may serve many goroutines.
type Options struct {
	// Kind forces the input type (extract.KindHTML or extract.KindText).
	// Default extract.KindAuto: sniffed from the bytes.
	Kind extract.Kind
	// ContentType is the input's Content-Type header, when the caller has one;
	// its charset is honoured. Default "".
	ContentType string
	// URL is the page's address, copied to the result. Default "".
	URL string
	// Model is the stage-2 line model. Default nil: the embedded default model.
	Model *classifier.Model
	// Threshold is the P(junk) at or above which a block in the article region
	// is dropped. Default 0: the model's calibrated threshold.
	Threshold float64
	// Fast skips stage 2: the article region of stage 1 is the result. Default false.
	Fast bool
	// Limits bounds the resources one page may use; zero fields take the
	// defaults documented in [extract.Limits].
	Limits extract.Limits
}

// Result is a cleaned page.
type Result struct {
	// URL is Options.URL.
	URL string `json:"url,omitempty"`
	// Title is the page title, when the input has one.
	Title string `json:"title"`
	// Text is the article: the kept blocks in document order, one a line.
	Text string `json:"text"`
	// Kind is "html" or "text": how the input was read.
	Kind string `json:"kind"`
	// Encoding is the character encoding the input was decoded from.
	Encoding string `json:"encoding"`
	// Blocks are all of the page's blocks in document order, kept or not.
	Blocks []Block `json:"blocks"`
}

// Block is one block of the page with the decision made on it.
type Block struct {
	// Text is the block's text.
	Text string `json:"text"`
	// Tag is the block's element (p, li, h2, ...) or "line" for text input.
	Tag string `json:"tag"`
	// Region is the block's place relative to the stage-1 article region:
	// "inside", "edge" or "outside".
	Region string `json:"region"`
	// Label is the decision: classifier.Content blocks make up Result.Text.
	Label classifier.Label `json:"label"`
	// PJunk is the block's probability of being junk after the sequence pass.
	PJunk float64 `json:"p_junk"`
}

// ErrNoContent is returned when a page has no text at all.
var ErrNoContent = errors.New("winnow: page has no text")

// Clean reads one page (HTML or text, gzip or not, any encoding) from input
// and returns its article. It reads at most Limits.MaxBytes from input and
// never closes it. Bad input gives an error, never a panic.
func Clean(ctx context.Context, input io.Reader, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	max := opts.Limits.MaxBytes
	if max <= 0 {
		max = extract.DefaultMaxBytes
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(input, max+1))
	if err != nil {
		return nil, fmt.Errorf("winnow: read input: %w", err)
	}
	if n > max {
		return nil, &extract.LimitError{Limit: "bytes", Max: max}
	}
	return CleanBytes(ctx, buf.Bytes(), opts)
}

// CleanBytes is [Clean] for input already in memory. It does not modify raw.
func CleanBytes(ctx context.Context, raw []byte, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	doc, err := extract.Extract(ctx, raw, extract.Options{Kind: opts.Kind, ContentType: opts.ContentType, Limits: opts.Limits})
	if err != nil {
		return nil, err
	}
	return CleanDocument(ctx, doc, opts)
}

// CleanDocument runs stage 2 and assembly on a document that has been
// through stage 1 (see [extract.Extract]).
func CleanDocument(ctx context.Context, doc *extract.Document, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	if len(doc.Blocks) == 0 {
		return nil, ErrNoContent
	}
	model := opts.Model
	if model == nil && !opts.Fast {
		m, err := classifier.Default()
		if err != nil {
			return nil, fmt.Errorf("winnow: default model: %w", err)
		}
		model = m
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{URL: opts.URL, Title: doc.Title, Kind: doc.Kind.String(), Encoding: doc.Encoding}
	res.Blocks = make([]Block, len(doc.Blocks))
	var p []float64
	if !opts.Fast {
		p = junkProbabilities(model, doc)
	}
	threshold := opts.Threshold
	if threshold <= 0 && model != nil {
		threshold = model.Info().Threshold
	}
	if threshold <= 0 || threshold > 1 {
		threshold = 0.5
	}
	keep := decide(doc, p, threshold)
	var text strings.Builder
	for i, b := range doc.Blocks {
		out := Block{Text: b.Text, Tag: b.Tag, Region: b.Region.String(), Label: classifier.Junk}
		if p != nil {
			out.PJunk = p[i]
		} else if b.Region != extract.RegionInside {
			out.PJunk = 1
		}
		if keep[i] {
			out.Label = classifier.Content
			if text.Len() > 0 {
				text.WriteByte('\n')
			}
			text.WriteString(b.Text)
		}
		res.Blocks[i] = out
	}
	res.Text = text.String()
	return res, nil
}

// junkProbabilities scores every block with the model and smooths the
// scores over the block sequence.
func junkProbabilities(m *classifier.Model, doc *extract.Document) []float64 {
	p := make([]float64, len(doc.Blocks))
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		p[i] = m.PJunk(b.Text, b.Features(len(doc.Blocks)))
	}
	return m.Smooth(p)
}

// decide returns which blocks make the article. Without probabilities
// (Fast) it is the stage-1 region. With them, a block inside the region is
// kept unless it is junk; a block at the region's edge must look clearly like
// content; on text input, where stage 2 does most of the work, even a block
// outside the region is kept when the model is sure of it. A page whose
// region had text never comes out empty.
func decide(doc *extract.Document, p []float64, threshold float64) []bool {
	keep := make([]bool, len(doc.Blocks))
	any := false
	for i, b := range doc.Blocks {
		switch {
		case p == nil:
			keep[i] = b.Region == extract.RegionInside
		case b.Region == extract.RegionInside:
			keep[i] = p[i] < threshold
		case b.Region == extract.RegionEdge && doc.Kind == extract.KindText:
			keep[i] = p[i] < threshold*0.5
		case doc.Kind == extract.KindText:
			keep[i] = p[i] < threshold*0.2
		}
		any = any || keep[i]
	}
	if any {
		return keep
	}
	// Guard: fall back to the stage-1 region, then to the whole page.
	for i, b := range doc.Blocks {
		keep[i] = b.Region == extract.RegionInside
		any = any || keep[i]
	}
	if !any {
		for i := range keep {
			keep[i] = true
		}
	}
	return keep
}
