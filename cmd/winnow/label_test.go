package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
)

// readSamplesFile reads a JSON-lines samples file or fails the test.
func readSamplesFile(t *testing.T, path string) []classifier.Sample {
	t.Helper()
	samples, err := classifier.ReadSamples(bytes.NewReader(readFile(t, path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return samples
}

func TestLabel(t *testing.T) {
	dir := makeCorpus(t)
	out := filepath.Join(t.TempDir(), "labelled.jsonl")
	r := mustRun(t, nil, "label", "--split", "all", "--out", out, dir)
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing with --out", r.stdout)
	}
	// Written under a temporary name and renamed: nothing else is left.
	if entries, err := os.ReadDir(filepath.Dir(out)); err != nil || len(entries) != 1 {
		t.Errorf("the output's directory holds %v (err %v), want the labels file alone", entries, err)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("labels file: %v, %v; want mode 0644", st, err)
	}
	samples := readSamplesFile(t, out)

	byText := map[string]classifier.Sample{}
	var counts [2]int
	pages := map[string]bool{}
	for _, s := range samples {
		byText[s.Text] = s
		counts[s.Label]++
		pages[s.Page] = true
		if s.Corpus != "tiny" {
			t.Errorf("sample %q: corpus %q, want tiny", s.Text, s.Corpus)
		}
		if !slices.ContainsFunc(s.Features, func(f string) bool { return strings.HasPrefix(f, "tag=") }) {
			t.Errorf("sample %q: features %v, want a tag", s.Text, s.Features)
		}
	}
	if counts[classifier.Content] == 0 || counts[classifier.Junk] == 0 {
		t.Fatalf("labels %v, want content and junk", counts)
	}
	for _, p := range corpusPages {
		if !pages[p.id] {
			t.Errorf("no samples from page %s", p.id)
		}
	}
	want := []struct {
		text  string
		label classifier.Label
		page  string
	}{
		{corpusPages[0].body[1], classifier.Content, "otters"},
		{"Otters hold hands while they sleep", classifier.Content, "otters"},
		{"Copyright 2026 Example News. All rights reserved.", classifier.Junk, "otters"},
		{corpusPages[1].body[2], classifier.Content, "bread"},
		{"Cookie settings | Privacy policy | Terms of use", classifier.Junk, "bread"},
		{corpusPages[2].body[1], classifier.Content, "haita"},
		{"版权所有 未经许可不得转载", classifier.Junk, "haita"},
	}
	for _, w := range want {
		s, ok := byText[w.text]
		if !ok {
			t.Errorf("no sample %q", w.text)
			continue
		}
		if s.Label != w.label || s.Page != w.page {
			t.Errorf("sample %q: %v on page %q, want %v on %q", w.text, s.Label, s.Page, w.label, w.page)
		}
	}
	wantSummary := "labelled " + strconv.Itoa(counts[classifier.Content]) + " content and " + strconv.Itoa(counts[classifier.Junk]) + " junk blocks"
	if !strings.Contains(r.stderr, wantSummary) {
		t.Errorf("stderr = %q, want %q", r.stderr, wantSummary)
	}

	// The output trains a model.
	m := filepath.Join(t.TempDir(), "m.model")
	mustRun(t, nil, "train", "--in", out, "--out", m, "--prune", "0")
	if got := loadModel(t, m).Info().Samples; got != counts {
		t.Errorf("model from label output: samples %v, want %v", got, counts)
	}
}

func TestLabelStdoutAndTextMode(t *testing.T) {
	dir := makeCorpus(t)
	tests := []struct {
		name    string
		args    []string
		wantTag string // every sample's tag feature
	}{
		{name: "html mode", args: []string{"--split", "all"}},
		{name: "text mode", args: []string{"--split", "all", "--mode", "text"}, wantTag: "tag=line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, nil, append(append([]string{"label"}, tt.args...), dir)...)
			samples, err := classifier.ReadSamples(strings.NewReader(r.stdout))
			if err != nil {
				t.Fatalf("stdout is not samples: %v", err)
			}
			if len(samples) == 0 {
				t.Fatal("no samples on stdout")
			}
			for _, s := range samples {
				if tt.wantTag != "" && !slices.Contains(s.Features, tt.wantTag) {
					t.Errorf("sample %q: features %v, want %s", s.Text, s.Features, tt.wantTag)
				}
			}
		})
	}
}

// TestLabelSplits checks that train and dev partition the pages of all.
func TestLabelSplits(t *testing.T) {
	dir := makeCorpus(t)
	n := map[string]int{}
	for _, split := range []string{"all", "train", "dev"} {
		r := mustRun(t, nil, "label", "--split", split, dir)
		samples, err := classifier.ReadSamples(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatal(err)
		}
		n[split] = len(samples)
	}
	if n["train"]+n["dev"] != n["all"] {
		t.Errorf("samples: train %d + dev %d != all %d", n["train"], n["dev"], n["all"])
	}
}

// TestLabelSkipsUnreadablePage checks that a page without its HTML file is
// reported and the other pages are still labelled.
func TestLabelSkipsUnreadablePage(t *testing.T) {
	dir := makeCorpus(t)
	if err := os.Remove(filepath.Join(dir, "html", "bread.html.gz")); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, nil, "label", "--split", "all", dir)
	if !strings.Contains(r.stderr, "tiny/bread") {
		t.Errorf("stderr = %q, want the missing page reported", r.stderr)
	}
	samples, err := classifier.ReadSamples(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.Page == "bread" {
			t.Errorf("sample from the missing page: %q", s.Text)
		}
	}
	if len(samples) == 0 {
		t.Errorf("no samples from the other pages")
	}
}

func TestLabelMissingCorpus(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nocorpus")
	r := runCmd(t, nil, "label", missing)
	if r.code != 1 || !strings.Contains(r.err.Error(), missing) {
		t.Errorf("exit %d, err %v; want 1 and an error naming %s", r.code, r.err, missing)
	}
}
