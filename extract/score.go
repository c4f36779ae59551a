package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Stage 1 for HTML: a readability-class scorer over containers. Every block
// long enough to be a paragraph gives its ancestors points for its length and
// punctuation; containers start from a prior set by their tag and class/id
// words; link density discounts them. The best container plus its related
// siblings is the article region, minus the regions inside it recognised as
// comments, related lists, share rows, footers and the like.

// candidate holds the statistics of one container element.
type candidate struct {
	score     float64
	runes     int // text runes in the subtree (of blocks)
	linkRunes int
	init      bool
}

// scorer holds the per-document state of stage 1.
type scorer struct {
	cands map[*html.Node]*candidate
}

// paragraphMinRunes is the weighted length below which a block gives no points.
const paragraphMinRunes = 25

// regionOf runs stage 1 over the blocks of a document and sets each block's Region.
func regionOf(blocks []Block, owners []*html.Node) {
	if len(blocks) == 0 {
		return
	}
	sc := &scorer{cands: make(map[*html.Node]*candidate, len(blocks))}
	for i := range blocks {
		sc.add(&blocks[i], owners[i])
	}
	top := sc.top()
	if top == nil {
		for i := range blocks {
			blocks[i].Region = RegionInside
		}
		return
	}
	region := sc.siblings(top)
	markRegion(blocks, owners, region, top)
}

// get returns the candidate of n, initialising its prior on first use.
func (sc *scorer) get(n *html.Node) *candidate {
	c := sc.cands[n]
	if c == nil {
		c = &candidate{}
		sc.cands[n] = c
	}
	if !c.init {
		c.init = true
		c.score = tagPrior(n) + classWeight(n)
	}
	return c
}

// add credits a block's text and points to its owner's ancestors.
func (sc *scorer) add(b *Block, owner *html.Node) {
	runes := weightedRunes(b.Text)
	for p, level := owner, 0; p != nil && p.Type == html.ElementNode; p, level = p.Parent, level+1 {
		c := sc.get(p)
		c.runes += runes
		c.linkRunes += b.LinkChars
	}
	if runes < paragraphMinRunes || b.LinkDensity() > 0.5 {
		return
	}
	points := 1 + float64(commas(b.Text))
	points += min(float64(runes)/100, 3)
	// The paragraph's container(s) get the points: level 0 is the owner's
	// parent when the owner is a paragraph-like element, else the owner itself.
	start := owner
	if isParagraphTag(owner.DataAtom) && owner.Parent != nil {
		start = owner.Parent
	}
	for p, level := start, 0; p != nil && p.Type == html.ElementNode && level < 5; p, level = p.Parent, level+1 {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			break
		}
		div := 1.0
		switch level {
		case 0:
		case 1:
			div = 2
		default:
			div = float64(level) * 3
		}
		sc.get(p).score += points / div
	}
}

// top returns the container with the best final score, or nil.
func (sc *scorer) top() *html.Node {
	var best *html.Node
	bestScore := 0.0
	for n, c := range sc.cands {
		if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
			continue
		}
		s := c.final()
		if s > bestScore || (s == bestScore && best != nil && before(n, best)) {
			best, bestScore = n, s
		}
	}
	if best == nil || bestScore < 5 {
		return nil
	}
	// Prefer the parent when it holds much more scored text of the same kind
	// (the article is split over sibling containers).
	for p := best.Parent; p != nil && p.DataAtom != atom.Body && p.DataAtom != atom.Html; p = p.Parent {
		pc := sc.cands[p]
		if pc == nil {
			break
		}
		if pc.final() >= bestScore*0.9 && !isJunkContainer(p) {
			best = p
			bestScore = pc.final()
			continue
		}
		break
	}
	return best
}

// final is the candidate's score discounted by its link density.
func (c *candidate) final() float64 {
	ld := 0.0
	if c.runes > 0 {
		ld = float64(c.linkRunes) / float64(c.runes)
	}
	return c.score * (1 - ld)
}

// siblings returns the region: top plus the siblings that belong to the article.
func (sc *scorer) siblings(top *html.Node) map[*html.Node]bool {
	region := map[*html.Node]bool{top: true}
	parent := top.Parent
	if parent == nil {
		return region
	}
	tc := sc.cands[top]
	threshold := max(10, tc.final()*0.2)
	topClass := attr(top, "class")
	for s := parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top || s.Type != html.ElementNode {
			continue
		}
		c := sc.cands[s]
		if c == nil {
			continue
		}
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = tc.final() * 0.2
		}
		if isJunkContainer(s) {
			continue
		}
		if c.final()+bonus >= threshold {
			region[s] = true
			continue
		}
		if isParagraphTag(s.DataAtom) {
			ld := 0.0
			if c.runes > 0 {
				ld = float64(c.linkRunes) / float64(c.runes)
			}
			if (c.runes > 80 && ld < 0.25) || (c.runes > 0 && c.runes <= 80 && ld == 0 && endsSentence(s)) {
				region[s] = true
			}
		}
	}
	return region
}

// markRegion sets the Region of every block: inside when its owner lies in the
// region and not in a junk container below it; edge when it is within a few
// blocks of the region or in a junk container inside it; outside otherwise.
func markRegion(blocks []Block, owners []*html.Node, region map[*html.Node]bool, top *html.Node) {
	const edgeBlocks = 3
	first, last := -1, -1
	for i, o := range owners {
		in, junk := false, false
		for p := o; p != nil; p = p.Parent {
			if region[p] {
				in = true
				break
			}
			if isJunkContainer(p) {
				junk = true
			}
		}
		switch {
		case in && !junk:
			blocks[i].Region = RegionInside
			if first < 0 {
				first = i
			}
			last = i
		case in:
			blocks[i].Region = RegionEdge
		default:
			blocks[i].Region = RegionOutside
		}
	}
	if first < 0 {
		return
	}
	for i := max(0, first-edgeBlocks); i < first; i++ {
		blocks[i].Region = max(blocks[i].Region, RegionEdge)
	}
	for i := last + 1; i < len(blocks) && i <= last+edgeBlocks; i++ {
		blocks[i].Region = max(blocks[i].Region, RegionEdge)
	}
}

// tagPrior is the readability starting score of a container by its tag.
func tagPrior(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	case atom.Nav, atom.Footer, atom.Aside:
		return -25
	}
	return 0
}

// positiveWords and negativeWords are the canonical class words that weigh
// for and against a container.
var positiveWords = map[string]bool{
	"article": true, "content": true, "body": true, "post": true, "entry": true,
	"story": true, "text": true, "main": true, "detail": true, "prose": true,
	"paragraph": true, "blog": true, "rich": true, "markdown": true,
}

var negativeWords = map[string]bool{
	"comment": true, "reply": true, "respond": true, "disqus": true, "related": true,
	"recommend": true, "popular": true, "trending": true, "share": true, "social": true,
	"ad": true, "promo": true, "sponsor": true, "cookie": true, "consent": true,
	"newsletter": true, "subscribe": true, "footer": true, "nav": true, "menu": true,
	"sidebar": true, "widget": true, "breadcrumb": true, "pagination": true,
	"login": true, "modal": true, "popup": true, "banner": true, "header": true,
	"meta": true, "tags": true, "author": true, "byline": true, "bio": true,
	"teaser": true, "card": true, "download": true, "app": true, "qrcode": true,
	"toolbar": true, "print": true, "search": true, "hot": true, "more": true,
}

// junkContainerWords mark a container whose whole content is not article text.
var junkContainerWords = map[string]bool{
	"comment": true, "reply": true, "respond": true, "disqus": true, "related": true,
	"recommend": true, "popular": true, "trending": true, "share": true, "social": true,
	"ad": true, "promo": true, "sponsor": true, "cookie": true, "consent": true,
	"newsletter": true, "subscribe": true, "footer": true, "nav": true, "menu": true,
	"sidebar": true, "breadcrumb": true, "pagination": true, "login": true,
	"modal": true, "popup": true, "toolbar": true, "qrcode": true,
}

// classWeight is +25 or -25 (or 0) from n's own class and id words.
func classWeight(n *html.Node) float64 {
	var words []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			words = classWordsOf(words, a.Val)
		}
	}
	w := 0.0
	pos, neg := false, false
	for _, word := range words {
		if positiveWords[word] {
			pos = true
		}
		if negativeWords[word] {
			neg = true
		}
	}
	if pos {
		w += 25
	}
	if neg {
		w -= 25
	}
	return w
}

// isJunkContainer reports whether n is an element that by its tag or its own
// class/id words holds something other than article text.
func isJunkContainer(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside:
		return true
	case atom.Body, atom.Html, atom.P, atom.Li, atom.A, atom.Span:
		return false
	}
	var words []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			words = classWordsOf(words, a.Val)
		}
	}
	pos := false
	for _, w := range words {
		if positiveWords[w] {
			pos = true
		}
	}
	if pos {
		return false
	}
	for _, w := range words {
		if junkContainerWords[w] {
			return true
		}
	}
	return false
}

// isParagraphTag reports whether a is an element whose text is one paragraph.
func isParagraphTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Li, atom.Dd, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figcaption:
		return true
	}
	return false
}

// commas counts the clause separators of s, Latin and CJK.
func commas(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ',', '，', '、', '；', ';', '。':
			n++
		}
	}
	return n
}

// weightedRunes is the length of s in runes, a CJK character counting as two.
func weightedRunes(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && isCJK(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// endsSentence reports whether n's text ends with sentence punctuation.
func endsSentence(n *html.Node) bool {
	return endPunct(strings.TrimSpace(textOf(n))) == "stop"
}

// textOf returns the concatenated text of n's subtree.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// before reports whether a comes before b in document order (used to break ties deterministically).
func before(a, b *html.Node) bool {
	return depthPath(a) < depthPath(b)
}

// depthPath is a sortable key of n's position in the tree.
func depthPath(n *html.Node) string {
	var parts []byte
	for ; n != nil && n.Parent != nil; n = n.Parent {
		i := 0
		for s := n.Parent.FirstChild; s != nil && s != n; s = s.NextSibling {
			i++
		}
		parts = append([]byte{byte(i >> 8), byte(i)}, parts...)
	}
	return string(parts)
}
