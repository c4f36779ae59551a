package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Junk containers for HTML stage 1: the elements whose whole content is
// not article text (comment threads, related lists, share rows, author
// boxes, footers, consent notices), recognised by their tags, class and
// id words and the headings that open them. Their prose counts little
// towards a container's mass (see blockMass), and their blocks are never
// inside the region (see markRegion).

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
// the page's prose; and, apart, the consent notices and dialogs among
// them (junkOverlay), which are junk whatever they hold, and the elements
// of a blog post's comment thread known by its titles (thread, a subset of
// junk; see Block.Thread).
func junkContainers(blocks []Block, owners []*html.Node) (junk, overlays, thread map[*html.Node]bool) {
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
	thread = make(map[*html.Node]bool)
	// A heading that opens comments or a related list makes itself and
	// the rest of its container junk, unless it ends in a colon after words
	// of its own ("Recommended courses:" announces the article's own list;
	// "Related posts:" is still a stop heading). 5-fold CV HTML F1 on
	// wceb1000 0.8027 -> 0.8035 for the colon; zh-dev 0.9330 -> 0.9329.
	//
	// A blog's thread title, "59 Comments on “Title”", which names an
	// earlier heading of the page (the post's headline), does the same,
	// and what it marks stays junk even where the thread holds most of
	// the page's prose (a short post with many comments; see below).
	titles := threadTitles{blocks: blocks, headings: true}
	var replies []reply
	lastStop := -1 // the last stop heading or thread title so far
	for i := range blocks {
		if !blocks[i].Heading {
			continue
		}
		if j := titles.replyAt(i); j >= 0 {
			replies = append(replies, reply{at: i, names: j, stop: lastStop})
			continue
		}
		named := titles.at(i)
		if !named && !opensStopSection(blocks[i].Text, "") {
			continue
		}
		lastStop = i // a linked "Comments" heading opens replies too
		if blocks[i].LinkChars > 0 {
			continue
		}
		o := owners[i]
		for s := o; s != nil; s = s.NextSibling {
			if s != o && junk[s] && (!named || thread[s]) {
				break // an earlier heading among these siblings marked the rest
			}
			if s.Type == html.ElementNode {
				junk[s] = true
				if named {
					thread[s] = true
				}
			}
		}
	}
	// marked holds the containers of a junk kind, as first reached.
	type markedNode struct {
		n    *html.Node
		kind junkKindT
	}
	var marked []markedNode
	seen := make(map[*html.Node]bool)
	for _, o := range owners {
		for p := o; p != nil && p.Type == html.ElementNode && !seen[p]; p = p.Parent {
			seen[p] = true
			if k := junkKind(p); k != junkNone {
				marked = append(marked, markedNode{p, k})
			}
		}
	}
	var comments []*html.Node
	for _, m := range marked {
		switch m.kind {
		case junkOverlay:
			junk[m.n] = true
			overlays[m.n] = true
		case junkOther:
			junk[m.n] = total == 0 || prose[m.n] <= junkShareMax*total
		case junkBox:
			junk[m.n] = total == 0 || prose[m.n] <= boxShareMax*total
		case junkComments:
			comments = append(comments, m.n)
		}
	}
	// A consent notice or a dialog is never the article: whether a thread
	// is the page is weighed without its prose, pageProse (a forum topic
	// under a long cookie notice is still a forum topic). The shares of
	// junkOther and junkBox above keep it: without it, a footer of fine
	// print beside a short product page held over half of the rest, and was
	// no longer junk (wceb1000's 3062 0.805 -> 0.510, 0329 0.990 -> 0.965).
	pageProse := total
	for _, m := range marked { // in order: float sums must not depend on a map's
		if m.kind == junkOverlay && !hasAncestorIn(m.n, overlays) {
			pageProse = max(pageProse-prose[m.n], 0)
		}
	}
	// Comments are junk beside an article. A page that is nothing but
	// comments (a forum topic, where every post is a "comment") has no
	// article beside them: its posts are the page. A thread that a blog's
	// thread title opens stays junk either way: it is a post's comments,
	// however long. 5-fold CV HTML F1 on wceb1000 0.8092 -> 0.8097 with
	// the thread titles; zh-dev unchanged.
	isComment := make(map[*html.Node]bool, len(comments))
	for _, c := range comments {
		isComment[c] = true
	}
	replyThreads(blocks, owners, titles.keys, replies, isComment, thread)
	inThread := 0.0
	for _, c := range comments {
		if !hasAncestorIn(c, isComment) {
			inThread += prose[c]
		}
	}
	forum := pageProse > 0 && pageProse-inThread < commentArticleShare*pageProse
	for _, c := range comments {
		junk[c] = thread[c] || !forum && (pageProse == 0 || prose[c] <= junkShareMax*pageProse || pageProse-prose[c] >= commentArticleShare*pageProse)
	}
	return junk, overlays, thread
}

// reply is a heading titled "Re: " and an earlier heading's text (see
// replyTitle): its index, at; the earlier heading's, names; and the last
// stop heading's or thread title's before it, stop (-1 for none).
type reply struct{ at, names, stop int }

// replyThreads marks in thread the comment containers that hold replies
// (headings titled "Re: " and the post's headline, see replyTitle) after a
// stop heading ("Comments", "评论") when the headline is outside them: a
// post's comments, which stay junk however long (.Text's and Community
// Server's markup). A forum's replies are titled after the topic too, but
// its first post is titled the topic under another heading of the replies'
// tag (phpBB's and SMF's posts): such replies are the page. keys are the
// headings' folded texts (threadTitles.keys); isComment marks the comment
// containers.
func replyThreads(blocks []Block, owners []*html.Node, keys []string, replies []reply, isComment, thread map[*html.Node]bool) {
	if replies = afterStops(keys, replies); len(replies) == 0 {
		return
	}
	titled := make(map[titleKey]int) // the headings by tag and text
	for i, key := range keys {
		if key != "" {
			titled[titleKey{blocks[i].Tag, key}]++
		}
	}
	above, aboveOf := make(map[*html.Node]bool), -1 // the ancestors of blocks[aboveOf], the heading replied to
	for _, r := range replies {
		others := titled[titleKey{blocks[r.at].Tag, keys[r.names]}]
		if blocks[r.names].Tag == blocks[r.at].Tag {
			others-- // the headline itself
		}
		if others > 0 {
			continue // a forum post's reply
		}
		if r.names != aboveOf { // replies to one headline come together
			clear(above)
			for p := owners[r.names]; p != nil; p = p.Parent {
				above[p] = true
			}
			aboveOf = r.names
		}
		for p := owners[r.at]; p != nil && !above[p]; p = p.Parent {
			if isComment[p] {
				thread[p] = true
			}
		}
	}
}

// afterStops sets each reply's names to the last heading before it with the
// text it repeats (a page can carry the headline twice, in its header and
// over the post), and keeps the replies that a stop heading or thread title
// separates from that heading ("Comments" between the post and them). keys
// are the headings' folded texts (threadTitles.keys).
func afterStops(keys []string, replies []reply) []reply {
	if len(replies) == 0 {
		return nil
	}
	last := make(map[string]int) // the last heading so far of each folded text
	kept := replies[:0]
	k := 0
	for i, key := range keys {
		for ; k < len(replies) && replies[k].at == i; k++ {
			r := replies[k]
			r.names = last[keys[r.names]] // the first copy is before i: it is there
			if r.stop > r.names {
				kept = append(kept, r)
			}
		}
		if key != "" {
			last[key] = i
		}
	}
	return kept
}

// titleKey is a heading's tag and case-folded text (see foldKey).
type titleKey struct{ tag, text string }

// introducesList reports whether a heading's text ends in a colon (ASCII or
// full-width), announcing what follows as part of the text.
func introducesList(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：")
}

// junkContainerWords mark a container whose whole content is not article text.
// "calendar" (a blog's calendar of posts, whose day numbers passed for a
// data table's cells): 5-fold CV HTML F1 on zh-dev 0.9494 -> 0.9496, text
// on the Readability pages 0.8907 -> 0.8908, the rest unchanged.
var junkContainerWords = map[string]bool{
	"comment": true, "reply": true, "respond": true, "disqus": true, "related": true,
	"recommend": true, "popular": true, "trending": true, "share": true, "social": true,
	"ad": true, "promo": true, "sponsor": true, "cookie": true, "consent": true,
	"newsletter": true, "subscribe": true, "footer": true, "nav": true, "navbar": true, "menu": true,
	"sidebar": true, "breadcrumb": true, "pagination": true, "login": true,
	"modal": true, "popup": true, "toolbar": true, "qrcode": true, "calendar": true,
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
	junkOverlay            // consent platforms' notices, dialogs and popovers over the page: junk whatever they hold
)

// overlayWords are the class/id words of the consent platforms' notices
// (OneTrust, Cookiebot, Complianz, Didomi, Usercentrics, TrustArc,
// CookieYes, iubenda, Borlabs, CookieScript, Axeptio, CookieFirst), which
// are junk whatever they hold; plain "cookie" or "consent" words are
// junkOther. Only brand names that are no word of their own are listed:
// Termly's, Klaro's and Osano's names are words ("termly-report" on a
// school's page), and their notices' "cookie" and "consent" classes make
// them junkOther.
var overlayWords = map[string]bool{"onetrust": true, "optanon": true, "cookiebot": true, "cmplz": true, "didomi": true, "usercentrics": true,
	"trustarc": true, "cookieyes": true, "iubenda": true, "borlabs": true, "cookiescript": true, "axeptio": true, "cookiefirst": true}

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
	case atom.Dialog:
		return junkOverlay
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
			a.Key == "aria-modal" && a.Val == "true",
			a.Key == "popover": // a popup, hidden until a script or a button shows it
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
