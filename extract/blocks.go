package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxContextWords bounds the class/id words kept per block.
const maxContextWords = 12

// blockTags are the elements that start a new block. Text inside any other
// element belongs to the block of its nearest block-level ancestor.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Td: true,
	atom.Th: true, atom.Tr: true, atom.Ul: true, atom.Menu: true, atom.Legend: true,
	atom.Title: true, atom.Head: true,
}

// headingTags are h1-h6.
var headingTags = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// segmenter turns a pruned DOM into blocks in document order.
type segmenter struct {
	blocks []Block
	owners []*html.Node    // owners[i] is the element that holds blocks[i]
	buf    strings.Builder // the current block's text, white space collapsed
	runes  int             // runes in buf
	links  int             // runes of buf that sit inside <a>
	space  bool            // a white-space run is pending (written before the next rune)
	spaceL bool            // the pending space lies inside <a>
	inLink int
	pre    int // depth inside <pre>
	owner  *html.Node
	// words caches each element's context words (its own and its
	// ancestors'), which every block below it shares.
	words map[*html.Node][]string
	// dataTables caches isDataTable per table element.
	dataTables map[*html.Node]bool
}

// segment walks the tree under root and returns its blocks and their owners.
func segment(root *html.Node) ([]Block, []*html.Node) {
	s := &segmenter{owner: root, words: make(map[*html.Node][]string), dataTables: make(map[*html.Node]bool)}
	s.walk(root)
	s.flush()
	return s.blocks, s.owners
}

func (s *segmenter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s.write(n.Data, s.inLink > 0)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.walk(c)
		}
		return
	default:
		return
	}
	switch n.DataAtom {
	case atom.Head:
		return // the title is read separately
	case atom.Br:
		s.flush()
		return
	case atom.Img:
		return
	}
	if blockTags[n.DataAtom] {
		s.flush()
		prev := s.owner
		s.owner = n
		s.children(n)
		s.flush()
		s.owner = prev
		return
	}
	if n.DataAtom == atom.A && hasAttr(n, "href") {
		s.inLink++
		s.children(n)
		s.inLink--
		return
	}
	// Inline elements: separate words the markup separates visually.
	s.children(n)
}

func (s *segmenter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c)
	}
}

// write appends text to the current block, collapsing white space, and
// counts the runes that lie inside a link (a space between two link runes
// counts as link text).
func (s *segmenter) write(text string, link bool) {
	for _, r := range text {
		if isInvisible(r) {
			continue
		}
		if isSpace(r) {
			if s.runes > 0 && !s.space {
				s.space, s.spaceL = true, link
			}
			s.spaceL = s.spaceL && link
			continue
		}
		if s.space {
			s.buf.WriteByte(' ')
			s.runes++
			if s.spaceL && link {
				s.links++
			}
			s.space = false
		}
		s.buf.WriteRune(r)
		s.runes++
		if link {
			s.links++
		}
	}
}

// isSpace reports whether r separates words: Unicode white space, a
// no-break space, a zero-width space or a byte-order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// isInvisible reports whether r is a character that marks where a word may
// break or how it joins, and shows nothing: a soft hyphen (German pages hyphenate
// long words with them, "Mit&shy;tel&shy;al&shy;ter"), a word joiner and the
// invisible mathematical operators. Text keeps none of them, so a word reads
// and tokenises as one word.
func isInvisible(r rune) bool {
	return r == '\u00ad' || r >= '\u2060' && r <= '\u2064'
}

// flush ends the current block.
func (s *segmenter) flush() {
	text, links := s.buf.String(), s.links
	s.buf.Reset()
	s.runes, s.links, s.space = 0, 0, false
	if text == "" || s.owner == nil {
		return
	}
	tag := s.owner.Data
	s.blocks = append(s.blocks, Block{
		Text:      text,
		Tag:       tag,
		Context:   s.contextWords(s.owner),
		LinkChars: links,
		Index:     len(s.blocks),
		Heading:   headingTags[s.owner.DataAtom],
		DataCell:  s.dataCell(s.owner),
	})
	s.owners = append(s.owners, s.owner)
}

// contextWords returns the known class/id words of n and its ancestors
// below <body>, nearest first, deduplicated, at most maxContextWords. The
// classes of <body> and <html> are left out: a theme puts the page's layout
// there ("no-sidebar nav-below-header active-footer-widgets-1"), the same for
// every block, and as features they tilted every block of such a page
// towards junk (5-fold CV HTML F1 unchanged on wceb1000 and zh-dev, 0.8067
// and 0.9374; text 0.7689 -> 0.7687 and 0.8906 -> 0.8923; trafilatura's
// comparison set, train split, snippet F 0.8892 -> 0.8934, with `cd bench
// && go run ./cmd/trafset --out DIR` and `winnow eval --split train DIR`).
// The result is shared by the blocks of n: callers must not modify it.
func (s *segmenter) contextWords(n *html.Node) []string {
	if n == nil || n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return nil
	}
	if w, ok := s.words[n]; ok {
		return w
	}
	words := ownWords(nil, n)
	words = append(words, s.contextWords(n.Parent)...)
	w := dedupe(words, maxContextWords)
	s.words[n] = w
	return w
}

// ownWords appends the known class/id words of n itself (and the word of a
// semantic element) to dst.
func ownWords(dst []string, n *html.Node) []string {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			dst = classWordsOf(dst, a.Val)
		}
	}
	switch n.DataAtom {
	case atom.Nav:
		dst = append(dst, "nav")
	case atom.Footer:
		dst = append(dst, "footer")
	case atom.Aside:
		dst = append(dst, "sidebar")
	case atom.Header:
		dst = append(dst, "header")
	case atom.Article:
		dst = append(dst, "article")
	case atom.Main:
		dst = append(dst, "main")
	}
	return dst
}

// dedupe removes repeats from words in place, keeping the first max distinct.
func dedupe(words []string, max int) []string {
	out := words[:0]
	for _, w := range words {
		seen := false
		for _, o := range out {
			if o == w {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, w)
			if len(out) == max {
				break
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// collapseSpace trims s, collapses every run of white space to one space and
// drops invisible characters (isInvisible).
// It returns s itself when there is nothing to change.
func collapseSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isInvisible(r) {
			continue
		}
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// dataCell reports whether n is a cell (td, th) of a data table.
func (s *segmenter) dataCell(n *html.Node) bool {
	if cell := cellWrapper(n); cell != nil {
		n = cell
	}
	if n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return false
	}
	var table *html.Node
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			table = p
			break
		}
	}
	if table == nil {
		return false
	}
	data, seen := s.dataTables[table]
	if !seen {
		data = isDataTable(table)
		s.dataTables[table] = data
	}
	return data
}

// dataCellMaxRunes is the most text a cell of a data table holds: a longer
// cell is a column of a page laid out with a table (an article beside a
// menu), whatever else the table looks like. The shared corpora's data
// tables stay under it (200 to 1,000 gave the same scores).
const dataCellMaxRunes = 500

// isDataTable reports whether a table holds data rather than page layout:
// it holds no table, list or heading, and no paragraph or div except one
// that only wraps a cell's text (see cellWrapper): layout tables hold
// blocks, data tables hold text; no cell holds more than dataCellMaxRunes;
// at least two of its rows have two cells or more; at most a third of its
// cells are links (a row of links is a menu); and it is not in a form,
// other than one that wraps the whole page (a child of <body>, as ASP.NET
// writes them): a form's table lays out its controls. It may be nested in a
// layout table, as on pages laid out with tables, where every data table is.
func isDataTable(table *html.Node) bool {
	for p := table.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Form && (p.Parent == nil || p.Parent.DataAtom != atom.Body) {
			return false
		}
	}
	wideRows, cells, linkCells := 0, 0, 0
	ok := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && ok; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.P, atom.Div:
				if cellWrapper(c) == nil {
					ok = false
					return
				}
			case atom.Table, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				ok = false
				return
			case atom.Tr:
				n := 0
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.DataAtom == atom.Td || d.DataAtom == atom.Th {
						n++
						if hasLink(d) {
							linkCells++
						}
						if utf8.RuneCountInString(strings.TrimSpace(nodeText(d))) > dataCellMaxRunes {
							ok = false
							return
						}
					}
				}
				cells += n
				if n >= 2 {
					wideRows++
				}
			}
			walk(c)
		}
	}
	walk(table)
	return ok && wideRows >= 2 && 3*linkCells <= cells
}

// cellWrapper returns the cell (td, th) whose text n, a div or p, only
// wraps: the cell's one div or p child (<td><div align="center">7</div></td>);
// else nil. Old pages wrap the cells of data tables this way; a layout
// table's cell holds several blocks (isDataTable also rejects blocks inside
// the wrapper).
func cellWrapper(n *html.Node) *html.Node {
	if n.DataAtom != atom.Div && n.DataAtom != atom.P {
		return nil
	}
	cell := n.Parent
	if cell == nil || cell.DataAtom != atom.Td && cell.DataAtom != atom.Th {
		return nil
	}
	for c := cell.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.DataAtom == atom.Div || c.DataAtom == atom.P) {
			return nil
		}
	}
	return cell
}

// hasLink reports whether n holds a link.
func hasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.A || hasLink(c)) {
			return true
		}
	}
	return false
}
