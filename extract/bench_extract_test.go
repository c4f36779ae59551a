package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// s1GenPage returns a news-like page with n article paragraphs between a
// menu, a sidebar of links, a comment section and a footer.
func s1GenPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Generated page</title></head><body>`)
	b.WriteString(`<nav class="menu"><ul>`)
	for i := range 10 {
		fmt.Fprintf(&b, `<li><a href="/s%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav><div class="page"><article class="story"><h1>Generated headline</h1>`)
	for i := range n {
		if i%8 == 7 {
			fmt.Fprintf(&b, "<h2>Section heading %d</h2>", i)
		}
		fmt.Fprintf(&b, "<p>%s See <a href=\"/r%d\">the report</a> for more.</p>\n", s1Para(i), i)
	}
	b.WriteString(`<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div></article>`)
	b.WriteString(`<section id="comments">`)
	for i := range max(1, n/10) {
		fmt.Fprintf(&b, `<div class="comment"><p class="author">reader%d</p><p>I disagree with part of this, but it was an interesting read, thanks.</p></div>`, i)
	}
	b.WriteString(`</section><aside class="sidebar"><h3>Most read</h3><ul>`)
	for i := range 10 {
		fmt.Fprintf(&b, `<li><a href="/m%d">Most read story number %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside></div><footer><p>Copyright 2025 Example. All rights reserved.</p></footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkExtract(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 100, 1000} {
		raw := s1GenPage(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Extract(ctx, raw, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, name := range []string{"utf8-labelled-iso-8859-1-en.html.gz", "gbk-meta.html.gz"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "decode", name))
		if err != nil {
			continue // real pages are optional
		}
		b.Run("real="+strings.TrimSuffix(name, ".html.gz"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw))) // compressed bytes: Extract gunzips them
			for b.Loop() {
				if _, err := Extract(ctx, raw, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStage1 measures segmentation and stage 1 alone, on a parsed tree.
func BenchmarkStage1(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		raw := s1GenPage(n)
		root, err := ParseHTML(string(raw), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				FromNode(root)
			}
		})
	}
}

// BenchmarkExtractText measures text mode over a size sweep of lines.
func BenchmarkExtractText(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 100, 1000} {
		var sb strings.Builder
		for i := range n {
			if i%5 == 0 {
				sb.WriteString("Share\n")
			}
			sb.WriteString(s1Line(i) + "\n")
		}
		raw := []byte(sb.String())
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Extract(ctx, raw, Options{Kind: KindText}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGenPageStage1 checks that the benchmark's generated page is extracted
// sensibly, so the benchmark measures the normal path.
func TestGenPageStage1(t *testing.T) {
	for _, n := range []int{10, 100} {
		doc := s1Extract(t, s1GenPage(n), Options{})
		s1CheckInvariants(t, doc)
		if !s1InsideHas(doc.Blocks, s1Para(n-1)) || s1InsideHas(doc.Blocks, "Most read") || s1InsideHas(doc.Blocks, "I disagree") {
			t.Errorf("n=%d: generated page extracted wrongly:\n%s", n, s1Dump(doc.Blocks))
		}
	}
}

// BenchmarkTextBlocks measures splitting text exports into blocks: a
// hard-wrapped English one (joined back into paragraphs), a hard-wrapped
// Chinese one, and one of a paragraph a line, each repeated to about 100 KB.
func BenchmarkTextBlocks(b *testing.B) {
	for _, name := range []string{"lynx-en.txt", "w3m-zh.txt", "paragraphs-en.txt"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "unwrap", name))
		if err != nil {
			b.Fatal(err)
		}
		text := strings.Repeat(string(raw)+"\n", 100_000/len(raw)+1)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := textBlocks(text, DefaultMaxLines); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarkdownLinkRunes measures counting link markup on a line of
// html2text's menu and on 64 KiB lines of brackets that open no link, whose
// cost must stay linear in the line's length.
func BenchmarkMarkdownLinkRunes(b *testing.B) {
	lines := map[string]string{
		"menu": strings.Repeat("[World](https://example.com/world) | ", 12),
	}
	for name, unit := range map[string]string{"brackets": "[", "closers": "](", "titles": `[a](b "`, "autolinks": "<http://"} {
		lines[name] = strings.Repeat(unit, 64<<10/len(unit))
	}
	for _, name := range []string{"menu", "brackets", "closers", "titles", "autolinks"} {
		line := lines[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				markdownLinkRunes(line)
			}
		})
	}
}

// BenchmarkTextRegionThreadTitles measures text stage 1 on lines that are
// all shaped as blog thread titles, between lines of prose: each looks for
// the headline it names, which must cost a lookup, not a scan of the lines
// before it (a scan took over a minute on 200,000 lines).
func BenchmarkTextRegionThreadTitles(b *testing.B) {
	var text strings.Builder
	text.WriteString("Headline\n")
	for i := range 20_000 {
		fmt.Fprintf(&text, "%s\n%d comments on “x%d”\n", s1Line(i), i, i)
	}
	b.SetBytes(int64(text.Len()))
	for b.Loop() {
		if _, err := FromText(text.String(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStage1StopHeadings measures stage 1 on a page of 10,000 stop
// headings among one container's children: each makes the siblings after
// it junk, which must stop where an earlier one did (walking them all again
// for each took 28 s on 30,000).
func BenchmarkStage1StopHeadings(b *testing.B) {
	raw := "<html><body><div>" + strings.Repeat("<h2>Comments</h2><p>Some prose, with a comma, and an end.</p>", 10_000) + "</div></body></html>"
	root, err := ParseHTML(raw, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		FromNode(root)
	}
}

// BenchmarkStage1ReplyTitles measures stage 1 on a blog post with 5,000
// comments titled "# re: " and the post's headline, each title 40 long
// words: every title is folded once and looked up at each word's end up to
// maxTitleBytes, no further, and each heading is folded once, in
// threadTitles.index, for the replies' checks too. Folding each start apart,
// up to 40 words, a 28 MB page of 7,000 such titles took 2.38 s in winnow
// clean; folding every heading again for the replies' checks, 2.28 s; now
// 1.6 s (cc48007, before reply titles were read: 1.73 s). This benchmark:
// 0.69 s, 0.87 s and 0.60 s.
func BenchmarkStage1ReplyTitles(b *testing.B) {
	words := strings.Repeat(" "+strings.Repeat("x", 100), 40)
	var page strings.Builder
	page.WriteString(`<html><body><div class="post"><h2>Moving in</h2><p>` + s1Para(0) + `</p></div><div id="comments"><h3>Comments</h3>`)
	for range 5_000 {
		page.WriteString(`<h4><a href="#c">#</a> re: Moving in` + words + `</h4><p>Some prose, with a comma, and an end.</p>`)
	}
	page.WriteString(`</div></body></html>`)
	root, err := ParseHTML(page.String(), Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(page.Len()))
	for b.Loop() {
		FromNode(root)
	}
}
