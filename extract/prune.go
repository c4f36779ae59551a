package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prunedElements are never article text. <form> itself is kept (some sites
// wrap the whole page in one); its controls go.
var prunedElements = atomSet(atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
	atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Input, atom.Select,
	atom.Textarea, atom.Button, atom.Option, atom.Optgroup, atom.Datalist, atom.Frame,
	atom.Frameset, atom.Noframes, atom.Applet, atom.Audio, atom.Video)

// hiddenKeepParas and hiddenKeepRunes describe a hidden element that prune
// keeps anyway because it holds an article's worth of paragraphs: pages that
// hide their body until a script runs (or hide it behind a dialog with
// aria-hidden) would otherwise lose the article.
const (
	hiddenKeepParas = 3
	hiddenKeepRunes = 500
)

// prune removes in place what is never article text: scripts, styles,
// noscript, template, svg, math, iframe, object, embed, canvas, audio, video,
// form controls (input, select, textarea, button, option), comments, and
// hidden elements (the hidden attribute, aria-hidden="true", an inline style
// with display:none or visibility:hidden). The <html> and <body> elements are
// never removed, nor a hidden element that holds several paragraphs of text.
// It walks without recursion.
func prune(n *html.Node) {
	if n == nil {
		return
	}
	stack := []*html.Node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := cur.FirstChild; c != nil; {
			next := c.NextSibling
			if prunable(c) {
				cur.RemoveChild(c)
			} else if c.FirstChild != nil {
				stack = append(stack, c)
			}
			c = next
		}
	}
}

// prunable reports whether prune removes n (without looking at its ancestors).
func prunable(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if n.Namespace != "" {
		// Inside svg or math (already removed at their root) or stray foreign content.
		return n.Namespace == "svg" && n.Data == "svg" || n.Namespace == "math" && n.Data == "math"
	}
	if prunedElements[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Head {
		return false
	}
	return isHidden(n) && !holdsArticle(n)
}

// isHidden reports whether n's attributes hide it.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if styleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// styleHides reports whether an inline style declares display:none or visibility:hidden.
func styleHides(style string) bool {
	style = strings.ToLower(style)
	if !strings.Contains(style, "none") && !strings.Contains(style, "hidden") {
		return false
	}
	for _, decl := range strings.Split(style, ";") {
		prop, val, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		prop = strings.TrimSpace(prop)
		val = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "!important"))
		if (prop == "display" && val == "none") || (prop == "visibility" && val == "hidden") {
			return true
		}
	}
	return false
}

// holdsArticle reports whether n contains at least hiddenKeepParas <p>
// elements with hiddenKeepRunes bytes (not runes: a CJK rune is three) of text between them.
func holdsArticle(n *html.Node) bool {
	paras, text := 0, 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				if c.DataAtom == atom.P {
					paras++
					text += paraText(c)
					if paras >= hiddenKeepParas && text >= hiddenKeepRunes {
						return true
					}
					continue
				}
				stack = append(stack, c)
			}
		}
	}
	return false
}

// paraText returns the number of bytes of non-space text under n.
func paraText(n *html.Node) int {
	total := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				total += len(strings.TrimSpace(c.Data))
			} else if c.Type == html.ElementNode && !prunedElements[c.DataAtom] {
				stack = append(stack, c)
			}
		}
	}
	return total
}
