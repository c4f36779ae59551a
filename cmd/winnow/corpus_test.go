package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/internal/corpustest"
)

// corpusPage is one page of a test corpus: its HTML and its article body.
type corpusPage struct {
	id, html string
	body     []string // the article's paragraphs
}

// corpusPages are three small pages: two English, one Chinese.
var corpusPages = []corpusPage{
	{
		id: "otters",
		html: `<html><head><title>Otters</title></head><body>
<nav class="menu"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article><h1>Otters hold hands while they sleep</h1>
<p>Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.</p>
<p>The animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open clams.</p>
<p>Young otters learn the habit from their mothers within a few weeks of birth, the researchers found.</p></article>
<aside class="related"><a href="/a">Ten facts about river otters</a></aside>
<footer>Copyright 2026 Example News. All rights reserved.</footer>
</body></html>`,
		body: []string{
			"Otters hold hands while they sleep",
			"Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers said on Tuesday.",
			"The animals also keep a favourite rock in a loose pouch of skin under each forearm, and use it to crack open clams.",
			"Young otters learn the habit from their mothers within a few weeks of birth, the researchers found.",
		},
	},
	{
		id: "bread",
		html: `<html><head><title>Sourdough</title></head><body>
<div id="header"><a href="/">Recipes</a> <a href="/subscribe">Subscribe to our newsletter</a></div>
<div class="content"><h1>How to bake a simple sourdough loaf</h1>
<p>Mix the flour, water and starter in a large bowl and leave the dough to rest for an hour before adding the salt.</p>
<p>Fold the dough every half hour for the first two hours, then let it rise slowly overnight in a cool kitchen.</p>
<p>Bake the loaf in a hot covered pot for twenty minutes, then uncover it and bake until the crust is deep brown.</p></div>
<div class="footer">Cookie settings | Privacy policy | Terms of use</div>
</body></html>`,
		body: []string{
			"How to bake a simple sourdough loaf",
			"Mix the flour, water and starter in a large bowl and leave the dough to rest for an hour before adding the salt.",
			"Fold the dough every half hour for the first two hours, then let it rise slowly overnight in a cool kitchen.",
			"Bake the loaf in a hot covered pot for twenty minutes, then uncover it and bake until the crust is deep brown.",
		},
	},
	{
		id: "haita",
		html: `<html><head><meta charset="utf-8"><title>海獭</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/app">下载客户端</a></div>
<div class="article"><h1>海獭睡觉时为什么手牵手</h1>
<p>海獭睡觉时会手牵手，以免在水流中漂散。研究人员周二表示，这种习惯在成群生活的海獭中十分常见。</p>
<p>它们还把喜欢的石头藏在前肢下的皮囊里，用来敲开贝壳和海胆，吃完后再把石头放回去。</p></div>
<div class="footer">版权所有 未经许可不得转载</div>
</body></html>`,
		body: []string{
			"海獭睡觉时为什么手牵手",
			"海獭睡觉时会手牵手，以免在水流中漂散。研究人员周二表示，这种习惯在成群生活的海獭中十分常见。",
			"它们还把喜欢的石头藏在前肢下的皮囊里，用来敲开贝壳和海胆，吃完后再把石头放回去。",
		},
	},
}

// makeCorpus writes corpusPages as a corpus (DIR/html/<id>.html.gz and
// DIR/ground-truth.json) in a temporary directory and returns DIR.
func makeCorpus(t *testing.T) string {
	t.Helper()
	var pages []corpustest.Page
	for _, p := range corpusPages {
		pages = append(pages, corpustest.Page{ID: p.id, HTML: []byte(p.html), Body: strings.Join(p.body, "\n\n")})
	}
	return corpustest.Write(t, filepath.Join(t.TempDir(), "tiny"), pages)
}
