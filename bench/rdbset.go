package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadabilityModule is the module whose test pages [WriteReadabilitySet]
// reads: readeck's go-readability, at the version this module pins (go.mod).
const ReadabilityModule = "codeberg.org/readeck/go-readability/v2"

// ReadabilityMinSourceBytes and ReadabilityMinBodyChars are the size rule
// that keeps a test page: its source.html has at least
// ReadabilityMinSourceBytes bytes and the text of its expected.html at least
// ReadabilityMinBodyChars characters. The rule leaves out Readability's
// synthetic unit tests (a few hundred bytes to a few kilobytes of made-up
// markup, such as rtl-1 or remove-extra-brs), and with them three small
// real pages on v2.1.3 (001, daringfireball-1 and table-style-attributes,
// 10 to 14 KB).
const (
	ReadabilityMinSourceBytes = 20_000
	ReadabilityMinBodyChars   = 500
)

// ReadabilityModuleDir returns the directory of [ReadabilityModule] in the
// module cache ([ModuleDir]).
func ReadabilityModuleDir(ctx context.Context) (string, error) {
	return ModuleDir(ctx, ReadabilityModule)
}

// WriteReadabilitySet writes the test pages that go-readability shares with
// Mozilla's Readability as a corpus in outDir (DIR/html/<id>.html.gz and
// DIR/ground-truth.json, made if need be). modDir is the module's directory
// ([ReadabilityModuleDir]); each directory test-pages/<id> holds a page
// saved from a public site (source.html) and the article Readability
// extracts from it (expected.html: the test expectation, which this fork
// writes with its own Go port, scripts/generate-test.go, and its
// maintainers check). The page id is the directory's name, the article
// body is the visible text of expected.html (see [readabilityText]) and the
// URL is empty, as the test pages give none. Only the pages that pass the
// size rule are kept (see [ReadabilityMinSourceBytes]): on v2.1.3, 95 of
// its 134 directories.
//
// The truth is Readability's own output, not a human labelling. The set
// probes how well winnow generalises to real article pages (mostly English
// news, a few Chinese, Japanese and others) with a truth made apart from
// winnow's corpora; it must never be used to compare readeck's
// go-readability with other extractors, as its score there would be its own
// test expectation.
//
// WriteReadabilitySet refuses to write into a directory that already holds
// a ground-truth.json (the error wraps [fs.ErrExist]), so that two sets
// never mix. It returns the number of pages written and the ids of those
// left out. The output depends only on the test pages: it is byte-identical
// from one run to the next.
func WriteReadabilitySet(modDir, outDir string) (int, []string, error) {
	if err := refuseExistingSet(outDir); err != nil {
		return 0, nil, err
	}
	pagesDir := filepath.Join(modDir, "test-pages")
	dirs, err := os.ReadDir(pagesDir) // sorted by name
	if err != nil {
		return 0, nil, fmt.Errorf("bench: readability set: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(outDir, "html"), 0o755); err != nil {
		return 0, nil, fmt.Errorf("bench: readability set: %w", err)
	}
	type truth struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	gt := make(map[string]truth)
	var left []string
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		id := d.Name()
		src, err := os.ReadFile(filepath.Join(pagesDir, id, "source.html"))
		if err != nil {
			return 0, nil, fmt.Errorf("bench: readability set: %w", err)
		}
		expected, err := os.ReadFile(filepath.Join(pagesDir, id, "expected.html"))
		if err != nil {
			return 0, nil, fmt.Errorf("bench: readability set: %w", err)
		}
		body, err := readabilityText(bytes.NewReader(expected))
		if err != nil {
			return 0, nil, fmt.Errorf("bench: readability set: %s: %w", id, err)
		}
		if len(src) < ReadabilityMinSourceBytes || utf8.RuneCountInString(body) < ReadabilityMinBodyChars {
			left = append(left, id)
			continue
		}
		if err := writeCorpusPage(outDir, id, src); err != nil {
			return 0, nil, fmt.Errorf("bench: readability set: %w", err)
		}
		gt[id] = truth{ArticleBody: body}
	}
	if len(gt) == 0 {
		return 0, nil, fmt.Errorf("bench: readability set: %s: no page passes the size rule", pagesDir)
	}
	if err := writeGroundTruth(outDir, gt); err != nil {
		return 0, nil, fmt.Errorf("bench: readability set: %w", err)
	}
	return len(gt), left, nil
}

// refuseExistingSet returns an error wrapping [fs.ErrExist] when outDir
// already holds a ground-truth.json, and nil when it does not.
func refuseExistingSet(outDir string) error {
	gtPath := filepath.Join(outDir, "ground-truth.json")
	if _, err := os.Lstat(gtPath); err == nil {
		return fmt.Errorf("bench: readability set: %s already exists (remove it, or choose another directory): %w", gtPath, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("bench: readability set: %w", err)
	}
	return nil
}

// BuildReadabilitySet writes the test pages of the pinned go-readability
// ([ReadabilityModuleDir], [WriteReadabilitySet]) to outDir and reports on
// w how many pages it wrote, from where, and how many it left out.
func BuildReadabilitySet(ctx context.Context, outDir string, w io.Writer) error {
	// Refuse an existing set before looking the module up, which may
	// download it.
	if err := refuseExistingSet(outDir); err != nil {
		return err
	}
	mod, err := ReadabilityModuleDir(ctx)
	if err != nil {
		return err
	}
	n, left, err := WriteReadabilitySet(mod, outDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d pages from %s\n", outDir, n, mod)
	fmt.Fprintf(w, "%d test pages left out (source under %d bytes or article under %d characters)\n",
		len(left), ReadabilityMinSourceBytes, ReadabilityMinBodyChars)
	return nil
}

// readabilityText returns the visible text of the HTML read from r, one
// line per block: script, style and noscript are skipped (x/net/html reads
// noscript's content as raw markup), a line break goes before and after
// each block element ([textBlocks]) and <br>, and whitespace is collapsed:
// outside <pre> every run of spaces, tabs and line breaks in the text is one
// space, as a browser shows it; inside it line breaks stay, but runs of
// spaces and tabs become one space too (a browser would keep them; the
// shingle metric does not see them). Lines are trimmed and empty ones
// dropped.
func readabilityText(r io.Reader) (string, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			s := strings.ReplaceAll(n.Data, "\r\n", "\n")
			if !pre {
				s = strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\f' {
						return ' '
					}
					return r
				}, s)
			}
			b.WriteString(s)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.Pre:
				pre = true
			}
		}
		block := n.Type == html.ElementNode && textBlocks[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(doc, false)
	var lines []string
	for line := range strings.SplitSeq(b.String(), "\n") {
		if line = strings.TrimSpace(collapseSpaces(line)); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n"), nil
}

// textBlocks are the elements [readabilityText] puts on lines of their own.
var textBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dd: true, atom.Dt: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Blockquote: true, atom.Figcaption: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Main: true,
	atom.Figure: true, atom.Dl: true, atom.Caption: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
}

// collapseSpaces replaces each run of spaces and tabs in s with one space.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
