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
	"github.com/winnowlabs/winnow/internal/textcheck"
)

// FuzzClean feeds arbitrary bytes to Clean as HTML, as text and sniffed. It
// must never panic; a result must be valid UTF-8 with probabilities in
// [0, 1] and Text made of the content blocks; for text input every output
// line must be an input line, or a run of them (see textcheck.LineRun).
func FuzzClean(f *testing.F) {
	f.Add([]byte("<html><body><p>Hello, world. This is a sentence.</p></body></html>"), uint8(0))
	f.Add([]byte("line one, with words.\nopen the app\n\n第二行，有中文。\n"), uint8(2))
	f.Add([]byte("\x1f\x8b\x08\x00broken gzip"), uint8(0))
	f.Add([]byte(strings.Repeat("0", 200)+"\x00"), uint8(0)) // a control character ends a line: text, not trailing space
	f.Add([]byte("Soft hy\u00adphens and zero\u200bwidth spaces, in a sentence long enough to keep.\n"), uint8(2))
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
			// An output line is an input line, or, in a hard-wrapped text,
			// the run of a paragraph's lines joined by a space or nothing.
			var lines []string
			for _, l := range strings.Split(string(input), "\n") {
				lines = append(lines, normSpace(l))
			}
			for _, l := range kept {
				if textcheck.LineRun(normSpace(l), lines, 0) < 0 {
					t.Fatalf("output line %q is not a run of input lines", l)
				}
			}
		}
	})
}

// normSpace collapses s's white space as block text has it: soft hyphens and
// word joiners dropped, zero-width spaces and BOMs taken for spaces.
func normSpace(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00ad' || r >= '\u2060' && r <= '\u2064':
			return -1
		case r == '\u200b' || r == '\ufeff':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
