package eval

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Page is one page's ground truth.
type Page struct {
	ID    string
	URL   string
	Title string
	// Body is the ground-truth article text ("articleBody").
	Body string
	// With are snippets a correct extraction contains.
	With []string
	// Without are snippets of junk a correct extraction does not contain.
	Without []string
	// SnippetsOnly reports that the truth gives no article body (its
	// articleBody is null or missing, as in a corpus of snippets only such
	// as trafilatura's comparison set): the page is scored by its snippets
	// alone, since shingle scores, labels and the ceiling need a body. An
	// empty articleBody ("") is a body: the page has no article, and any
	// output costs precision.
	SnippetsOnly bool
}

// HasBody reports whether the truth gives the page's article body (see
// [Page.SnippetsOnly]).
func (p Page) HasBody() bool { return !p.SnippetsOnly }

// ErrNoBody is returned for a page without an article body by what needs
// one (labelling, the ceiling); see [Page.HasBody].
var ErrNoBody = errors.New("the truth has no article body (snippets only)")

// Corpus is a directory of pages with their ground truth; see the package
// documentation for the layout.
type Corpus struct {
	// Name is the base name of Dir, such as "wceb1000".
	Name string
	// Dir is the corpus directory.
	Dir string
	// Pages are sorted by ID.
	Pages []Page
}

// groundTruth is one entry of ground-truth.json. With and Without are
// decoded by snippetList because the shared data stores them either as
// JSON arrays or as strings holding a Python list repr.
type groundTruth struct {
	ArticleBody *string         `json:"articleBody"`
	URL         *string         `json:"url"`
	Title       *string         `json:"title"`
	With        json.RawMessage `json:"with"`
	Without     json.RawMessage `json:"without"`
}

// LoadCorpus reads dir/ground-truth.json. It does not read the pages; see
// [Corpus.ReadPage].
func LoadCorpus(dir string) (*Corpus, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: load corpus: %w", err)
	}
	var gt map[string]groundTruth
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("eval: load corpus %s: ground-truth.json: %w", dir, err)
	}
	c := &Corpus{Name: filepath.Base(filepath.Clean(dir)), Dir: dir, Pages: make([]Page, 0, len(gt))}
	for id, e := range gt {
		p := Page{ID: id, URL: deref(e.URL), Title: deref(e.Title), Body: deref(e.ArticleBody), SnippetsOnly: e.ArticleBody == nil}
		if p.With, err = snippetList(e.With); err != nil {
			return nil, fmt.Errorf("eval: load corpus %s: page %s: with: %w", dir, id, err)
		}
		if p.Without, err = snippetList(e.Without); err != nil {
			return nil, fmt.Errorf("eval: load corpus %s: page %s: without: %w", dir, id, err)
		}
		c.Pages = append(c.Pages, p)
	}
	slices.SortFunc(c.Pages, func(a, b Page) int { return strings.Compare(a.ID, b.ID) })
	return c, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// snippetList decodes a "with" or "without" value: missing or null (no
// snippets), a JSON array of strings (nulls skipped), or a string. A string
// that looks like a list ("[...]") must be a Python list repr (see
// [ParsePythonList]); any other non-empty string is one snippet.
func snippetList(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	switch raw[0] {
	case '[':
		var items []*string
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		out := make([]string, 0, len(items))
		for _, s := range items {
			if s != nil {
				out = append(out, *s)
			}
		}
		return out, nil
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		t := strings.TrimSpace(s)
		switch {
		case t == "":
			return nil, nil
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			return ParsePythonList(t)
		}
		return []string{s}, nil
	}
	return nil, fmt.Errorf("want an array or a string, got %.20s", raw)
}

// Filter returns a copy of c holding only the pages whose id keep accepts,
// in the same order. c is not changed.
func (c *Corpus) Filter(keep func(id string) bool) *Corpus {
	out := *c
	out.Pages = nil
	for _, p := range c.Pages {
		if keep(p.ID) {
			out.Pages = append(out.Pages, p)
		}
	}
	return &out
}

// WithBodies returns a copy of c holding only the pages whose truth has an
// article body ([Page.HasBody]), in the same order. c is not changed.
func (c *Corpus) WithBodies() *Corpus {
	out := *c
	out.Pages = slices.DeleteFunc(slices.Clone(c.Pages), func(p Page) bool { return !p.HasBody() })
	return &out
}

// SnippetsOnly reports whether c has pages and none of them has an article
// body: nothing in it can be labelled, nor chosen by its body.
func (c *Corpus) SnippetsOnly() bool {
	return len(c.Pages) > 0 && !slices.ContainsFunc(c.Pages, Page.HasBody)
}

// Page returns the page with the given id.
func (c *Corpus) Page(id string) (Page, bool) {
	i, ok := slices.BinarySearchFunc(c.Pages, id, func(p Page, id string) int { return strings.Compare(p.ID, id) })
	if !ok {
		return Page{}, false
	}
	return c.Pages[i], true
}

// RawHTML returns the stored, gzip-compressed bytes of html/<id>.html.gz.
// Use [Corpus.ReadPage] for the page itself.
func (c *Corpus) RawHTML(id string) ([]byte, error) {
	if id == "" || id == "." || id == ".." || strings.ContainsAny(id, `/\`) {
		return nil, fmt.Errorf("eval: %s: bad page id %q", c.Name, id)
	}
	b, err := os.ReadFile(filepath.Join(c.Dir, "html", id+".html.gz"))
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", c.Name, err)
	}
	return b, nil
}

// ReadPage returns the decompressed bytes of page id, in the page's
// original encoding.
func (c *Corpus) ReadPage(id string) ([]byte, error) {
	gz, err := c.RawHTML(id)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("eval: %s: page %s: %w", c.Name, id, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: page %s: %w", c.Name, id, err)
	}
	return b, nil
}
