package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

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

// regionOf runs stage 1 over the blocks of a document and sets each block's Region.
func regionOf(blocks []Block, owners []*html.Node) {
	if len(blocks) == 0 {
		return
	}
	junk, overlays := junkContainers(blocks, owners)
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
	// A consent notice or dialog is never the region, however much prose
	// it holds (the region then had nothing inside, and the whole page was
	// kept): 5-fold CV HTML F1 on wceb1000 0.8097 -> 0.8109 with the forum
	// test's share below; zh-dev unchanged.
	var top *html.Node
	best := 0.0
	for _, n := range order {
		if n.DataAtom != atom.Html && mass[n] > best && !inSet(n, overlays) {
			top, best = n, mass[n]
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

// junkShareMax is the largest share of a page's prose that a container
// recognised as junk by its class words may hold: a "sidebar-layout" wrapper
// around the whole article is a layout class, not a sidebar.
const junkShareMax = 0.5

// commentArticleShare is the share of a page's prose outside a comment
// thread above which the thread is junk even when it holds most of the
// prose (a short post with many comments); below it, the thread is the page
// (a forum topic).
const commentArticleShare = 0.3

// junkContainers returns the elements that hold something other than
// article text (see isJunkContainer), leaving out those that hold most of
// the page's prose, and apart the consent notices and dialogs among them
// (junkOverlay), which are junk whatever they hold.
func junkContainers(blocks []Block, owners []*html.Node) (junk, overlays map[*html.Node]bool) {
	prose := make(map[*html.Node]float64)
	total := 0.0
	for i := range blocks {
		m := max(blockMass(&blocks[i], false), 0)
		total += m
		if m == 0 {
			continue
		}
		for p := owners[i]; p != nil && p.Type == html.ElementNode; p = p.Parent {
			prose[p] += m
		}
	}
	junk = make(map[*html.Node]bool)
	overlays = make(map[*html.Node]bool)
	// A heading that opens comments or a related list makes itself and
	// the rest of its container junk, unless it ends in a colon after words
	// of its own ("Recommended courses:" announces the article's own list;
	// "Related posts:" is still a stop heading). 5-fold CV HTML F1 on
	// wceb1000 0.8027 -> 0.8035 for the colon; zh-dev 0.9330 -> 0.9329.
	for i := range blocks {
		if !blocks[i].Heading || blocks[i].LinkChars > 0 {
			continue
		}
		if !opensStopSection(blocks[i].Text, "") {
			continue
		}
		o := owners[i]
		junk[o] = true
		for s := o.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode {
				junk[s] = true
			}
		}
	}
	seen := make(map[*html.Node]bool)
	kinds := make(map[*html.Node]junkKindT)
	var marked []*html.Node // the containers of kinds, as first reached
	for _, o := range owners {
		for p := o; p != nil && p.Type == html.ElementNode && !seen[p]; p = p.Parent {
			seen[p] = true
			if k := junkKind(p); k != junkNone {
				kinds[p] = k
				marked = append(marked, p)
			}
		}
	}
	var comments []*html.Node
	for _, p := range marked {
		switch kinds[p] {
		case junkOverlay:
			junk[p] = true
			overlays[p] = true
		case junkOther:
			junk[p] = total == 0 || prose[p] <= junkShareMax*total
		case junkBox:
			junk[p] = total == 0 || prose[p] <= boxShareMax*total
		case junkComments:
			comments = append(comments, p)
		}
	}
	// A consent notice or a dialog is never the article: whether a thread
	// is the page is weighed without its prose (a forum topic under a long
	// cookie notice is still a forum topic).
	for _, p := range marked {
		if overlays[p] && !hasAncestorIn(p, overlays) {
			total = max(total-prose[p], 0)
		}
	}
	// Comments are junk beside an article. A page that is nothing but
	// comments (a forum topic, where every post is a "comment") has no
	// article beside them: its posts are the page. A thread that a stop
	// heading opens ("59 Comments on “Title”") stays junk either way: it
	// is a post's comments, however long. 5-fold CV HTML F1 on wceb1000
	// 0.8092 -> 0.8097 with isThreadTitle; zh-dev unchanged.
	isComment := make(map[*html.Node]bool, len(comments))
	for _, c := range comments {
		isComment[c] = true
	}
	inThread := 0.0
	for _, c := range comments {
		if !hasAncestorIn(c, isComment) {
			inThread += prose[c]
		}
	}
	forum := total > 0 && total-inThread < commentArticleShare*total
	for _, c := range comments {
		junk[c] = junk[c] || !forum && (total == 0 || prose[c] <= junkShareMax*total || total-prose[c] >= commentArticleShare*total)
	}
	return junk, overlays
}

// introducesList reports whether a heading's text ends in a colon (ASCII or
// full-width), announcing what follows as part of the text.
func introducesList(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：")
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

// junkContainerWords mark a container whose whole content is not article text.
var junkContainerWords = map[string]bool{
	"comment": true, "reply": true, "respond": true, "disqus": true, "related": true,
	"recommend": true, "popular": true, "trending": true, "share": true, "social": true,
	"ad": true, "promo": true, "sponsor": true, "cookie": true, "consent": true,
	"newsletter": true, "subscribe": true, "footer": true, "nav": true, "navbar": true, "menu": true,
	"sidebar": true, "breadcrumb": true, "pagination": true, "login": true,
	"modal": true, "popup": true, "toolbar": true, "qrcode": true,
}

// boxWords mark a small box of junk beside the article: "author" an author
// box ("author-bio", "author_card"), the writer's biography, photo and links,
// which the truths leave out of the article (a byline or a forum post's user
// name marked so goes too). Such a box is a paragraph or two, so a container
// marked by one of them is junk only while it holds at most boxShareMax of
// the page's prose: a wrapper that carries the word as a modifier
// ("story-body--with-author") holds the article (a post's author term,
// "author-jane-doe", is a taxonomy class, see isTaxonomyClass). Words of the plural ("authors") are not in the class
// words (classwords.txt) and do not count. HTML F1 (5-fold CV, see the
// decision thresholds in package winnow) on wceb1000 0.8091 -> 0.8092
// and zh-dev 0.9374 unchanged; snippet F on trafilatura's comparison set
// (train split) 0.9032 -> 0.9061; shingle F1 on the Readability test pages
// (all) 0.9278 -> 0.9282. Other class words measured as junk containers
// with "author" (all junk words, before boxShareMax) each lowered wceb1000:
// "tags", "meta" and "banner" 0.8089, "search" 0.8085, "widget" (Elementor
// names every element a widget) 0.8074, "hidden" 0.8011. "bio" (0.8092;
// Readability pages 0.9277), "caption" (0.8092; 0.9262) and "date"
// (0.8091; trafilatura's set 0.9057) lowered another set; "byline" and
// "time" moved no set by more than 0.0001.
var boxWords = map[string]bool{"author": true}

// boxShareMax is the largest share of a page's prose that a container
// marked by one of boxWords may hold and be junk (see junkShareMax for the
// other junk words). The four sets of boxWords' comment: at 0.5 (as the
// other junk words) 0.8092, 0.9374, 0.9063 and 0.9282; at 0.25 and 0.15
// 0.8092, 0.9374, 0.9061 and 0.9282; at 0.1 0.8091, 0.9374, 0.9059 and
// 0.9282. At 0.25 an article whose wrapper carries the word stays the
// article beside comments up to three times as long, and a short news
// item's author box (a fifth of its prose) is still junk.
const boxShareMax = 0.25

// junkKindT classifies containers recognised as not article text.
type junkKindT uint8

const (
	junkNone     junkKindT = iota
	junkOther              // menus, footers, related lists, share rows, ...
	junkBox                // a small box beside the article (see boxWords)
	junkComments           // comment threads
	junkOverlay            // consent platforms' notices and dialogs over the page: junk whatever they hold
)

// overlayWords are the class/id words of the consent platforms' notices
// (OneTrust, Cookiebot, Complianz, Didomi, Usercentrics), which are junk
// whatever they hold; plain "cookie" or "consent" words are junkOther.
var overlayWords = map[string]bool{"onetrust": true, "optanon": true, "cookiebot": true, "cmplz": true, "didomi": true, "usercentrics": true}

// commentWords mark a comment thread.
var commentWords = map[string]bool{"comment": true, "reply": true, "respond": true, "disqus": true}

// isJunkContainer reports whether n is an element that by its tag or its own
// class/id words holds something other than article text: comments, related
// lists, share rows, footers, menus, figure captions, author boxes and the
// like. A junk word wins over an article word ("post-comments" is
// comments), but layout modifiers such as "has-sidebar" or "with-share"
// describe the container's neighbours, not the container, and are ignored.
func isJunkContainer(n *html.Node) bool { return junkKind(n) != junkNone }

// junkKind returns what kind of junk container n is, if any (see isJunkContainer).
func junkKind(n *html.Node) junkKindT {
	if n.Type != html.ElementNode {
		return junkNone
	}
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside:
		return junkOther
	case atom.Figcaption:
		// A caption describes a picture; the truths leave it out of the
		// article more often than not (of the figcaption blocks inside
		// the region in `winnow label --split train` of wceb1000, 301 of
		// 403 are junk), as trafilatura does. At the region's edge, stage
		// 2 still keeps one it is sure of. 5-fold CV HTML F1 on wceb1000
		// 0.8067 -> 0.8079, zh-dev 0.9374 unchanged; --fast on wceb1000's
		// train split 0.8005 -> 0.8017; trafilatura's comparison set (train
		// split; see winnow's recentreTarget for the commands) snippet F
		// 0.8950 -> 0.9014.
		return junkOther
	case atom.Body, atom.Html, atom.P, atom.Li, atom.A, atom.Span, atom.Article, atom.Main:
		return junkNone
	}
	kind := junkNone
	var buf [8]string
	topic := -1 // whether n's id names a topic (see isTopicID): -1 not yet known
	for _, a := range n.Attr {
		switch {
		case a.Key == "role" && (a.Val == "dialog" || a.Val == "alertdialog"),
			a.Key == "aria-modal" && a.Val == "true":
			return junkOverlay
		case a.Key != "class" && a.Key != "id":
			continue
		}
		post := a.Key == "class" && isPostClassList(a.Val)
		for _, class := range strings.Fields(a.Val) {
			if isLayoutModifier(class) || post && isTaxonomyClass(class) {
				continue
			}
			for _, w := range classWordsOf(buf[:0], class) {
				switch {
				case overlayWords[w]:
					return junkOverlay
				case commentWords[w]:
					return junkComments
				case junkContainerWords[w] && a.Key == "id":
					if topic < 0 {
						topic = 0
						if isTopicID(n, a.Val) {
							topic = 1
						}
					}
					if topic == 0 {
						kind = junkOther
					}
				case junkContainerWords[w]:
					kind = junkOther
				case boxWords[w] && kind == junkNone:
					kind = junkBox
				}
			}
		}
	}
	return kind
}

// pagePartWords are the junk words that name a part of a page rather than a
// topic: a heading that holds one ("Navigation", "Get our newsletter",
// "Share this article") says what its element is.
var pagePartWords = map[string]bool{
	"nav": true, "navbar": true, "menu": true, "footer": true, "sidebar": true, "breadcrumb": true,
	"pagination": true, "toolbar": true, "modal": true, "popup": true, "newsletter": true,
	"subscribe": true, "share": true, "social": true, "login": true,
}

// pagePartHeadingWords is the longest heading, in words, that names a part
// of a page by one of pagePartWords ("Get our newsletter", "Share this
// article"); a longer one that the id spells is a topic ("Effective menu
// management for caterers" over id="effective-menu-management-for-caterers").
const pagePartHeadingWords = 4

// isTopicID reports whether an element's id names its topic rather than
// what it is, so that its junk words (other than comment and consent-
// platform words, which always count) do not make it junk: the element
// opens with a heading (see firstHeading) that neither opens comments or a
// related list (isStopHeading) nor names a part of a page (a heading with one
// of pagePartWords, unless it is long and the id spells it),
// and the element is a <section> (HTML5 sections carry ids as anchors for
// links into the page: "cookies", "s-select-related") or its id spells that
// heading ("sharing-your-work" over <h2>Sharing your work</h2>, as
// documentation generators write them; see spells). A section of a guide
// about cookies is not a cookie notice; <section id="newsletter"><h2>Get our
// newsletter</h2> and <section id="comments"><p>Nice post!</p> are junk.
func isTopicID(n *html.Node, id string) bool {
	h := firstHeading(n)
	if h == nil {
		return false
	}
	heading := strings.TrimSpace(nodeText(h))
	if isStopHeading(heading) {
		return false
	}
	spelled := spells(slug(id), slug(heading))
	if len(strings.Fields(heading)) <= pagePartHeadingWords || !spelled {
		for _, w := range classWordsOf(nil, heading) {
			if pagePartWords[w] {
				return false
			}
		}
	}
	return n.DataAtom == atom.Section || spelled
}

// spells reports whether an id's slug spells a heading's slug: equal, or
// holding it whole (between word boundaries) when the heading has two words
// or more ("1-heading-how-popular-is-yoga" over "How popular is yoga?").
func spells(id, heading string) bool {
	switch {
	case heading == "":
		return false
	case id == heading:
		return true
	case !strings.Contains(heading, "-"):
		return false
	}
	return strings.Contains("-"+id+"-", "-"+heading+"-")
}

// firstHeadingBudget is how many nodes firstHeading looks at before it
// gives up: a heading that opens an element comes within its first few
// nodes, and a bound keeps a page of nested wrappers around many empty
// elements from being walked once per wrapper.
const firstHeadingBudget = 64

// firstHeading returns the heading (h1-h6) that n's text opens with, found
// by descending into the first element with text at each level (anchors and
// other empty elements before it are passed over), or nil when text comes
// first or no heading is found within firstHeadingBudget nodes.
func firstHeading(n *html.Node) *html.Node {
	budget := firstHeadingBudget
	for budget > 0 {
		var first *html.Node
		for c := n.FirstChild; c != nil && first == nil && budget > 0; c = c.NextSibling {
			budget--
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return nil // text before any element
			case c.Type == html.ElementNode && hasText(c, &budget):
				first = c
			}
		}
		if first == nil {
			return nil
		}
		switch first.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return first
		}
		n = first
	}
	return nil
}

// slug lower-cases s and joins its runs of letters and digits with "-".
func slug(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// hasText reports whether n holds text other than white space, stopping at
// the first such text node; every node it looks at costs one of *budget,
// and it reports false when the budget runs out.
func hasText(n *html.Node, budget *int) bool {
	for c := n.FirstChild; c != nil && *budget > 0; c = c.NextSibling {
		*budget--
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && hasText(c, budget) {
			return true
		}
	}
	return false
}

// nodeText returns the text of n's text nodes, concatenated.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// isLayoutModifier reports whether a class names a state or layout of the
// element ("has-sidebar", "no-comments", "with-share-buttons").
func isLayoutModifier(class string) bool {
	return hasPrefixFold(class, "has-", "has_", "with-", "with_", "no-", "no_", "show-", "hide-", "is-", "layout-", "template-")
}

// isTaxonomyClass reports whether a class names a taxonomy term of a post
// ("category-cookies", "tag-comments", "author-jane-doe"): on a post's
// wrapper (see isPostClassList) it says what the post is about or who wrote
// it, not what the wrapper is.
func isTaxonomyClass(class string) bool {
	return hasPrefixFold(class, "category-", "category_", "tag-", "tag_", "author-", "author_")
}

// isPostClassList reports whether a class attribute is that of a blog
// post's wrapper as CMSs write it: "hentry", or a "type-*" class
// ("post-123 type-post hentry category-news").
func isPostClassList(classes string) bool {
	for _, c := range strings.Fields(classes) {
		if strings.EqualFold(c, "hentry") || hasPrefixFold(c, "type-") {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with one of prefixes (lower-case),
// ignoring case.
func hasPrefixFold(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
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
