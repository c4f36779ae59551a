package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// builderStackLimit is the depth of open elements at which x/net/html's
// tree builder gives up on a document ("open stack of elements exceeds 512
// nodes"). The pre-scan keeps every input well below it.
const builderStackLimit = 512

// prescanSlack is the room left between the pre-scan's depth bound and the
// tree builder's limit for elements the builder adds on its own (html, body,
// tbody, reconstructed formatting elements).
const prescanSlack = 64

// ParseHTML parses UTF-8 HTML into a tree, enforcing lim (zero fields mean
// their defaults) and pruning what is never article text (see [Limits] and
// the package's prune step: scripts, styles, form controls, hidden elements).
//
// An input with more than lim.MaxNodes elements is a *[LimitError] with Limit
// "nodes". Nesting deeper than lim.MaxDepth is flattened, never rejected: tags
// that would open elements far beyond the bound are dropped before the tree
// is built (which also keeps x/net/html's tree builder, which fails beyond 512
// open elements and does work proportional to the depth on every tag, fast),
// and then the descendants of every element at depth lim.MaxDepth (the <html>
// element has depth 1) are replaced by their text and childless elements such
// as <br>, so no path in the result is longer than lim.MaxDepth+1 elements.
// Recursive walks of the result are therefore safe.
func ParseHTML(text string, lim Limits) (*html.Node, error) {
	lim = lim.withDefaults()
	// Fast path: when the input cannot hold more elements than allowed (it
	// has no more '<' than that), let the tree builder try it as it is; it
	// refuses quickly what nests too deep, and only then is the pre-scan,
	// which tokenizes the whole input once more, needed.
	if strings.Count(text, "<") <= lim.MaxNodes {
		if doc, err := html.Parse(strings.NewReader(text)); err == nil {
			return finishTree(doc, lim)
		}
	}
	bound := min(lim.MaxDepth+prescanSlack, builderStackLimit-prescanSlack)
	src, starts, err := prescan(text, bound, false, lim.MaxNodes)
	if err != nil {
		return nil, err
	}
	if starts > lim.MaxNodes {
		return nil, &LimitError{Limit: "nodes", Max: int64(lim.MaxNodes)}
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The simulation in prescan closes elements the builder may keep open;
		// a conservative pass that never closes implicitly bounds it for certain.
		src, _, _ = prescan(text, bound/2, true, lim.MaxNodes)
		doc, err = html.Parse(strings.NewReader(src))
		if err != nil {
			return nil, &LimitError{Limit: "depth", Max: int64(lim.MaxDepth)}
		}
	}
	return finishTree(doc, lim)
}

// finishTree reads noscript markup, flattens what nests deeper than
// lim.MaxDepth, enforces lim.MaxNodes and prunes.
func finishTree(doc *html.Node, lim Limits) (*html.Node, error) {
	expandNoscript(doc)
	nodes := flatten(doc, lim.MaxDepth)
	if nodes > lim.MaxNodes {
		return nil, &LimitError{Limit: "nodes", Max: int64(lim.MaxNodes)}
	}
	prune(doc)
	return doc, nil
}

// flatten replaces the descendants of each element at depth maxDepth by their
// children, keeping text and childless elements, and returns the number of
// elements left in the tree. It walks without recursion.
func flatten(doc *html.Node, maxDepth int) int {
	type frame struct {
		n     *html.Node
		depth int
	}
	elements := 0
	stack := []frame{{doc, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.n.Type == html.ElementNode {
			elements++
		}
		if f.depth >= maxDepth && f.n.Type == html.ElementNode {
			hoistDescendants(f.n)
			for c := f.n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					elements++
				}
			}
			continue
		}
		for c := f.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{c, f.depth + 1})
		}
	}
	return elements
}

// hoistDescendants replaces every child element of n that has children with
// those children, in place and in order, until n's children are text, comments
// and childless elements.
func hoistDescendants(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		if c.Type != html.ElementNode || c.FirstChild == nil {
			c = c.NextSibling
			continue
		}
		first := c.FirstChild
		for gc := c.FirstChild; gc != nil; {
			next := gc.NextSibling
			c.RemoveChild(gc)
			n.InsertBefore(gc, c)
			gc = next
		}
		n.RemoveChild(c)
		c = first // revisit the hoisted children: they may have children too
	}
}

// Title returns the page's title with white space collapsed: the og:title
// meta property when present, else the text of the first <title> element,
// suffixes such as " | Site" kept. It returns "" when there is neither.
func Title(doc *html.Node) string {
	var og, title string
	var found bool
	stack := []*html.Node{doc}
	for len(stack) > 0 && og == "" {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.Namespace == "" {
			switch n.DataAtom {
			case atom.Meta:
				prop := attrValue(n, "property")
				if prop == "" {
					prop = attrValue(n, "name")
				}
				if strings.EqualFold(prop, "og:title") {
					og = collapseSpace(attrValue(n, "content"))
				}
			case atom.Title:
				if !found {
					var b strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.TextNode {
							b.WriteString(c.Data)
						}
					}
					title, found = collapseSpace(b.String()), true
				}
				continue
			case atom.Body:
				// og:title lives in the head; skip the body once a title is known.
				if found {
					continue
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if og != "" {
		return og
	}
	return title
}

// attrValue returns the value of n's attribute key (lower-case), or "".
func attrValue(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// openElem is an element on the pre-scan's simulated stack of open elements.
type openElem struct {
	a    atom.Atom
	name string // set only for tags without an atom (custom elements)
}

// is reports whether e is the element named by a and name.
func (e openElem) is(a atom.Atom, name []byte) bool {
	if a != 0 {
		return e.a == a
	}
	return e.a == 0 && e.name == string(name)
}

// prescanner simulates, cheaply and approximately, the tree builder's stack
// of open elements while tokenizing, and drops the start and end tags of
// elements that would open beyond a depth bound.
type prescanner struct {
	stack        []openElem
	dropped      map[string]int // open tags dropped, by tag name, awaiting their end tags
	bound        int
	conservative bool // close elements only on an end tag naming the top element
}

// prescan tokenizes text, counting its start tags (an error once they pass
// maxNodes), and returns text with the tags that would nest deeper than bound
// removed (text itself when none are). The content of a dropped element stays
// in the output, so it is flattened into its nearest kept ancestor.
func prescan(text string, bound int, conservative bool, maxNodes int) (string, int, error) {
	p := prescanner{bound: bound, conservative: conservative}
	z := html.NewTokenizer(strings.NewReader(text))
	var out *strings.Builder
	pos, starts := 0, 0
	for {
		tt := z.Next()
		raw := z.Raw()
		keep := true
		switch tt {
		case html.ErrorToken:
			if out == nil {
				return text, starts, nil
			}
			out.Write(raw)
			return out.String(), starts, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			starts++
			if starts > maxNodes {
				return "", starts, &LimitError{Limit: "nodes", Max: int64(maxNodes)}
			}
			name, _ := z.TagName()
			keep = p.start(name, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			keep = p.end(name)
		}
		if !keep && out == nil {
			out = &strings.Builder{}
			out.Grow(len(text))
			out.WriteString(text[:min(pos, len(text))])
		}
		if keep && out != nil {
			out.Write(raw)
		}
		pos += len(raw)
	}
}

// voidElements never have children or end tags.
var voidElements = atomSet(atom.Area, atom.Base, atom.Basefont, atom.Bgsound, atom.Br, atom.Col,
	atom.Embed, atom.Frame, atom.Hr, atom.Img, atom.Input, atom.Keygen, atom.Link, atom.Meta,
	atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Image)

// closesP holds the start tags that close an open <p>.
var closesP = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
	atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
	atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
	atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
	atom.Section, atom.Summary, atom.Table, atom.Ul, atom.Li, atom.Dd, atom.Dt, atom.Listing,
	atom.Plaintext, atom.Xmp)

// scopeStops bound the search for an element "in scope".
var scopeStops = atomSet(atom.Html, atom.Table, atom.Td, atom.Th, atom.Caption, atom.Marquee,
	atom.Object, atom.Applet, atom.Template, atom.Svg, atom.Math)

// specialElements stop the search for the element an ordinary end tag closes.
var specialElements = atomSet(atom.Address, atom.Applet, atom.Article, atom.Aside,
	atom.Blockquote, atom.Body, atom.Button, atom.Caption, atom.Center, atom.Colgroup, atom.Dd,
	atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
	atom.Footer, atom.Form, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
	atom.Head, atom.Header, atom.Hgroup, atom.Html, atom.Iframe, atom.Li, atom.Listing, atom.Main,
	atom.Marquee, atom.Menu, atom.Nav, atom.Noembed, atom.Noframes, atom.Noscript, atom.Object,
	atom.Ol, atom.P, atom.Plaintext, atom.Pre, atom.Script, atom.Section, atom.Select, atom.Style,
	atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot,
	atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Ul, atom.Xmp)

// Stop sets for implicitClose: the elements that end the search for an
// element to close implicitly.
var (
	liStops       = atomSet(atom.Ul, atom.Ol, atom.Menu, atom.Table, atom.Td, atom.Th, atom.Template)
	dlStops       = atomSet(atom.Dl, atom.Table, atom.Td, atom.Th, atom.Template)
	trStops       = atomSet(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Template)
	cellStops     = atomSet(atom.Tr, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Template)
	sectionStops  = atomSet(atom.Table, atom.Template)
	tableStops    = atomSet(atom.Td, atom.Th, atom.Caption, atom.Html, atom.Template)
	optionStops   = atomSet(atom.Select, atom.Datalist, atom.Optgroup)
	optgroupStops = atomSet(atom.Select, atom.Datalist)
)

// formattingElements are closed by the adoption agency algorithm.
var formattingElements = atomSet(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font,
	atom.I, atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)

// atomSet builds a set of atoms.
func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

// inForeign reports whether the top of the stack is inside svg or math.
func (p *prescanner) inForeign() bool {
	for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-p.bound; i-- {
		switch p.stack[i].a {
		case atom.Svg, atom.Math:
			return true
		case atom.ForeignObject, atom.Desc:
			return false
		}
	}
	return false
}

// start simulates a start tag and reports whether to keep it.
func (p *prescanner) start(name []byte, selfClosing bool) bool {
	a := atom.Lookup(name)
	if voidElements[a] {
		return true
	}
	if a == atom.Html || a == atom.Head || a == atom.Body {
		return true // merged into the elements the builder already has
	}
	if selfClosing && p.inForeign() {
		return true
	}
	if !p.conservative {
		p.implicitClose(a)
	}
	if len(p.stack) >= p.bound {
		if p.dropped == nil {
			p.dropped = make(map[string]int)
		}
		p.dropped[string(name)]++
		return false
	}
	e := openElem{a: a}
	if a == 0 {
		e.name = string(name)
	}
	p.stack = append(p.stack, e)
	return true
}

// nearCloseLimit bounds the search for an element a start tag closes implicitly.
const nearCloseLimit = 16

// implicitClose pops the elements that a start tag a closes implicitly, for
// the common cases (p, li, dt/dd, table parts, options, a, button, headings).
func (p *prescanner) implicitClose(a atom.Atom) {
	if closesP[a] {
		p.closeNear(scopeStops, atom.P)
	}
	switch a {
	case atom.Li:
		p.closeNear(liStops, atom.Li)
	case atom.Dd, atom.Dt:
		p.closeNear(dlStops, atom.Dd, atom.Dt)
	case atom.Tr:
		p.closeNear(trStops, atom.Tr)
	case atom.Td, atom.Th:
		p.closeNear(cellStops, atom.Td, atom.Th)
	case atom.Tbody, atom.Thead, atom.Tfoot:
		p.closeNear(sectionStops, atom.Tbody, atom.Thead, atom.Tfoot)
	case atom.Table:
		p.closeNear(tableStops, atom.Table)
	case atom.Option:
		p.closeNear(optionStops, atom.Option)
	case atom.Optgroup:
		p.closeNear(optgroupStops, atom.Option, atom.Optgroup)
	case atom.A, atom.Button, atom.Nobr:
		p.closeNear(scopeStops, a)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if n := len(p.stack); n > 0 {
			switch p.stack[n-1].a {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				p.stack = p.stack[:n-1]
			}
		}
	}
}

// closeNear pops through the nearest open element among targets within the
// top nearCloseLimit entries, unless an element in stops comes first.
func (p *prescanner) closeNear(stops map[atom.Atom]bool, targets ...atom.Atom) {
	for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-nearCloseLimit; i-- {
		e := p.stack[i].a
		for _, t := range targets {
			if e == t {
				p.stack = p.stack[:i]
				return
			}
		}
		if stops[e] {
			return
		}
	}
}

// end simulates an end tag and reports whether to keep it.
func (p *prescanner) end(name []byte) bool {
	if n := p.dropped[string(name)]; n > 0 {
		p.dropped[string(name)] = n - 1
		return false
	}
	a := atom.Lookup(name)
	if a == atom.Html || a == atom.Body || a == atom.Head || voidElements[a] {
		return true
	}
	if p.conservative {
		if n := len(p.stack); n > 0 && p.stack[n-1].is(a, name) {
			p.stack = p.stack[:n-1]
		}
		return true
	}
	stops := scopeStops
	if !specialElements[a] && !formattingElements[a] && !scopeStops[a] {
		stops = specialElements
	}
	for i := len(p.stack) - 1; i >= 0; i-- {
		e := p.stack[i]
		if e.is(a, name) {
			p.stack = p.stack[:i]
			return true
		}
		if stops[e.a] {
			return true
		}
	}
	return true
}

// noscriptMinBytes is the size of <noscript> content worth reading as markup.
const noscriptMinBytes = 200

// expandNoscript replaces each <noscript> element in the body that holds a
// substantial piece of markup by that markup, parsed. The parser reads
// noscript content as raw text (scripting on), but some sites (forums built
// on Discourse, pages rendered by a script) put the whole article there for
// readers without scripts. Small noscript blocks (tracking pixels, "enable
// JavaScript" notes) are left for prune to remove.
func expandNoscript(doc *html.Node) {
	var found []*html.Node
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Noscript {
			if n.Parent != nil && n.FirstChild != nil && n.FirstChild.Type == html.TextNode &&
				len(n.FirstChild.Data) >= noscriptMinBytes && strings.Contains(n.FirstChild.Data, "<") {
				found = append(found, n)
			}
			continue
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Head {
			continue
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for _, ns := range found {
		ctx := ns.Parent
		if ctx.Type != html.ElementNode {
			continue
		}
		nodes, err := html.ParseFragment(strings.NewReader(ns.FirstChild.Data), ctx)
		if err != nil {
			continue // too deep or otherwise unusable: prune drops the noscript
		}
		for _, c := range nodes {
			ctx.InsertBefore(c, ns)
		}
		ctx.RemoveChild(ns)
	}
}
