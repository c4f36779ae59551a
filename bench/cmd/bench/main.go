// Command bench runs winnow and its peers side by side, in one process,
// single-threaded, on the same split of the same corpora with the same
// metric code (package eval), and writes the results as Markdown tables to
// stdout and to --out.
//
//	go run ./cmd/bench --split dev --corpus ../../shared/data/wceb1000 \
//	    --corpus ../../shared/data/zh-dev --input html,text
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/bench"
	"github.com/winnowlabs/winnow/eval"
	"github.com/winnowlabs/winnow/training"
)

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var corpora listFlag
	fs.Var(&corpora, "corpus", "corpus directory (repeatable; default ../../shared/data/wceb1000)")
	splitName := fs.String("split", "dev", "split: all, train or dev")
	inputs := fs.String("input", "html", "input kinds, comma-separated: html, text")
	names := fs.String("extractors", "", "comma-separated extractor names (default: all for the input kind)")
	out := fs.String("out", "RESULTS.md", "Markdown file to write (\"\" or - for none)")
	repeat := fs.Int("repeat", 1, "timed runs of each extractor; pages/s is the best of them")
	appendOut := fs.Bool("append", false, "append to --out instead of replacing it")
	timeout := fs.Duration("timeout", 10*time.Second, "per-page limit of each extractor call")
	cv := fs.Int("cv", 0, "add a winnow row with k-fold cross-validated models (for corpora the embedded model has seen)")
	var cvTrain listFlag
	fs.Var(&cvTrain, "cv-train-corpus", "with --cv: corpora whose train split every fold's model also learns (repeatable)")
	ceiling := fs.Bool("ceiling", true, "add the row of eval.Ceiling: the best choice of whole blocks or lines, made with the truth")
	handDir := fs.String("hand", "../testdata/labelled", "with --cv: the hand-labelled lines of the default recipe")
	trafSet := fs.Bool("trafilatura-set", false, "also run go-trafilatura's own comparison set (about 1,000 pages, mostly German; snippets only), built from the module cache into a temporary directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if len(corpora) == 0 && !*trafSet {
		corpora = listFlag{"../../shared/data/wceb1000"}
	}
	split, err := eval.ParseSplit(*splitName)
	if err != nil {
		return err
	}
	var ins []bench.Input
	for _, s := range splitList(*inputs) {
		in, err := bench.ParseInput(s)
		if err != nil {
			return err
		}
		ins = append(ins, in)
	}
	if len(ins) == 0 {
		return fmt.Errorf("--input: no input kind")
	}
	wanted := splitList(*names)
	exs := map[bench.Input][]bench.Extractor{}
	for _, in := range ins {
		all := bench.Extractors(in)
		if len(wanted) > 0 {
			// With several inputs, a name need only exist for one of them.
			var sel []string
			for _, n := range wanted {
				for _, e := range all {
					if e.Name == n {
						sel = append(sel, n)
					}
				}
			}
			if len(ins) == 1 {
				sel = wanted
			}
			if len(sel) == 0 {
				continue
			}
			if all, err = bench.Select(all, sel); err != nil {
				return err
			}
		}
		exs[in] = all
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if *trafSet {
		dir, err := trafilaturaSet(ctx, stderr)
		if err != nil {
			return err
		}
		defer os.RemoveAll(filepath.Dir(dir))
		corpora = append(corpora, dir)
	}

	var cvBase []training.Page
	for _, dir := range cvTrain {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		pages, _, err := training.LabelCorpus(ctx, c, eval.SplitTrain.Has)
		if err != nil {
			return err
		}
		cvBase = append(cvBase, pages...)
	}

	var doc bytes.Buffer
	if !*appendOut {
		doc.WriteString("# bench: winnow and its peers, side by side\n\n")
	}
	header(&doc, args)
	if split != eval.SplitDev {
		doc.WriteString("**Split " + split.String() + ":** it includes train pages, which winnow's embedded model " +
			"and hand-tuned rules may have seen; the winnow rows are then not held-out numbers (the peers' are).\n\n")
	}
	for _, dir := range corpora {
		c, err := eval.LoadCorpus(dir)
		if err != nil {
			return err
		}
		for _, in := range ins {
			if len(exs[in]) == 0 {
				continue
			}
			reports, err := bench.RunCorpus(ctx, c, bench.Options{
				Split: split, Input: in, Extractors: exs[in], Timeout: *timeout, Repeat: *repeat, Progress: stderr,
				CV: *cv, CVBase: cvBase, HandDir: *handDir, Ceiling: *ceiling,
			})
			if err != nil {
				return err
			}
			if err := bench.WriteTable(&doc, c.Name, split, in, reports); err != nil {
				return err
			}
		}
	}
	notes(&doc, *timeout, *repeat, *trafSet)
	if _, err := stdout.Write(doc.Bytes()); err != nil {
		return err
	}
	if *out != "" && *out != "-" {
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if *appendOut {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(*out, flags, 0o644)
		if err != nil {
			return err
		}
		if *appendOut {
			if st, err := f.Stat(); err == nil && st.Size() > 0 {
				f.WriteString("\n---\n\n")
			}
		}
		if _, err := f.Write(doc.Bytes()); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func header(w io.Writer, args []string) {
	cmd := []string{"go", "run", "./cmd/bench"}
	for _, a := range args {
		cmd = append(cmd, shellQuote(a))
	}
	gover := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	if b, err := exec.Command("go", "version").Output(); err == nil {
		gover = strings.TrimSpace(string(b))
	}
	fmt.Fprintf(w, "## Run of %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- command (in `bench/`): `%s`\n", strings.Join(cmd, " "))
	fmt.Fprintf(w, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- go: `%s` (binary built with %s)\n", gover, runtime.Version())
	fmt.Fprintf(w, "- machine: %d CPUs (nproc)%s, GOMAXPROCS %d; every extractor runs single-threaded\n",
		runtime.NumCPU(), cpuModel(), runtime.GOMAXPROCS(0))
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(b))
		if len(f) >= 3 {
			fmt.Fprintf(w, "- load average at start (1, 5, 15 min): %s %s %s (other work on the machine; a quiet 2-CPU machine would show about 0)\n", f[0], f[1], f[2])
		}
	}
	fmt.Fprintf(w, "- winnow: %s\n", winnowRev())
	fmt.Fprintf(w, "- peers: %s\n\n", peerVersions())
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return ", " + strings.TrimSpace(v)
		}
	}
	return ""
}

// winnowRev describes the winnow source the bench was built from: the
// commit of the enclosing repository, marked when the tree outside bench/
// has uncommitted changes.
func winnowRev() string {
	b, err := exec.Command("git", "-C", "..", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "(not a git checkout)"
	}
	rev := "commit " + strings.TrimSpace(string(b))
	st, err := exec.Command("git", "-C", "..", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench").Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		rev += " plus uncommitted changes"
	}
	return rev
}

func peerVersions() string {
	return bench.PeerVersions()
}

// trafilaturaSet writes go-trafilatura's comparison set as a corpus named
// trafilatura-set in a new temporary directory and returns the corpus's
// directory; the caller removes its parent.
func trafilaturaSet(ctx context.Context, stderr io.Writer) (string, error) {
	tmp, err := os.MkdirTemp("", "bench-")
	if err != nil {
		return "", err
	}
	dir := filepath.Join(tmp, "trafilatura-set")
	if err := bench.BuildTrafilaturaSet(ctx, dir, stderr); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return dir, nil
}

func notes(w io.Writer, timeout time.Duration, repeat int, trafSet bool) {
	best := ""
	if repeat > 1 {
		best = fmt.Sprintf("\n  pages/s is the best of %d timed runs of each extractor, one after another.", repeat)
	}
	fmt.Fprintf(w, `### How to read these tables

- Shingle P/R/F1 and snippet F are package eval's (see DESIGN.md, "Metrics"): 4-token shingles,
  P averaged over pages with output, R over pages with a ground truth, F1 of the two averages;
  pages whose ground truth is mostly CJK are scored with one token per Han/Kana/Hangul character.
- pages/s is pages divided by the wall time of the extractor calls only (reading and
  decompressing the pages, building text exports and scoring are not timed); each extractor
  is called once, untimed, on the first page before its run. The machine is shared (another
  engineer runs evaluations on it at the same time), so pages/s is noisy: compare rows of one
  table, not runs.%s
- Every call runs on its own goroutine with a %s limit: a page that panics or does not finish
  in time counts as an error and is scored as empty output.
- HTML input: every extractor is given the page's raw bytes in their original encoding and
  does its own charset detection (both peers via go-shiori/dom's chardet; winnow via its own).
  go-trafilatura's output is ContentText (the article, without comments); readeck's is
  Article.RenderText. winnow --fast is stage 1 alone (Options{Fast: true}); winnow is
  stage 1 + 2 with the embedded default model.
- Text input: each page's text export is winnow's HTML reader's blocks, one a line, all of
  them (extract.Extract with KindHTML, then labels.TextExport), like a WET file. none keeps
  every line; c4 is a C4-style rule applied per line (ends in . ! ? " 。！？, possibly followed
  by a closing quote or bracket; at least 5 words, a CJK character counting as half a word;
  no "javascript", "cookie", "lorem ipsum" or "{"); winnow runs with Kind: extract.KindText.
  none's recall is the ceiling for every line filter on these exports: what the export
  itself loses (text the HTML reader drops or splits differently) no filter can get back.
- ceiling (knows the truth) is not an extractor: it is eval.Ceiling, which ranks the blocks
  of winnow's HTML reader (HTML input) or the lines of the export (text input) by the share
  of their token trigrams found in the page's truth and keeps those above whichever of a
  dozen cuts scores the page best. It estimates the best any extractor that keeps or drops
  those blocks (or lines) whole can score (an estimate, not a strict bound: the cuts are few
  and the page-best F1 need not maximise the F1 of mean P and mean R): where the truth is not
  on the page, is cut off, or splits a block, no such extractor gets it right. Its pages/s is
  not measured.
- The dev split is the fixed hash split of package eval (about 20%% of each corpus). zh-dev
  has only 40 pages, so its dev split is a handful of pages: read its rows as indicative only.
`, best, timeout)
	if trafSet {
		fmt.Fprint(w, `- trafilatura-set is go-trafilatura's own comparison set (scripts/comparison/data.go and
  test-files of the pinned module; pages collected by trafilatura's author, most of them
  German, some English, French, Polish and other languages; go run ./cmd/trafset --out DIR
  writes it for winnow eval): its truth is 1 to 6 "with" and 1 to 6 "without" snippets a
  page (3 and 3 on 839 of 983), no article body, so it has snippet F only and no ceiling. Both
  trafilatura and its Go port were developed against it. winnow's model never learned from
  it, but some of winnow's rules were checked on its train split (winnow eval --split train):
  its dev split is the held-out part.
`)
	}
}
