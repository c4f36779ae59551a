package winnow

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
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
	// Threshold is the P(junk) at or above which a block in the article
	// region is dropped. Default 0: for text input the model's calibrated
	// threshold (0.6 for the default model), a line of a run that joined
	// the article's main run (extract.Block.SideRun) kept only below 0.85 of
	// it, a line of a table beside the article (extract.Block.DataCell)
	// below 1.5 times it (at most 0.92), and a line beside the runs taken in
	// below half of it; for HTML 0.85, because there stage 1 has already
	// found the article and stage 2 removes only what it is sure of, or
	// lower where the page's own blocks split into two clear groups by
	// P(junk). A threshold given here turns that per-page split off, and on
	// text sets the other cuts from it as above. Either way a heading inside
	// the region that introduces kept text is kept below a cut of its own
	// (0.6; on text, a short line before kept prose, 0.75).
	Threshold float64
	// Fast skips stage 2: the article region of stage 1 is the result (a
	// block that repeats an earlier one still comes out once). Default false.
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
	// Region is the block's place relative to the article region:
	// "inside", "edge" or "outside". The region is stage 1's; on a text
	// export cleaned with a model, the run of lines stage 2 found again
	// with the model's opinion (see [CleanDocument]).
	Region string `json:"region"`
	// Label is the decision: classifier.Content blocks, repeats aside,
	// make up Result.Text.
	Label classifier.Label `json:"label"`
	// PJunk is the block's probability of being junk after the sequence pass.
	PJunk float64 `json:"p_junk"`
	// Repeat reports a content block whose text repeats an earlier content
	// block of the page word for word (a second copy of the article): it
	// keeps its Label but is left out of Result.Text, so that the article
	// comes out once.
	Repeat bool `json:"repeat,omitempty"`
}

// InText reports whether the block is part of Result.Text: a content block
// that is not a repeat.
func (b *Block) InText() bool { return b.Label == classifier.Content && !b.Repeat }

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
// through stage 1 (see [extract.Extract]). On a text export (and unless
// Fast) it first finds the article's run of lines again with the model's
// opinion of each line (see [extract.TextRegion]), so the regions of doc's
// blocks change to those the model judged them in: a doc must not be
// cleaned by two goroutines at once.
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
		p = stage2(model, doc)
	}
	threshold := opts.Threshold
	if threshold <= 0 || threshold > 1 {
		threshold = 0
		if doc.Kind == extract.KindText && model != nil {
			threshold = model.Info().Threshold
		}
	}
	keep := decide(doc, p, threshold)
	repeat := repeats(doc, keep)
	var text strings.Builder
	for i, b := range doc.Blocks {
		out := Block{Text: b.Text, Tag: b.Tag, Region: b.Region.String(), Label: classifier.Junk, Repeat: repeat[i]}
		if p != nil {
			out.PJunk = p[i]
		} else if b.Region != extract.RegionInside {
			out.PJunk = 1
		}
		if keep[i] {
			out.Label = classifier.Content
		}
		if keep[i] && !repeat[i] {
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

// Temperatures that calibrate the line model's probabilities. Naive Bayes
// multiplies evidence as if every token were independent, so its raw
// probabilities sit at 0 and 1; dividing the log-odds by a temperature
// fitted on held-out lines (the lowest log loss on a fold of the training
// split the model had not seen) brings them much closer to frequencies a
// caller can cut at: the log loss on held-out HTML blocks fell from 1.93 to
// 0.50, on text lines from 1.04 to 0.48. Blocks of HTML pages carry more
// (and more correlated) feature tokens, so they need more cooling than lines
// of text. The decisions do not depend on the temperatures: the thresholds
// below are on the same calibrated scale.
const (
	htmlTemperature = 9.0
	textTemperature = 4.5
)

// JunkProbabilities returns each block's calibrated probability of being
// junk: the model's score of the block, blended with the sequence pass's
// posterior (the mean of the two in log-odds: the sequence pass pulls short
// lines inside an article, a heading or a caption, towards content, while a
// line with strong evidence of its own, an embedded link card in the middle
// of the article, keeps some of it), then calibrated (see the temperatures
// above) and, when the model finds the region's prose junk-like on the
// whole, shifted for the page (see recentreTarget). A pinned line (see
// [classifier.Counts.Pin]) gets exactly 1 or 0. On a text export the lines
// are scored where [CleanDocument] places them (see stage2), on a copy: doc
// is only read. It is what CleanDocument decides on, for callers that
// segment pages themselves (the HTTP service's /v1/classify).
func JunkProbabilities(m *classifier.Model, doc *extract.Document) []float64 {
	if doc.Kind == extract.KindText {
		cp := *doc
		cp.Blocks = slices.Clone(doc.Blocks)
		doc = &cp
	}
	return stage2(m, doc)
}

// stage2 returns the blocks' calibrated P(junk) (see JunkProbabilities). A
// text's article run was found from the lines' shapes alone: stage2 finds
// it again with the model's opinion of each line (see
// [extract.TextRegion]), changing the regions of doc's blocks, then scores
// again the lines whose place changed (a line's region is one of its
// features). An HTML document is only read.
func stage2(m *classifier.Model, doc *extract.Document) []float64 {
	raw := make([]float64, len(doc.Blocks))
	for i := range doc.Blocks {
		raw[i] = blockScore(m, doc, i)
	}
	p := calibrate(m, doc, raw)
	if doc.Kind != extract.KindText {
		return p
	}
	was := make([]extract.Region, len(doc.Blocks))
	for i := range doc.Blocks {
		was[i] = doc.Blocks[i].Region
	}
	extract.TextRegion(doc.Blocks, p)
	moved := false
	for i := range doc.Blocks {
		if doc.Blocks[i].Region != was[i] {
			raw[i] = blockScore(m, doc, i)
			moved = true
		}
	}
	if !moved {
		return p
	}
	return calibrate(m, doc, raw)
}

// blockScore is the model's raw P(junk) of the document's i-th block.
func blockScore(m *classifier.Model, doc *extract.Document, i int) float64 {
	b := &doc.Blocks[i]
	return m.PJunk(b.Text, b.Features(len(doc.Blocks)))
}

// calibrate blends the blocks' raw P(junk) with the sequence pass's
// posterior, cools them and applies the pins (see JunkProbabilities). raw
// is not changed.
func calibrate(m *classifier.Model, doc *extract.Document, raw []float64) []float64 {
	smooth := m.Smooth(raw)
	temp := htmlTemperature
	if doc.Kind == extract.KindText {
		temp = textTemperature
	}
	for i := range raw {
		smooth[i] = sigmoid((logit(raw[i]) + logit(smooth[i])) / (2 * temp))
	}
	recentre(doc, smooth)
	if m.Info().Pinned > 0 {
		for i := range raw {
			if l, ok := m.Pinned(doc.Blocks[i].Text); ok {
				smooth[i] = float64(l) // Junk is 1, Content 0
			}
		}
	}
	return smooth
}

// The region's prose is taken for the article: when the model finds the
// long blocks inside the region (recentreRunes or more) junk-like on the
// whole, their median P(junk) above recentreTarget, it is the model that is
// off on this page (a language it has hardly seen: French or German prose
// scores 0.55 to 0.8 with the default model, `winnow clean --format json`
// on such pages of trafilatura's comparison set, and trimEdges and the
// page's own cut then drop it; or a kind of site it has not learnt), and
// every block's log-odds are lowered by the same amount, so that the median
// comes to recentreTarget: the page keeps the model's ranking, on a scale
// its cuts fit. Of an even count the lower of the middle two is the median,
// so that a long junk block beside as much article does not set the shift.
//
// Measured as the decision thresholds below, and on trafilatura's
// comparison set (`cd bench && go run ./cmd/trafset --out DIR`, then
// `winnow eval --split train -j 2 DIR`, with and without --input text):
// 5-fold CV F1 on wceb1000 and zh-dev, HTML 0.8079 and 0.9374 -> 0.8091 and
// 0.9374, text 0.7745 and 0.8942 -> 0.7750 and 0.8955; the comparison set,
// snippet F HTML 0.9014 -> 0.9024, text 0.8244 -> 0.8536. The mean of the
// middle two as the median: 0.8090 and 0.9374, 0.7745 and 0.8955; 0.9024
// and 0.8528. With the upper median, a target of 0.3 scored 0.8110 and
// 0.9349 (HTML), 0.7771 and 0.8945 (text); 0.5, 0.8084 and 0.9374, 0.7727
// and 0.8951; blocks of 50 runes or more, 0.8093 and 0.9374, 0.7761 and
// 0.8891; of 200, 0.8095 and 0.9296, 0.7738 and 0.8908. Shifting only pages
// whose words the model mostly does not know (under 60% of them): HTML
// 0.8079 and 0.9374, text 0.7743 and 0.8942, the corpora hardly touched.
const (
	recentreRunes  = 100
	recentreTarget = 0.4
)

// recentre lowers every P(junk) of p by one shift in log-odds, so that the
// (lower) median of the long blocks inside the region comes down to
// recentreTarget when it is above it (see recentreTarget).
func recentre(doc *extract.Document, p []float64) {
	var prose []float64
	for i := range doc.Blocks {
		if b := &doc.Blocks[i]; b.Region == extract.RegionInside && b.Runes() >= recentreRunes {
			prose = append(prose, logit(p[i]))
		}
	}
	if len(prose) == 0 {
		return
	}
	slices.Sort(prose)
	shift := logit(recentreTarget) - prose[(len(prose)-1)/2]
	if shift >= 0 {
		return
	}
	for i := range p {
		p[i] = sigmoid(logit(p[i]) + shift)
	}
}

// logit is log(p/(1-p)), bounded for p at 0 or 1.
func logit(p float64) float64 {
	const eps = 1e-12
	p = min(max(p, eps), 1-eps)
	return math.Log(p / (1 - p))
}

// sigmoid is the inverse of logit.
func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// Decision thresholds, tuned by 5-fold cross-validation where no dev page is
// scored: wceb1000's train split (winnow eval --cv 5 --split train
// --train-corpus ../shared/data/zh-dev -j 2 ../shared/data/wceb1000) and all
// of zh-dev, whose 40 pages are too few for a split (winnow eval --cv 5
// --split all --train-corpus ../shared/data/wceb1000 -j 2
// ../shared/data/zh-dev), each with --input text for the text thresholds.
const (
	// htmlInside is the default P(junk) at or above which stage 2 drops a
	// block that stage 1 placed inside the article region of an HTML page:
	// stage 1 decides most of the score there, so stage 2 removes only what
	// it is sure of. With htmlEdge and htmlOutside, HTML F1 on wceb1000 and
	// zh-dev: 0.78, 0.49, 0.44 (the earlier values) 0.8036 and
	// 0.9330; 0.85 inside 0.8071 and 0.9338; 0.9 0.8062 and 0.9348; 0.85,
	// 0.44, 0.36 0.8068 and 0.9358; 0.85, 0.40, 0.36 0.8067 and 0.9374.
	htmlInside = 0.85
	// htmlTrim drops runs of likely junk at the start and end of the kept blocks.
	htmlTrim = 0.74
	// htmlEdge and htmlOutside are the P(junk) below which a block at the
	// region's edge, or outside it, is taken in after all.
	htmlEdge    = 0.40
	htmlOutside = 0.36
	// textEdge and textOutside scale the text threshold for blocks at the
	// edge of, and outside, the article's run of lines (see the default
	// recipe's threshold in package training).
	textEdge    = 0.5
	textOutside = 0.5
	// textSideRun scales the text threshold for the lines of a run that
	// joined the article's main run (see extract.TextRegion): such a run
	// joins for a twentieth of the main run's prose, and is often a block
	// of product blurbs or a menu's descriptions further down the page.
	// Text F1 (5-fold CV, as above) on wceb1000 and zh-dev, and snippet F
	// on trafilatura's comparison set (train split; see recentreTarget):
	// 1 (as the main run) 0.7750, 0.8955 and 0.8542; 0.9 0.7748, 0.8969
	// and 0.8556; 0.85 0.7749, 0.9007 and 0.8555; 0.8 0.7744, 0.9012 and
	// 0.8571; 0.7 0.7706, 0.9014 and 0.8564. Letting fewer runs join
	// instead (see extract's otherRunShare) traded wceb1000 for the
	// others: at 0.1 of the main run's prose 0.7718, 0.8987 and 0.8573.
	// 0.85 keeps wceb1000, the largest set, where it was; 0.8 gains on the
	// two smaller ones and loses more of it. Measured again with the stop
	// sections of extract's text stage 1 (0.85: 0.7752, 0.9028 and
	// 0.8582): 0.8 0.7745, 0.9033 and 0.8600; 0.75 0.7736, 0.9026 and
	// 0.8587; 0.9 0.7750, 0.8992 and 0.8582.
	textSideRun = 0.85
	// textDataCell scales the text threshold for the lines of a table
	// beside the article (see extract.TextRegion), up to htmlDataCell, the
	// cut for an HTML table's cells: a cell is short and ends no sentence,
	// so the model takes it for junk, and only what the model is all but
	// sure of (or a line pinned as junk) goes. 1.5 times the default
	// model's 0.6 is 0.9. Text F1 (5-fold CV) on wceb1000 and zh-dev and
	// snippet F on trafilatura's set (train split), measured before a stop
	// line ended a table's run (see extract's tableMinLines): 1 (the
	// threshold) 0.7753, 0.8992 and 0.8578; 1.5 0.7774, 0.8992 and 0.8581;
	// 1.6 (0.92, htmlDataCell) the same as 1.5.
	textDataCell = 1.5
	// htmlDataCell is the P(junk) at or above which stage 2 drops a cell of
	// a data table inside the region. A table's cells are short and end no
	// sentence, so the line model takes them for junk, but inside the
	// article they are its figures: only what the model is all but sure of
	// goes (and a line pinned as junk, at 1). 5-fold CV HTML F1 (measured
	// at commit 8438873, when htmlInside was 0.78) with the cells cut at
	// 0.78: 0.8017 on wceb1000, 0.9327 on zh-dev; at 0.85: 0.8021, 0.9330;
	// at 0.92 and at every cut above it up to keeping all cells: 0.8025,
	// 0.9330. 0.92 is the lowest of those, so that a cell the model is all
	// but sure of still goes.
	htmlDataCell = 0.92
	// headingKeep is the P(junk) below which a heading inside the region
	// that introduces kept text is kept.
	headingKeep = 0.6
	// textHeadingKeep is headingKeep for a text export's lines that look
	// like headings (see isTextHeading): the model scores such lines high,
	// as it does menu labels. Text F1 on wceb1000 and zh-dev without the
	// rule 0.7687 and 0.8923; with it, at 0.75, 0.7745 and 0.8942 (before
	// recentre, and before a kept heading stopped counting as the prose
	// after the line above it); 0.85: 0.7748 and 0.8935; with a next line of
	// any length, so that runs of short lines before prose are kept, 0.7783
	// and 0.8889; of 80 runes, 0.7732 and 0.8926. trafilatura's comparison
	// set (train split; see recentreTarget for the commands), text snippet
	// F 0.8184 -> 0.8244.
	textHeadingKeep = 0.75
)

// A text line is taken for a heading (see isTextHeading) when it has at
// most textHeadingMaxRunes runes and the line after it at least
// textHeadingNextRunes.
const (
	textHeadingMaxRunes  = 80
	textHeadingNextRunes = 40
)

// isTextHeading reports whether line, a line of a text export, reads as the
// heading of next: short, ending no sentence, before a line of prose.
func isTextHeading(line, next *extract.Block) bool {
	return line.Runes() <= textHeadingMaxRunes && !line.EndsSentence() && next.Runes() >= textHeadingNextRunes
}

// decide returns which blocks make the article. Without probabilities
// (Fast) it is the stage-1 region. With them, a block inside the region is
// kept unless it is junk (on HTML: unless the model is sure of it, or the
// page's own split of its region, see regionCut, puts it with the junk; a
// cell of a data table only when the model is all but sure; on text, a line
// of a run apart from the main one, see textSideRun, on a stricter cut, and
// a table's line on a laxer one, see textDataCell),
// and a block at the region's edge or outside it is kept when the model is
// confident it is content. A page whose region had text never comes out
// empty. threshold is the caller's (0: the defaults).
func decide(doc *extract.Document, p []float64, threshold float64) []bool {
	keep := make([]bool, len(doc.Blocks))
	inside := threshold
	if inside <= 0 {
		inside = htmlInside
	}
	// cut is the page's own cut inside the region (see regionCut); the
	// cells of data tables (short figures the model takes for junk) have a
	// cut of their own, htmlDataCell.
	cut, cellCut := inside, inside
	if threshold <= 0 && p != nil && doc.Kind == extract.KindHTML {
		cut = min(inside, regionCut(doc, p))
		cellCut = htmlDataCell
	}
	// cand marks blocks outside the region that the model is confident of.
	cand := make([]bool, len(doc.Blocks))
	for i, b := range doc.Blocks {
		switch {
		case p == nil:
			keep[i] = b.Region == extract.RegionInside
		case b.Thread:
			// a blog post's comments, by their titles: whatever the model says
		case doc.Kind == extract.KindHTML && b.Region == extract.RegionInside:
			if b.DataCell {
				keep[i] = p[i] < cellCut
			} else {
				keep[i] = p[i] < cut
			}
		case doc.Kind == extract.KindHTML && b.Region == extract.RegionEdge:
			cand[i] = p[i] < htmlEdge
		case doc.Kind == extract.KindHTML:
			cand[i] = p[i] < htmlOutside
		case b.Region == extract.RegionInside && b.DataCell:
			keep[i] = p[i] < min(threshold*textDataCell, htmlDataCell)
		case b.Region == extract.RegionInside && b.SideRun:
			keep[i] = p[i] < threshold*textSideRun
		case b.Region == extract.RegionInside:
			keep[i] = p[i] < threshold
		case b.Region == extract.RegionEdge:
			cand[i] = p[i] < threshold*textEdge
		default:
			cand[i] = p[i] < threshold*textOutside
		}
	}
	for i := range cand {
		keep[i] = keep[i] || cand[i]
	}
	// A section heading inside the region that introduces kept text is kept
	// unless the model is sure it is junk: headings are short and look like
	// junk on their own, but their place says what they are. A text export
	// has no heading tags: there a short line inside the run that ends no
	// sentence and comes right before a kept line of prose is taken for one.
	if p != nil {
		// prose marks the lines kept before any heading is: a text line is
		// a heading only before one of them, so that a run of short lines
		// (a list of headlines) is not kept a line at a time from its end.
		prose := keep
		if doc.Kind == extract.KindText {
			prose = slices.Clone(keep)
		}
		for i := len(keep) - 2; i >= 0; i-- {
			b := &doc.Blocks[i]
			if keep[i] || !keep[i+1] || b.Region != extract.RegionInside {
				continue
			}
			keep[i] = b.Heading && p[i] < headingKeep ||
				doc.Kind == extract.KindText && prose[i+1] && p[i] < textHeadingKeep && isTextHeading(b, &doc.Blocks[i+1])
		}
	}
	if p != nil && doc.Kind == extract.KindHTML {
		trimEdges(p, keep, min(htmlTrim, inside))
	}
	for _, k := range keep {
		if k {
			return keep
		}
	}
	// Guard: fall back to the region (on text, as stage 2 placed it), then
	// to the whole page.
	found := false
	for i, b := range doc.Blocks {
		keep[i] = b.Region == extract.RegionInside
		found = found || keep[i]
	}
	if !found {
		for i := range keep {
			keep[i] = true
		}
	}
	return keep
}

// trimEdges drops the runs of likely junk at the start and end of the kept
// blocks: kept blocks at or above trim until the first (last) one below it.
// Cells of data tables are trimmed like any block (sparing them scored
// lower: 5-fold CV HTML F1 0.8020 against 0.8025 on wceb1000).
func trimEdges(p []float64, keep []bool, trim float64) {
	for i := range keep {
		if !keep[i] {
			continue
		}
		if p[i] < trim {
			break
		}
		keep[i] = false
	}
	for i := len(keep) - 1; i >= 0; i-- {
		if !keep[i] {
			continue
		}
		if p[i] < trim {
			break
		}
		keep[i] = false
	}
}

// repeats marks the kept blocks whose text repeats an earlier kept block
// word for word: pages often carry the article twice or three times (a
// desktop and a mobile copy, a tab per variant), and a reader wants it once.
// Short blocks (a "Note", a price) repeat legitimately and are left alone.
func repeats(doc *extract.Document, keep []bool) []bool {
	repeat := make([]bool, len(doc.Blocks))
	seen := make(map[string]bool)
	for i, b := range doc.Blocks {
		if !keep[i] || len(b.Text) < repeatMinBytes {
			continue
		}
		repeat[i] = seen[b.Text]
		seen[b.Text] = true
	}
	return repeat
}

// repeatMinBytes is the length from which a repeated block is left out.
const repeatMinBytes = 40

// A page's own split of its region. Sites differ in how sure the model is
// of their lines, so one cut for every page leaves some pages' junk in:
// within one page, though, the model usually ranks its lines well. When the
// region's blocks fall into two clearly separated groups by P(junk) (Otsu's
// two-class split, blocks weighted by their length), the cut between the
// groups is used if it is below the global one. The group of likely content
// must hold a fair share of the region, so that a page of clean prose with a
// few odd lines is not cut in half. Tuned by 5-fold cross-validation on the
// training splits: HTML F1 0.9167 -> 0.9237 on zh-dev, 0.7876 -> 0.7877 on wceb1000.
const (
	cutMinGap    = 0.25 // least difference of the two groups' mean P(junk)
	cutMinShare  = 0.2  // least share of the region's text in the content group
	cutMinBlocks = 4    // fewer blocks inside than this: no split
)

// regionCut returns the P(junk) that splits the region's blocks (the cells
// of data tables aside) into two clearly separated groups, or 1 when they do
// not split (see cutMinGap).
func regionCut(doc *extract.Document, p []float64) float64 {
	type weighted struct{ p, w float64 }
	var xs []weighted
	total, sum := 0.0, 0.0
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Region != extract.RegionInside || b.DataCell {
			continue
		}
		w := float64(b.Runes())
		xs = append(xs, weighted{p[i], w})
		total += w
		sum += w * p[i]
	}
	if len(xs) < cutMinBlocks {
		return 1
	}
	slices.SortFunc(xs, func(a, b weighted) int { return cmp.Compare(a.p, b.p) })
	best, cut := 0.0, 1.0
	var gap, share float64
	w0, s0 := 0.0, 0.0
	for i := 0; i+1 < len(xs); i++ {
		w0 += xs[i].w
		s0 += xs[i].w * xs[i].p
		w1 := total - w0
		if xs[i].p == xs[i+1].p || w0 == 0 || w1 == 0 {
			continue
		}
		m0, m1 := s0/w0, (sum-s0)/w1
		// Otsu: the split of largest between-group variance.
		if v := w0 * w1 * (m1 - m0) * (m1 - m0); v > best {
			best, cut = v, (xs[i].p+xs[i+1].p)/2
			gap, share = m1-m0, w0/total
		}
	}
	if gap < cutMinGap || share < cutMinShare {
		return 1
	}
	return cut
}
