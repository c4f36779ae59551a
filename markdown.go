package winnow

import (
	"strings"
)

// Markdown renders the kept blocks as Markdown: the title as a level-1
// heading, headings as headings, list items as list items, preformatted text
// fenced, everything else as paragraphs.
func (r *Result) Markdown() string {
	var b strings.Builder
	if r.Title != "" {
		b.WriteString("# ")
		b.WriteString(r.Title)
		b.WriteString("\n\n")
	}
	for _, blk := range r.Blocks {
		if !blk.InText() {
			continue
		}
		switch blk.Tag {
		case "h1", "h2":
			b.WriteString("## ")
		case "h3":
			b.WriteString("### ")
		case "h4", "h5", "h6":
			b.WriteString("#### ")
		case "li":
			b.WriteString("- ")
		case "blockquote":
			b.WriteString("> ")
		case "pre":
			b.WriteString("```\n")
			b.WriteString(blk.Text)
			b.WriteString("\n```\n\n")
			continue
		}
		b.WriteString(blk.Text)
		b.WriteString("\n\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
