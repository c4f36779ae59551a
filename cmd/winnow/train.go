package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/training"
)

// listFlag is a flag that may be given many times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func runTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var in, unlearn, dev listFlag
	fs := newFlagSet("train", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: winnow train --in FILE... --out MODEL [flags]

Build or update a line model from labelled lines (JSON lines of
{"text","label","features"?,"page"?}). Lines without features are treated as
the lines of a text export, page by page, in file order.

With --pin the lines of --in are also pinned: a line with the same text
(ignoring case, white space and full-width forms) then always gets its
label, on every page, whatever the counts say. Pin small files of
corrections, not corpora. --unlearn takes the lines' pins back too.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.Var(&in, "in", "labelled lines to learn (repeatable; FILE or FILE:WEIGHT to count each line WEIGHT times)")
	fs.Var(&unlearn, "unlearn", "labelled lines to take back, and unpin (repeatable; must have been learned)")
	pin := fs.Bool("pin", false, "also pin the lines of --in to their labels (for corrections; off for corpus-scale training)")
	fs.Var(&dev, "dev", "labelled lines to report accuracy on (repeatable)")
	var corpora listFlag
	fs.Var(&corpora, "corpus", "also learn the train split of this corpus, labelled as winnow label does in both html and text modes (repeatable)")
	recipe := fs.String("recipe", "", `"default": the recipe of the embedded model (testdata/labelled counted 20 times, --prune 3, --word-cap 6, --threshold 0.6); combine with --corpus`)
	out := fs.String("out", "", "where to write the model (required)")
	base := fs.String("base", "", "start from this model instead of an empty one")
	prune := fs.Int("prune", -1, "drop word tokens seen fewer than N times, 0 keeps all (default 2 for a new model, 0 with --base so that what is learned can be unlearned)")
	threshold := fs.Float64("threshold", 0, "P(junk) threshold stored in the model, the text threshold of clean (default 0.5; the base model's with --base; 0.6 with --recipe default)")
	wordCap := fs.Float64("word-cap", 0, "K: word tokens whose evidence counts in full (default 12)")
	note := fs.String("note", "", "free text stored in the model")
	reproducible := fs.Bool("reproducible", false, "store no training time, so the same inputs give the same bytes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &usageError{"train: --out is required"}
	}
	switch *recipe {
	case "":
	case "default":
		r := training.DefaultRecipe(defaultHandDir)
		for _, h := range r.Hand {
			in = append(in, fmt.Sprintf("%s:%d", h, r.HandWeight))
		}
		if *prune < 0 {
			*prune = r.Prune
		}
		if *wordCap == 0 {
			*wordCap = r.Info.WordCap
		}
		if *threshold == 0 {
			*threshold = r.Info.Threshold
		}
		if *note == "" {
			*note = r.Info.Note
		}
	default:
		return &usageError{fmt.Sprintf("train: unknown recipe %q (want default)", *recipe)}
	}
	if len(in) == 0 && len(unlearn) == 0 && len(corpora) == 0 {
		return &usageError{"train: give --in, --corpus or --unlearn"}
	}
	counts := classifier.NewCounts()
	var version int64
	if *base != "" {
		m, err := classifier.LoadFile(*base)
		if err != nil {
			return err
		}
		counts = m.Counts()
		version = m.Info().Version
		if *threshold == 0 {
			*threshold = m.Info().Threshold
		}
		if *wordCap == 0 {
			*wordCap = m.Info().WordCap
		}
	}
	if *prune < 0 {
		*prune = 2
		if *base != "" {
			*prune = 0
		}
	}
	for _, arg := range in {
		path, weight, err := splitWeight(arg)
		if err != nil {
			return err
		}
		samples, err := training.ReadLabelled(path)
		if err != nil {
			return err
		}
		for range weight {
			training.LearnPages(counts, samples)
		}
		if *pin {
			if err := counts.Pin(samples...); err != nil {
				return fmt.Errorf("pin %s: %w", path, err)
			}
		}
	}
	for _, dir := range corpora {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		if err := needBodies("train --corpus", c, eval.SplitTrain); err != nil {
			return err
		}
		pages, failed, err := training.LabelCorpus(ctx, c, eval.SplitTrain.Has)
		if err != nil {
			return err
		}
		for i := range pages {
			training.LearnPages(counts, pages[i].HTML)
			training.LearnPages(counts, pages[i].Text)
		}
		fmt.Fprintf(stderr, "corpus %s: learned %d train pages (%d skipped: unparsable, or no article body in the truth)\n", c.Name, len(pages), failed)
	}
	for _, path := range unlearn {
		samples, err := training.ReadLabelled(path)
		if err != nil {
			return err
		}
		if err := training.UnlearnPages(counts, samples); err != nil {
			return fmt.Errorf("unlearn %s: %w", path, err)
		}
		if err := counts.Unpin(samples...); err != nil {
			return fmt.Errorf("unlearn %s: %w", path, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if *prune > 0 {
		counts.Prune(*prune)
	}
	info := classifier.Info{Version: version + 1, Threshold: *threshold, WordCap: *wordCap, Note: *note}
	if !*reproducible {
		info.TrainedAt = time.Now()
	}
	model := counts.ModelWith(info)
	if err := classifier.SaveFile(*out, model); err != nil {
		return err
	}
	mi := model.Info()
	fmt.Fprintf(stdout, "model %s: version %d, content %d, junk %d samples, vocabulary %d",
		*out, mi.Version, mi.Samples[classifier.Content], mi.Samples[classifier.Junk], mi.Vocabulary)
	if mi.Pinned > 0 {
		fmt.Fprintf(stdout, ", %d pinned lines", mi.Pinned)
	}
	fmt.Fprintln(stdout)
	for _, path := range dev {
		samples, err := training.ReadLabelled(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "dev %s: %s\n", path, accuracy(model, samples))
	}
	return nil
}

// accuracy summarises a model's decisions on labelled samples.
func accuracy(m *classifier.Model, samples []classifier.Sample) string {
	var tp, fp, fn, tn int // junk is the positive class
	for _, s := range samples {
		got := m.Classify(s.Text, s.Features)
		switch {
		case got == classifier.Junk && s.Label == classifier.Junk:
			tp++
		case got == classifier.Junk:
			fp++
		case s.Label == classifier.Junk:
			fn++
		default:
			tn++
		}
	}
	n := tp + fp + fn + tn
	if n == 0 {
		return "no samples"
	}
	prec, rec := 0.0, 0.0
	if tp+fp > 0 {
		prec = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		rec = float64(tp) / float64(tp+fn)
	}
	return fmt.Sprintf("%d samples, accuracy %.3f, junk precision %.3f recall %.3f",
		n, float64(tp+tn)/float64(n), prec, rec)
}

// defaultHandDir holds the hand-labelled lines of the default recipe,
// relative to the repository root.
const defaultHandDir = "testdata/labelled"

// splitWeight splits "FILE:N" into the file and its weight (1 when absent).
func splitWeight(arg string) (string, int, error) {
	i := strings.LastIndexByte(arg, ':')
	if i < 0 {
		return arg, 1, nil
	}
	n, err := strconv.Atoi(arg[i+1:])
	if err != nil {
		return arg, 1, nil // a colon in the file name, not a weight
	}
	if n < 1 || n > 1000 {
		return "", 0, &usageError{fmt.Sprintf("train: weight %d of %s must be between 1 and 1000", n, arg[:i])}
	}
	return arg[:i], n, nil
}
