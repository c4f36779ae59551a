package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Stage 1 for HTML: the article is the maximum-scoring subtree. Every block
// has a mass: positive for prose (its non-link text, more for punctuated
// sentences), negative for link text, less a constant per block so that a
// run of short items (a menu, a share row) costs more than it gives. A
// container's mass is the sum over the blocks below it, and the article
// region is the container of the largest mass: adding a sidebar, a footer or
// a menu to the article's container lowers the mass, so the smallest
// container that holds all the prose wins (the tree analogue of the text
// stage's maximum run of lines). Blocks inside containers recognised as
// comments, related lists, share rows, footers and the like count for less,
// and inside the region they are marked edge rather than inside.

// Weights of the block mass, tuned on the training split of the shared corpora.
const (
	massStopBonus  = 1.0 // extra weight of a block that ends a sentence
	massCommaBonus = 0.3 // extra weight per clause separator, up to massCommaMax
	massCommaMax   = 5
	massJunkFactor = 0.3 // weight of prose inside a junk container
	massLinkCost   = 1.5 // cost per word of link text
	massBlockCost  = 1.0 // cost of every block
	edgeBlocks     = 3   // blocks either side of the region that are "edge"
)

// blockMass is the evidence that a block is article prose.
func blockMass(b *Block, inJunk bool) float64 {
	w := float64(textWeight(b.Text))
	link := w * b.LinkDensity()
	q := 1.0
	if endPunct(b.Text) == "stop" {
		q += massStopBonus
	}
	q += min(float64(commas(b.Text)), massCommaMax) * massCommaBonus
	if inJunk {
		q *= massJunkFactor
	}
	return (w-link)*q - link*massLinkCost - massBlockCost
}

// regionOf runs stage 1 over the blocks of a document and sets each block's Region.
func regionOf(blocks []Block, owners []*html.Node) {
	if len(blocks) == 0 {
		return
	}
	mass := make(map[*html.Node]float64, len(blocks))
	for i := range blocks {
		inJunk := false
		for p := owners[i]; p != nil; p = p.Parent {
			if isJunkContainer(p) {
				inJunk = true
				break
			}
		}
		m := blockMass(&blocks[i], inJunk)
		for p := owners[i]; p != nil && p.Type == html.ElementNode; p = p.Parent {
			mass[p] += m
		}
	}
	var top *html.Node
	best := 0.0
	for n, m := range mass {
		if n.DataAtom == atom.Html {
			continue
		}
		if m > best || (m == best && top != nil && before(n, top)) {
			top, best = n, m
		}
	}
	if top == nil {
		// Nothing looks like prose: every block is a candidate for stage 2.
		for i := range blocks {
			blocks[i].Region = RegionEdge
		}
		return
	}
	markRegion(blocks, owners, top)
}

// markRegion sets the Region of every block: inside when its owner lies in
// the region and not in a junk container below it; edge when it is within a
// few blocks of the region or in a junk container inside it; outside
// otherwise.
func markRegion(blocks []Block, owners []*html.Node, top *html.Node) {
	first, last := -1, -1
	for i, o := range owners {
		in, junk := false, false
		for p := o; p != nil; p = p.Parent {
			if p == top {
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

// positiveWords are the canonical class words of article containers.
var positiveWords = map[string]bool{
	"article": true, "content": true, "body": true, "post": true, "entry": true,
	"story": true, "text": true, "main": true, "detail": true, "prose": true,
	"paragraph": true, "blog": true, "rich": true, "markdown": true,
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

// isJunkContainer reports whether n is an element that by its tag or its own
// class/id words holds something other than article text. A container that
// also carries an article word ("post-content related") is not junk.
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
	var buf [8]string
	words := buf[:0]
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			words = classWordsOf(words, a.Val)
		}
	}
	junk := false
	for _, w := range words {
		if positiveWords[w] {
			return false
		}
		junk = junk || junkContainerWords[w]
	}
	return junk
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
