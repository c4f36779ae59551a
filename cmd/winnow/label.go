package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/training"
)

func runLabel(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("label", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: winnow label [flags] CORPUS...

Segment every page of the corpora exactly as clean does and label its blocks
from the ground truth: content when most of a block's token trigrams are in the
article body, junk when almost none are; ambiguous blocks are left out. Writes
JSON lines {"text","features","label","page","corpus"}.

Flags:
`)
		fs.PrintDefaults()
	}
	out := fs.String("out", "-", "output file (- for stdout)")
	pf := addPageFlags(fs, "train", "pages to label: train, dev or all")
	mode := fs.String("mode", "html", "html: the page's blocks; text: the lines of its text export")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sp, filters, err := pf.parse("label", fs)
	if err != nil {
		return err
	}
	if *mode != "html" && *mode != "text" {
		return &usageError{fmt.Sprintf("label: --mode must be html or text, not %q", *mode)}
	}
	// Load every corpus first: a corpus whose truth has snippets but no
	// article bodies has nothing to label from, and says so before any
	// output file is made.
	var corpora []*eval.Corpus
	for _, dir := range fs.Args() {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		c = filterCorpus(c, filters...).Filter(sp.Has)
		if c.SnippetsOnly() {
			return fmt.Errorf("label: corpus %s: no page of the %s split (and folds) asked for has an article body in its truth (snippets only): nothing to label from", c.Name, sp)
		}
		corpora = append(corpora, c)
	}
	w := stdout
	// A file is written under a temporary name beside it and renamed when
	// complete, so an interrupted run leaves no half-written labels.
	var fh *os.File
	if *out != "-" {
		if fh, err = os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".*"); err != nil {
			return err
		}
		defer func() {
			fh.Close()
			os.Remove(fh.Name()) // gone already when renamed
		}()
		w = fh
	}
	bw := bufio.NewWriter(w)
	var counts [2]int
	for _, c := range corpora {
		noBody := 0
		for _, page := range c.Pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !page.HasBody() {
				noBody++
				continue
			}
			samples, err := labelPage(ctx, c, page, *mode)
			if err != nil {
				fmt.Fprintf(stderr, "winnow: label %s/%s: %v\n", c.Name, page.ID, err)
				continue
			}
			for _, s := range samples {
				counts[s.Label]++
			}
			if err := classifier.WriteSamples(bw, samples); err != nil {
				return err
			}
		}
		if noBody > 0 {
			fmt.Fprintf(stderr, "winnow: label %s: skipped, as %v: %d page(s)\n", c.Name, eval.ErrNoBody, noBody)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if fh != nil {
		if err := fh.Close(); err != nil {
			return err
		}
		if err := os.Chmod(fh.Name(), 0o644); err != nil {
			return err
		}
		if err := os.Rename(fh.Name(), *out); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "labelled %d content and %d junk blocks\n", counts[classifier.Content], counts[classifier.Junk])
	return nil
}

// labelPage labels one corpus page's blocks (html mode) or text-export lines
// (text mode), exactly as train --corpus and the cross-validation do.
func labelPage(ctx context.Context, c *eval.Corpus, page eval.Page, mode string) ([]classifier.Sample, error) {
	lp, err := training.LabelPage(ctx, c, page)
	if err != nil {
		return nil, err
	}
	if mode == "text" {
		return lp.Text, nil
	}
	return lp.HTML, nil
}
