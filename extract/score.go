package extract

import (
	"cmp"
	"slices"

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
// stage's maximum run of lines); other containers apart from it that hold a
// fair share of its mass join it (see secondaryRegions). Blocks inside
// containers recognised as comments, related lists, share rows, author
// boxes, footers and the like count for less, and inside the region they are
// marked edge rather than inside.

// Weights of the block mass, tuned on the training split of the shared corpora.
const (
	massStopBonus  = 1.0 // extra weight of a block that ends a sentence
	massCommaBonus = 0.3 // extra weight per clause separator, up to massCommaMax
	massCommaMax   = 5
	massJunkFactor = 0.3 // weight of prose inside a junk container
	massLinkCost   = 1.5 // cost per word of link text
	massBlockCost  = 1.0 // cost of every block
	edgeBlocks     = 3   // blocks either side of the region that are "edge"
	// A block of teaserWords or more that ends a sentence counts its link
	// words at teaserLinkWeight of prose: listings of linked summaries
	// (cards, teasers) are the page's content. 5-fold CV on the training
	// splits: HTML F1 0.7921 -> 0.7969 on wceb1000, 0.9280 -> 0.9282 on zh-dev.
	teaserWords      = 12
	teaserLinkWeight = 0.5
)

// blockMass is the evidence that a block is article prose.
func blockMass(b *Block, inJunk bool) float64 {
	w := float64(textWeight(b.Text))
	link := w * b.LinkDensity()
	q := 1.0
	stop := endPunct(b.Text) == "stop"
	if stop {
		q += massStopBonus
	}
	q += min(float64(commas(b.Text)), massCommaMax) * massCommaBonus
	if inJunk {
		q *= massJunkFactor
	}
	if w >= teaserWords && stop {
		// A linked sentence (a teaser, a card's summary) reads as prose:
		// its link words weigh half, they do not cost.
		return (w-link)*q + link*q*teaserLinkWeight - massBlockCost
	}
	return (w-link)*q - link*massLinkCost - massBlockCost
}

// regionOf runs stage 1 over the blocks of a document and sets each block's
// Region, and Thread on those of a blog post's comment thread.
func regionOf(blocks []Block, owners []*html.Node) {
	if len(blocks) == 0 {
		return
	}
	junk, overlays, thread := junkContainers(blocks, owners)
	markThread(blocks, owners, thread)
	// order lists the containers as first reached, nearest ancestor first,
	// so that ties go deterministically to the smaller, earlier container.
	var order []*html.Node
	mass := make(map[*html.Node]float64, len(blocks))
	for i := range blocks {
		m := blockMass(&blocks[i], inSet(owners[i], junk))
		for p := owners[i]; p != nil && p.Type == html.ElementNode; p = p.Parent {
			if _, seen := mass[p]; !seen {
				order = append(order, p)
			}
			mass[p] += m
		}
	}
	// A consent notice or dialog is not the region, however much prose it
	// holds (the region then had nothing inside, and the whole page was
	// kept), unless nothing else has prose: then it is the page (a post
	// saved open in a dialog). 5-fold CV HTML F1 on wceb1000 0.8097 ->
	// 0.8109 with the forum test's share (see junkContainers); zh-dev
	// unchanged.
	var top *html.Node
	best := 0.0
	for _, overlaid := range []bool{false, true} {
		for _, n := range order {
			if n.DataAtom != atom.Html && mass[n] > best && (overlaid || len(overlays) == 0 || !inSet(n, overlays)) {
				top, best = n, mass[n]
			}
		}
		if top != nil || len(overlays) == 0 {
			break
		}
	}
	if best < listingMinMass {
		if list := listingRegion(blocks, owners, order, junk); list != nil {
			// A listing has no prose mass to share with secondary regions;
			// the prose apart from it (its introduction, or a brief the
			// listing only follows) joins it.
			markRegion(blocks, owners, list, junk)
			if top != nil && !within(top, list) && !within(list, top) {
				markSecondary(blocks, owners, []*html.Node{top}, junk)
			}
			return
		}
	}
	if top == nil {
		// Nothing looks like prose, nor like a listing: every block is a
		// candidate for stage 2.
		for i := range blocks {
			blocks[i].Region = RegionEdge
		}
		return
	}
	markRegion(blocks, owners, top, junk)
	markSecondary(blocks, owners, secondaryRegions(order, mass, top, junk), junk)
}

// markThread sets Thread on the blocks under a container of thread, the
// comment threads that junkContainers found titled after the post.
func markThread(blocks []Block, owners []*html.Node, thread map[*html.Node]bool) {
	if len(thread) == 0 {
		return
	}
	for i := range blocks {
		blocks[i].Thread = inSet(owners[i], thread)
	}
}

// listingMinMass is the prose mass under which a page may be a listing
// rather than an article: about sixty words of prose. Tuned with the first
// version of listingRegion (the largest container by words, with no test of
// its shape) on the training splits, stage 1 alone (wceb1000 F1 0.7954
// without it; 0.7977 at 30, 0.7980 at 100, 0.7998 at 200), and by 5-fold CV
// (at 200 zh-dev, whose masses count characters, fell from 0.9327 to
// 0.9268; at 100 it did not move).
const listingMinMass = 100

// Shape of a listing (see listingRegion): enough items, mostly links.
const (
	listingMinBlocks    = 8
	listingMinLinkShare = 0.3
	listingMinItemWords = 2 // words per block, on average: titles, not a menu's labels
)

// listingRegion returns the region of a listing page (a shop's category, a
// job board, a page of award winners) whose little prose is at most an
// introduction, or nil when the page does not look like one: the smallest
// container, below <body>, that holds all the link words of the container
// with the most of them, outside junk containers (a listing's items are
// links). It must hold listingMinBlocks blocks or more, of
// listingMinItemWords words on average, and link words must be a
// listingMinLinkShare of its words, or it is no listing (a short article, a
// brief, a menu of one-word links).
func listingRegion(blocks []Block, owners []*html.Node, order []*html.Node, junk map[*html.Node]bool) *html.Node {
	words := make(map[*html.Node]float64, len(order))
	links := make(map[*html.Node]float64, len(order))
	count := make(map[*html.Node]int, len(order))
	for i := range blocks {
		if inSet(owners[i], junk) {
			continue
		}
		w := float64(textWeight(blocks[i].Text))
		l := w * blocks[i].LinkDensity()
		for p := owners[i]; p != nil && p.Type == html.ElementNode; p = p.Parent {
			words[p] += w
			links[p] += l
			count[p]++
		}
	}
	var top *html.Node
	best := 0.0
	for _, n := range order {
		if n.DataAtom != atom.Html && n.DataAtom != atom.Body && links[n] > best {
			top, best = n, links[n]
		}
	}
	for top != nil {
		var next *html.Node
		for c := top.FirstChild; c != nil && next == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && links[c] >= links[top] {
				next = c
			}
		}
		if next == nil {
			break
		}
		top = next
	}
	if top == nil || count[top] < listingMinBlocks || links[top] < listingMinLinkShare*words[top] || words[top] < listingMinItemWords*float64(count[top]) {
		return nil
	}
	return top
}

// secondaryShare is the share of the region's mass from which another
// container, apart from the region, is article too: a page whose article is
// split across two columns, or whose body sits beside its headline and
// lead. Tuned by 5-fold cross-validation on the training splits: HTML F1
// 0.7885 -> 0.7894 on wceb1000, 0.9237 -> 0.9280 on zh-dev.
const secondaryShare = 0.2

// secondaryRegions returns the containers, largest mass first, that hold
// at least secondaryShare of the region's mass, neither hold nor lie in the
// region or an earlier one, and are not junk nor lie in junk (a comment
// thread or a consent notice never joins, whatever it holds).
func secondaryRegions(order []*html.Node, mass map[*html.Node]float64, top *html.Node, junkSet map[*html.Node]bool) []*html.Node {
	least := secondaryShare * mass[top]
	var cands []*html.Node
	for _, n := range order {
		if n != top && n.DataAtom != atom.Html && n.DataAtom != atom.Body && mass[n] >= least {
			cands = append(cands, n)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b *html.Node) int { return cmp.Compare(mass[b], mass[a]) })
	// taken holds the chosen containers; above, their ancestors.
	taken := map[*html.Node]bool{top: true}
	above := make(map[*html.Node]bool)
	for p := top.Parent; p != nil; p = p.Parent {
		above[p] = true
	}
	var out []*html.Node
	for _, c := range cands {
		if above[c] || inSet(c, taken) || inSet(c, junkSet) {
			continue
		}
		taken[c] = true
		out = append(out, c)
		for p := c.Parent; p != nil; p = p.Parent {
			above[p] = true
		}
	}
	return out
}

// markSecondary marks the blocks of the secondary regions as markRegion
// marks the region's: inside, or edge when in a junk container below the
// secondary region, and the few blocks either side of them edge.
func markSecondary(blocks []Block, owners []*html.Node, regions []*html.Node, junkSet map[*html.Node]bool) {
	if len(regions) == 0 {
		return
	}
	isRegion := make(map[*html.Node]bool, len(regions))
	for _, r := range regions {
		isRegion[r] = true
	}
	var joined []int
	for i, o := range owners {
		if blocks[i].Region == RegionInside {
			continue
		}
		junk := false
		for p := o; p != nil; p = p.Parent {
			if isRegion[p] {
				if junk {
					blocks[i].Region = max(blocks[i].Region, RegionEdge)
				} else {
					blocks[i].Region = RegionInside
					joined = append(joined, i)
				}
				break
			}
			junk = junk || junkSet[p]
		}
	}
	for _, i := range joined {
		for j := max(0, i-edgeBlocks); j <= min(len(blocks)-1, i+edgeBlocks); j++ {
			blocks[j].Region = max(blocks[j].Region, RegionEdge)
		}
	}
}

// inSet reports whether n or one of its ancestors is in set.
func inSet(n *html.Node, set map[*html.Node]bool) bool {
	return set[n] || hasAncestorIn(n, set)
}

// within reports whether n is anc or lies inside it.
func within(n, anc *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}

// hasAncestorIn reports whether a proper ancestor of n is in set.
func hasAncestorIn(n *html.Node, set map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// markRegion sets the Region of every block: inside when its owner lies in
// the region and not in a junk container below it; edge when it is within a
// few blocks of the region or in a junk container inside it; outside
// otherwise.
func markRegion(blocks []Block, owners []*html.Node, top *html.Node, junkSet map[*html.Node]bool) {
	first, last := -1, -1
	for i, o := range owners {
		in, junk := false, false
		for p := o; p != nil; p = p.Parent {
			if p == top {
				in = true
				break
			}
			if junkSet[p] {
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
