package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/training"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: winnow eval [flags] CORPUS...

Score winnow on corpora (DIR/html/<id>.html.gz + DIR/ground-truth.json): shingle
precision, recall and F1 (per character for CJK pages), snippet scores, empty
outputs, errors and pages/s.

Flags:
`)
		fs.PrintDefaults()
	}
	pf := addPageFlags(fs, "dev", "pages to score: dev, train or all")
	input := fs.String("input", "html", "html: clean the pages; text: clean each page's text export (its visible text, one block a line)")
	wrap := fs.Int("wrap", 0, "with --input text: fill each text export's lines to N columns, as lynx -dump fills them (no blank line between paragraphs), before cleaning it; text input joins back widths of 40 to 160")
	textCmd := fs.String("text-cmd", "", "with --input text: make each text export with this shell command instead of winnow's own: it gets the page's HTML, decoded to UTF-8 after a byte order mark, on its standard input and prints the export (e.g. 'lynx -dump -nolist -display_charset=utf-8 -stdin'); pages/s then counts the command's time too")
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	fast := fs.Bool("fast", false, "stage 1 only")
	threshold := fs.Float64("threshold", 0, "P(junk) at or above which a block inside the article is dropped (default: the model's for text, 0.6 for the default model; 0.85 for HTML)")
	asJSON := fs.Bool("json", false, "print the reports as JSON")
	pages := fs.Int("pages", 0, "also list the N worst pages")
	workers := fs.Int("j", 1, "pages cleaned at once (1 for single-threaded timing)")
	ceiling := fs.Bool("ceiling", false, "score the best choice of the page's blocks (html) or its export's lines (text) made with the truth: what the segmentation allows (no model)")
	cv := fs.Int("cv", 0, "k-fold cross-validation over the --split pages: score every page with a model trained (default recipe) without it")
	var trainCorpora listFlag
	fs.Var(&trainCorpora, "train-corpus", "with --cv: also learn the train split of this corpus (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sp, filters, err := pf.parse("eval", fs)
	if err != nil {
		return err
	}
	if *input != "html" && *input != "text" {
		return &usageError{fmt.Sprintf("eval: --input must be html or text, not %q", *input)}
	}
	if *wrap < 0 || *wrap > 0 && *input != "text" {
		return &usageError{"eval: --wrap N hard-wraps text exports: give N > 0 and --input text"}
	}
	if *textCmd != "" && (*input != "text" || *wrap > 0) {
		return &usageError{"eval: --text-cmd makes text exports: give --input text, and no --wrap (the command wraps them, if at all)"}
	}
	exporter := textExporter{cmd: *textCmd, wrap: *wrap}
	if len(trainCorpora) > 0 && *cv == 0 {
		return &usageError{"eval: --train-corpus is learned by the models of --cv; give --cv k"}
	}
	if *ceiling && (*cv != 0 || *modelPath != "" || *fast || *threshold != 0) {
		return &usageError{"eval: --ceiling uses no model (no --cv, --model, --fast or --threshold)"}
	}
	if *workers < 1 {
		*workers = runtime.NumCPU()
	}
	opts := &winnow.Options{Fast: *fast, Threshold: *threshold}
	if *modelPath != "" {
		m, err := classifier.LoadFile(*modelPath)
		if err != nil {
			return err
		}
		opts.Model = m
	} else if !*fast && !*ceiling {
		m, err := classifier.Default()
		if err != nil {
			return err
		}
		opts.Model = m
	}
	extractorFor, inputName := htmlExtractor, *input
	if *input == "text" {
		extractorFor = func(o *winnow.Options) eval.Extractor { return textExtractor(o, exporter) }
		inputName = exporter.name()
	}
	ex := extractorFor(opts)
	name := "winnow"
	if *fast {
		name = "winnow --fast"
	}
	if *ceiling {
		ex, name = ceilingExtractor(*input == "text", exporter), "ceiling"
	}
	if *cv != 0 && (*cv < 2 || *modelPath != "" || *fast) {
		return &usageError{"eval: --cv needs k >= 2 and trains its own models (no --model, no --fast)"}
	}
	var base []training.Page
	for _, dir := range trainCorpora {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		if err := needBodies("eval --train-corpus", c, eval.SplitTrain); err != nil {
			return err
		}
		pages, _, err := training.LabelCorpus(ctx, c, eval.SplitTrain.Has)
		if err != nil {
			return err
		}
		base = append(base, pages...)
	}
	var reports []*eval.Report
	for _, dir := range fs.Args() {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		c = filterCorpus(c, filters...)
		if *ceiling {
			// The ceiling chooses blocks by the article body: it scores the
			// pages that have one.
			inSplit := c.Filter(sp.Has)
			c = inSplit.WithBodies()
			if len(c.Pages) < len(inSplit.Pages) {
				fmt.Fprintf(stderr, "winnow: eval --ceiling: corpus %s: %d of the %d pages of the %s split have an article body in their truth; the ceiling scores those\n",
					c.Name, len(c.Pages), len(inSplit.Pages), sp)
			}
			if len(c.Pages) == 0 {
				continue
			}
		}
		var rep *eval.Report
		if *cv > 0 {
			c = c.Filter(sp.Has)
			if c.SnippetsOnly() {
				fmt.Fprintf(stderr, "winnow: eval --cv: corpus %s has no article bodies (snippets only): its folds' models learn nothing from it\n", c.Name)
			}
			rep, err = crossValidate(ctx, c, base, *cv, inputName, *threshold, *workers, extractorFor)
		} else {
			rep, err = eval.Run(ctx, c, sp, name+" ("+inputName+")", ex, *workers)
		}
		if err != nil {
			return err
		}
		reports = append(reports, rep)
		if !*asJSON {
			if err := rep.WriteText(stdout, *pages); err != nil {
				return err
			}
		}
	}
	if *ceiling && len(reports) == 0 {
		return fmt.Errorf("eval --ceiling: no page of the %s split has an article body in its truth to choose blocks by", sp)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reports)
	}
	return nil
}

// htmlExtractor cleans a page's HTML.
func htmlExtractor(opts *winnow.Options) eval.Extractor {
	return func(ctx context.Context, raw []byte, _ eval.Page) (string, error) {
		res, err := winnow.CleanBytes(ctx, raw, opts)
		if err != nil {
			return "", err
		}
		return res.Text, nil
	}
}

// textExtractor turns a page into its text export (see textExporter), then
// cleans that as text input.
func textExtractor(opts *winnow.Options, exporter textExporter) eval.Extractor {
	return func(ctx context.Context, raw []byte, _ eval.Page) (string, error) {
		text, err := exporter.export(ctx, raw)
		if err != nil {
			return "", err
		}
		o := *opts
		o.Kind = extract.KindText
		res, err := winnow.CleanBytes(ctx, []byte(text), &o)
		if err != nil {
			return "", err
		}
		return res.Text, nil
	}
}

// needBodies returns an error when no page of c that split holds has an
// article body in its truth: cmd (such as "train --corpus") would learn
// nothing from it.
func needBodies(cmd string, c *eval.Corpus, split eval.Split) error {
	if c.Filter(split.Has).SnippetsOnly() {
		return fmt.Errorf("%s: corpus %s: no page of the %s split has an article body in its truth (snippets only): nothing to learn from", cmd, c.Name, split)
	}
	return nil
}

// ceilingExtractor returns, for each page, the best output that keeps or
// drops its blocks (or, with text, the lines of its text export) whole,
// chosen with the page's truth (see [eval.Ceiling]); the text export is
// exporter's.
func ceilingExtractor(text bool, exporter textExporter) eval.Extractor {
	return func(ctx context.Context, raw []byte, page eval.Page) (string, error) {
		if !page.HasBody() {
			return "", eval.ErrNoBody
		}
		input, kind := raw, extract.KindHTML
		if text {
			export, err := exporter.export(ctx, raw)
			if err != nil {
				return "", err
			}
			input, kind = []byte(export), extract.KindText
		}
		doc, err := extract.Extract(ctx, input, extract.Options{Kind: kind})
		if err != nil {
			return "", err
		}
		return eval.Ceiling(doc.Texts(), page.Body), nil
	}
}

// crossValidate scores every page of c with a model of the default recipe
// trained on base and on c's pages outside the page's fold, through the
// extractor that extractorFor makes of the model's options; input names the
// input in the report.
func crossValidate(ctx context.Context, c *eval.Corpus, base []training.Page, k int, input string, threshold float64, workers int, extractorFor func(*winnow.Options) eval.Extractor) (*eval.Report, error) {
	folds, err := training.CrossValidate(ctx, training.DefaultRecipe(defaultHandDir), base, c, k)
	if err != nil {
		return nil, err
	}
	return training.Score(ctx, folds, fmt.Sprintf("winnow %d-fold CV (%s)", k, input), workers, func(m *classifier.Model) eval.Extractor {
		return extractorFor(&winnow.Options{Model: m, Threshold: threshold})
	})
}
