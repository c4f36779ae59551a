package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
)

// Labelled fixtures: train.jsonl has 3 pages (10 content, 13 junk lines),
// extra.jsonl one more page (3 content, 3 junk), none with features.
const (
	trainPath = "testdata/train.jsonl"
	extraPath = "testdata/extra.jsonl"
)

// loadModel loads a model file or fails the test.
func loadModel(t *testing.T, path string) *classifier.Model {
	t.Helper()
	m, err := classifier.LoadFile(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return m
}

// train runs "winnow train --out <tmp>/name args..." and returns the model path.
func train(t *testing.T, name string, args ...string) (path, stdout string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), name)
	r := mustRun(t, nil, append([]string{"train", "--out", path}, args...)...)
	return path, r.stdout
}

func TestTrain(t *testing.T) {
	path, stdout := train(t, "m.model", "--in", trainPath, "--dev", extraPath)
	wantHead := fmt.Sprintf("model %s: version 1, content 10, junk 13 samples, vocabulary ", path)
	if !strings.HasPrefix(stdout, wantHead) {
		t.Errorf("stdout = %q, want it to start with %q", stdout, wantHead)
	}
	if want := "dev " + extraPath + ": 6 samples, accuracy "; !strings.Contains(stdout, want) {
		t.Errorf("stdout = %q, want a dev line %q", stdout, want)
	}
	m := loadModel(t, path)
	info := m.Info()
	if info.Samples != [2]int{10, 13} {
		t.Errorf("samples = %v, want [content 10, junk 13]", info.Samples)
	}
	if info.Version != 1 || info.TrainedAt.IsZero() {
		t.Errorf("version %d, trained at %v; want 1 and a time", info.Version, info.TrainedAt)
	}
	if !strings.Contains(stdout, fmt.Sprintf("vocabulary %d\n", info.Vocabulary)) {
		t.Errorf("stdout = %q, want vocabulary %d", stdout, info.Vocabulary)
	}
	// The model learned its own data.
	if got := m.Classify("Copyright 2026 Example News. All rights reserved.", nil); got != classifier.Junk {
		t.Errorf("a learned junk line is classified %v", got)
	}

	// clean uses it.
	r := mustRun(t, nil, "clean", "--model", path, "--format", "json", articlePath)
	var got jsonOut
	if err := jsonUnmarshal(r.stdout, &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text, "Sea otters hold hands") {
		t.Errorf("clean --model lost the article: %q", got.Text)
	}
}

func TestTrainFlagsStored(t *testing.T) {
	path, _ := train(t, "m.model", "--reproducible", "--in", trainPath, "--threshold", "0.7", "--word-cap", "20", "--note", "fixture")
	info := loadModel(t, path).Info()
	if info.Threshold != 0.7 || info.WordCap != 20 || info.Note != "fixture" || !info.TrainedAt.IsZero() {
		t.Errorf("info = %+v, want threshold 0.7, word cap 20, note fixture, no training time", info)
	}
}

func TestTrainReproducible(t *testing.T) {
	a, _ := train(t, "a.model", "--reproducible", "--in", trainPath, "--in", extraPath)
	b, _ := train(t, "b.model", "--reproducible", "--in", trainPath, "--in", extraPath)
	if !bytes.Equal(readFile(t, a), readFile(t, b)) {
		t.Errorf("two --reproducible runs on the same inputs gave different model files")
	}
}

// TestTrainBaseUnlearn learns a file on top of a base model, then takes it
// back, and checks the counts return to the base's. --prune 0 keeps every
// token, so that everything learned can be unlearned.
func TestTrainBaseUnlearn(t *testing.T) {
	a, _ := train(t, "a.model", "--reproducible", "--prune", "0", "--in", trainPath)
	b, stdout := train(t, "b.model", "--reproducible", "--prune", "0", "--base", a, "--in", extraPath)
	if !strings.Contains(stdout, "version 2, content 13, junk 16 samples") {
		t.Errorf("learning on a base: stdout = %q, want version 2 and the summed counts", stdout)
	}
	c, _ := train(t, "c.model", "--reproducible", "--prune", "0", "--base", b, "--unlearn", extraPath)

	ia, ib, ic := loadModel(t, a).Info(), loadModel(t, b).Info(), loadModel(t, c).Info()
	if ib.Samples != [2]int{13, 16} {
		t.Errorf("base + extra: samples %v, want [13 16]", ib.Samples)
	}
	if ic.Samples != ia.Samples {
		t.Errorf("after unlearn: samples %v, want the base's %v", ic.Samples, ia.Samples)
	}
	if ic.Vocabulary != ia.Vocabulary {
		t.Errorf("after unlearn: vocabulary %d, want the base's %d", ic.Vocabulary, ia.Vocabulary)
	}
	if ic.Version != 3 {
		t.Errorf("after unlearn: version %d, want 3", ic.Version)
	}
	// Per-line scores are back too.
	ma, mc := loadModel(t, a), loadModel(t, c)
	for _, line := range []string{"Bees dance to tell each other where flowers are", "Sign in", "Sponsored links"} {
		if pa, pc := ma.PJunk(line, nil), mc.PJunk(line, nil); pa != pc {
			t.Errorf("PJunk(%q): base %v, after learn+unlearn %v", line, pa, pc)
		}
	}
}

// TestTrainUnlearnTakesBackSequences checks that unlearning a file also takes
// back the label transitions its pages taught the sequence model.
func TestTrainUnlearnTakesBackSequences(t *testing.T) {
	a, _ := train(t, "a.model", "--reproducible", "--prune", "0", "--in", trainPath)
	b, _ := train(t, "b.model", "--reproducible", "--prune", "0", "--base", a, "--in", extraPath)
	c, _ := train(t, "c.model", "--reproducible", "--prune", "0", "--base", b, "--unlearn", extraPath)
	pj := []float64{0.9, 0.2, 0.6, 0.1, 0.1, 0.8, 0.9}
	sa, sc := loadModel(t, a).Smooth(pj), loadModel(t, c).Smooth(pj)
	if !slices.Equal(sa, sc) {
		t.Errorf("Smooth after learn+unlearn = %v, want the base's %v", sc, sa)
	}
}

// TestTrainUnlearnWithDefaultPrune runs the README's workflow with default
// flags: learn a file on a base, then take it back.
func TestTrainUnlearnWithDefaultPrune(t *testing.T) {
	a, _ := train(t, "a.model", "--in", trainPath)
	b, _ := train(t, "b.model", "--base", a, "--in", extraPath)
	c, _ := train(t, "c.model", "--base", b, "--unlearn", extraPath)
	if got, want := loadModel(t, c).Info().Samples, loadModel(t, a).Info().Samples; got != want {
		t.Errorf("after unlearn: samples %v, want %v", got, want)
	}
}

func TestTrainBaseKeepsThreshold(t *testing.T) {
	a, _ := train(t, "a.model", "--in", trainPath, "--threshold", "0.7")
	b, _ := train(t, "b.model", "--base", a, "--in", extraPath)
	if got := loadModel(t, b).Info().Threshold; got != 0.7 {
		t.Errorf("threshold = %v, want the base's 0.7", got)
	}
	c, _ := train(t, "c.model", "--base", a, "--in", extraPath, "--threshold", "0.6")
	if got := loadModel(t, c).Info().Threshold; got != 0.6 {
		t.Errorf("threshold = %v, want the flag's 0.6", got)
	}
}

func TestTrainBaseKeepsWordCap(t *testing.T) {
	a, _ := train(t, "a.model", "--in", trainPath, "--word-cap", "20")
	b, _ := train(t, "b.model", "--base", a, "--in", extraPath)
	if got := loadModel(t, b).Info().WordCap; got != 20 {
		t.Errorf("word cap = %v, want the base's 20", got)
	}
}

func TestTrainErrors(t *testing.T) {
	const good = `{"text": "Sign in", "label": "junk", "page": "p"}` + "\n"
	tests := []struct {
		name    string
		data    string
		args    []string // after --in FILE
		wantErr []string // substrings of the error
	}{
		{
			name:    "malformed line",
			data:    good + good + `{"text": "oops", "label": ` + "\n" + good,
			wantErr: []string{"line 3"},
		},
		{
			name:    "unknown label",
			data:    good + `{"text": "x y z", "label": "spam", "page": "p"}` + "\n",
			wantErr: []string{"line 2"},
		},
		{
			name:    "misspelt field",
			data:    good + good + good + `{"txt": "x y z", "label": "junk", "page": "p"}` + "\n",
			wantErr: []string{"line 4"},
		},
		{
			name:    "no label",
			data:    `{"text": "x y z", "page": "p"}` + "\n",
			wantErr: []string{"line 1"},
		},
		{
			name:    "empty text",
			data:    good + `{"text": "", "label": "junk", "page": "p"}` + "\n",
			wantErr: []string{`page "p"`},
		},
		{
			name:    "unlearn never learned",
			data:    good,
			args:    []string{"--unlearn", extraPath},
			wantErr: []string{"unlearn", extraPath},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := writeFile(t, "in.jsonl", []byte(tt.data))
			out := filepath.Join(t.TempDir(), "out.model")
			args := append([]string{"train", "--out", out, "--in", in}, tt.args...)
			r := runCmd(t, nil, args...)
			if r.code != 1 {
				t.Fatalf("exit %d (err %v), want 1", r.code, r.err)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(r.err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", r.err, want)
				}
			}
			if tt.args == nil && !strings.Contains(r.err.Error(), in) {
				t.Errorf("err = %q, want it to name the file %s", r.err, in)
			}
			if _, err := classifier.LoadFile(out); err == nil {
				t.Errorf("a model was written despite the error")
			}
		})
	}
}

func TestTrainMissingInput(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.jsonl")
	r := runCmd(t, nil, "train", "--out", filepath.Join(t.TempDir(), "m.model"), "--in", missing)
	if r.code != 1 || !strings.Contains(r.err.Error(), missing) {
		t.Errorf("exit %d, err %v; want 1 and an error naming %s", r.code, r.err, missing)
	}
}

func TestTrainBadBase(t *testing.T) {
	base := writeFile(t, "base.model", []byte("garbage"))
	r := runCmd(t, nil, "train", "--out", filepath.Join(t.TempDir(), "m.model"), "--base", base, "--in", trainPath)
	if r.code != 1 || !strings.Contains(r.err.Error(), base) {
		t.Errorf("exit %d, err %v; want 1 and an error naming %s", r.code, r.err, base)
	}
}

// TestTrainPin checks --pin: the lines of --in are pinned (a line with the
// same text is exactly junk or content, in any case and spacing), --pin is
// off by default, and --unlearn takes the pins back.
func TestTrainPin(t *testing.T) {
	base, _ := train(t, "base.model", "--reproducible", "--prune", "0", "--in", trainPath)
	plain, _ := train(t, "plain.model", "--reproducible", "--prune", "0", "--base", base, "--in", extraPath)
	if n := loadModel(t, plain).Info().Pinned; n != 0 {
		t.Errorf("without --pin: %d pinned lines", n)
	}
	pinned, stdout := train(t, "pinned.model", "--reproducible", "--prune", "0", "--base", base, "--in", extraPath, "--pin")
	if !strings.Contains(stdout, ", 6 pinned lines\n") {
		t.Errorf("stdout = %q, want the pinned count", stdout)
	}
	mp, mplain := loadModel(t, pinned), loadModel(t, plain)
	if mp.Info().Pinned != 6 || mp.Info().Samples != mplain.Info().Samples {
		t.Fatalf("--pin: %+v, want 6 pinned lines and the counts of %+v", mp.Info(), mplain.Info())
	}
	for line, want := range map[string]float64{
		"Download our app for the best experience":         1,
		"  DOWNLOAD OUR APP  for the best experience":      1,
		"Bees dance to tell each other where flowers are":  0,
		"bees dance to tell each other where flowers are ": 0,
	} {
		for _, feats := range [][]string{nil, {"tag=a", "link=high", "region=outside"}} {
			if got := mp.PJunk(line, feats); got != want {
				t.Errorf("--pin: PJunk(%q, %v) = %g, want exactly %g", line, feats, got, want)
			}
		}
		if got := mplain.PJunk(line, nil); got == want {
			t.Errorf("without --pin: PJunk(%q) = %g, exactly the pinned value", line, got)
		}
	}
	// --unlearn takes back the counts and the pins.
	back, _ := train(t, "back.model", "--reproducible", "--prune", "0", "--base", pinned, "--unlearn", extraPath)
	mb, ma := loadModel(t, back), loadModel(t, base)
	if mb.Info().Pinned != 0 || mb.Info().Samples != ma.Info().Samples {
		t.Errorf("after --unlearn: %+v", mb.Info())
	}
	if got, want := mb.PJunk("Sponsored links", nil), ma.PJunk("Sponsored links", nil); got != want {
		t.Errorf("after --unlearn: PJunk %g, base %g", got, want)
	}
}

// TestDefaultModelIsRebuilt runs the README's rebuild command for the
// embedded model and compares the bytes: a change to segmentation or stage 1
// changes the labels, and the model embedded must be the one the documented
// command makes from the code as it is. It needs the shared corpora, and
// takes a minute under -race: -short skips it (CI runs it).
func TestDefaultModelIsRebuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the model rebuild check trains on the shared corpora")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "..", "shared", "data")
	for _, c := range []string{"wceb1000", "zh-dev"} {
		if _, err := os.Stat(filepath.Join(data, c, "ground-truth.json")); err != nil {
			t.Skipf("shared corpus %s absent: %v", c, err)
		}
	}
	t.Chdir(root)
	out := filepath.Join(t.TempDir(), "default.model")
	mustRun(t, nil, "train", "--recipe", "default", "--reproducible",
		"--corpus", filepath.Join(data, "wceb1000"), "--corpus", filepath.Join(data, "zh-dev"), "--out", out)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("classifier", "default.model"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the rebuild command makes a model of %d bytes that differs from classifier/default.model (%d bytes): rebuild it with that command (README, \"The default model\")", len(got), len(want))
	}
}
