package winnow_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// FuzzClean feeds arbitrary bytes to Clean as HTML, as text and sniffed. It
// must never panic; a result must be valid UTF-8 with probabilities in
// [0, 1] and Text made of the content blocks; for text input every output
// line must be made of the input's lines (white space aside).
func FuzzClean(f *testing.F) {
	f.Add([]byte("<html><body><p>Hello, world. This is a sentence.</p></body></html>"), uint8(0))
	f.Add([]byte("line one, with words.\nopen the app\n\n第二行，有中文。\n"), uint8(2))
	f.Add([]byte("\x1f\x8b\x08\x00broken gzip"), uint8(0))
	f.Add([]byte("<div><div><div><p>nested <a href=x>link</a> text</p>"), uint8(1))
	f.Add([]byte("A line of the article that is long enough to repeat, with a comma.\nA line of the article that is long enough to repeat, with a comma.\n"), uint8(2))
	if seed, err := os.ReadFile(filepath.Join("testdata", "seed", "seed.txt")); err == nil {
		f.Add(seed, uint8(2))
	}
	f.Fuzz(func(t *testing.T, input []byte, kind uint8) {
		opts := &winnow.Options{Kind: extract.Kind(kind % 3), Limits: extract.Limits{MaxBytes: 1 << 20}}
		res, err := winnow.CleanBytes(context.Background(), input, opts)
		if err != nil {
			return
		}
		if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
			t.Fatalf("invalid UTF-8 in output")
		}
		var kept []string
		for _, b := range res.Blocks {
			if !(b.PJunk >= 0 && b.PJunk <= 1) {
				t.Fatalf("p_junk %v", b.PJunk)
			}
			if b.Repeat && b.Label != classifier.Content {
				t.Fatalf("a repeat labelled %v", b.Label)
			}
			if b.InText() {
				kept = append(kept, b.Text)
			}
		}
		if strings.Join(kept, "\n") != res.Text {
			t.Fatalf("Text is not the content blocks")
		}
		if res.Kind == "text" && utf8.Valid(input) {
			// A line of a hard-wrapped text joins the input's lines of its
			// paragraph, so its words, space removed, are found in the input's.
			bare := strings.Join(strings.Fields(string(input)), "")
			for _, l := range kept {
				if !strings.Contains(bare, strings.Join(strings.Fields(l), "")) {
					t.Fatalf("output line %q is not made of input lines", l)
				}
			}
		}
	})
}
