package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/labels"
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

Flags:
`)
		fs.PrintDefaults()
	}
	fs.Var(&in, "in", "labelled lines to learn (repeatable; FILE or FILE:WEIGHT to count each line WEIGHT times)")
	fs.Var(&unlearn, "unlearn", "labelled lines to take back (repeatable; must have been learned)")
	fs.Var(&dev, "dev", "labelled lines to report accuracy on (repeatable)")
	out := fs.String("out", "", "where to write the model (required)")
	base := fs.String("base", "", "start from this model instead of an empty one")
	prune := fs.Int("prune", -1, "drop word tokens seen fewer than N times, 0 keeps all (default 2 for a new model, 0 with --base so that what is learned can be unlearned)")
	threshold := fs.Float64("threshold", 0, "P(junk) threshold stored in the model (default 0.5)")
	wordCap := fs.Float64("word-cap", 0, "K: word tokens whose evidence counts in full (default 12)")
	note := fs.String("note", "", "free text stored in the model")
	reproducible := fs.Bool("reproducible", false, "store no training time, so the same inputs give the same bytes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &usageError{"train: --out is required"}
	}
	if len(in) == 0 && len(unlearn) == 0 {
		return &usageError{"train: give --in or --unlearn"}
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
		samples, err := readSamples(path)
		if err != nil {
			return err
		}
		for range weight {
			learnPages(counts, samples)
		}
	}
	for _, path := range unlearn {
		samples, err := readSamples(path)
		if err != nil {
			return err
		}
		if err := unlearnPages(counts, samples); err != nil {
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
	fmt.Fprintf(stdout, "model %s: version %d, content %d, junk %d samples, vocabulary %d\n",
		*out, mi.Version, mi.Samples[classifier.Content], mi.Samples[classifier.Junk], mi.Vocabulary)
	for _, path := range dev {
		samples, err := readSamples(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "dev %s: %s\n", path, accuracy(model, samples))
	}
	return nil
}

// readSamples reads a JSON-lines file of labelled lines and fills in
// text-mode features where a sample has none.
func readSamples(path string) ([]classifier.Sample, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	samples, err := classifier.ReadSamples(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	samples, err = labels.WithTextFeatures(samples)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return samples, nil
}

// learnPages learns samples and, page by page, their label sequences.
func learnPages(c *classifier.Counts, samples []classifier.Sample) {
	c.Learn(samples...)
	for _, seq := range pageSequences(samples) {
		c.LearnSequence(seq)
	}
}

// unlearnPages takes back what learnPages learned from the same samples.
// On error the samples' counts may be taken back while some transitions are
// not; the caller then writes no model.
func unlearnPages(c *classifier.Counts, samples []classifier.Sample) error {
	for _, seq := range pageSequences(samples) {
		if err := c.UnlearnSequence(seq); err != nil {
			return err
		}
	}
	return c.Unlearn(samples...)
}

// pageSequences returns the label sequence of each page (consecutive
// samples with the same non-empty page id).
func pageSequences(samples []classifier.Sample) [][]classifier.Label {
	var seqs [][]classifier.Label
	for start := 0; start < len(samples); {
		end := start + 1
		for end < len(samples) && samples[end].Page == samples[start].Page {
			end++
		}
		if samples[start].Page != "" {
			seq := make([]classifier.Label, 0, end-start)
			for _, s := range samples[start:end] {
				seq = append(seq, s.Label)
			}
			seqs = append(seqs, seq)
		}
		start = end
	}
	return seqs
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
