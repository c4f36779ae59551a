package labels

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

const enBody = `Sea otters hold hands while they sleep so that they do not drift apart.

They also keep a favourite rock in a pouch under the arm, and use it to crack open clams.`

const zhBody = "海獭睡觉时会手牵手，以免漂散。\n\n它们还把喜欢的石头藏在腋下的皮囊里。"

func TestLabelOf(t *testing.T) {
	en, zh := NewBody(enBody), NewBody(zhBody)
	tests := []struct {
		name      string
		body      *Body
		text      string
		want      classifier.Label
		wantOK    bool
		wantShare string // for the record: hits/trigrams
	}{
		// Long blocks: the share of the block's trigrams found in the body.
		{name: "whole sentence", body: en, text: "Sea otters hold hands while they sleep so that they do not drift apart.", want: classifier.Content, wantOK: true},
		{name: "case and punctuation ignored", body: en, text: "SEA OTTERS — hold hands; while THEY sleep!", want: classifier.Content, wantOK: true},
		{name: "across paragraphs", body: en, text: "drift apart They also keep", want: classifier.Content, wantOK: true},
		{name: "absent", body: en, text: "Subscribe to our newsletter for the latest deals", want: classifier.Junk, wantOK: true},
		{name: "words present but reordered", body: en, text: "apart drift not do they that so sleep", want: classifier.Junk, wantOK: true},
		// 9 body tokens then 1 new one: 7 of 8 trigrams.
		{name: "mostly in body", body: en, text: "sea otters hold hands while they sleep so that advertisement", want: classifier.Content, wantOK: true},
		// 6 body tokens then 6 new ones: 4 of 10 trigrams.
		{name: "half in body", body: en, text: "sea otters hold hands while they buy cheap watches online today now", wantOK: false},
		// 9 body tokens then 3 new ones: 7 of 10 trigrams = ContentShare.
		{name: "exactly content share", body: en, text: "sea otters hold hands while they sleep so that zork blorp quux", want: classifier.Content, wantOK: true},
		// 8 body tokens then 4 new ones: 6 of 10 trigrams, just under.
		{name: "just under content share", body: en, text: "sea otters hold hands while they sleep so zork blorp quux frob", wantOK: false},
		// 5 body tokens then 17 new ones: 3 of 20 trigrams = JunkShare.
		{name: "exactly junk share", body: en, text: "sea otters hold hands while a1 b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1", want: classifier.Junk, wantOK: true},
		// 6 body tokens then 16 new ones: 4 of 20 trigrams, just over.
		{name: "just over junk share", body: en, text: "sea otters hold hands while they b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1", wantOK: false},

		// Short blocks (fewer than 3 tokens) need the exact phrase.
		{name: "two tokens found", body: en, text: "Otters hold", want: classifier.Content, wantOK: true},
		{name: "two tokens found across punctuation", body: en, text: "apart. They", want: classifier.Content, wantOK: true},
		{name: "two tokens not adjacent", body: en, text: "otters sleep", want: classifier.Junk, wantOK: true},
		{name: "two tokens reversed", body: en, text: "hold otters", want: classifier.Junk, wantOK: true},
		{name: "one token found", body: en, text: "Otters", wantOK: false},
		{name: "one token found is a whole word", body: en, text: "otter", want: classifier.Junk, wantOK: true},
		{name: "one token not found", body: en, text: "Menu", want: classifier.Junk, wantOK: true},
		{name: "two tokens not found", body: en, text: "Sign in", want: classifier.Junk, wantOK: true},
		{name: "no tokens", body: en, text: " · | — ", wantOK: false},
		{name: "empty", body: en, text: "", wantOK: false},

		// CJK: one token a character, so trigrams of characters.
		{name: "cjk sentence", body: zh, text: "海獭睡觉时会手牵手，以免漂散。", want: classifier.Content, wantOK: true},
		{name: "cjk punctuation ignored", body: zh, text: "海獭睡觉时会手牵手以免漂散", want: classifier.Content, wantOK: true},
		{name: "cjk part of a sentence", body: zh, text: "喜欢的石头", want: classifier.Content, wantOK: true},
		{name: "cjk absent", body: zh, text: "下载客户端领取红包", want: classifier.Junk, wantOK: true},
		{name: "cjk same characters reordered", body: zh, text: "手牵手会时觉睡獭海", want: classifier.Junk, wantOK: true},
		{name: "cjk two characters found", body: zh, text: "海獭", want: classifier.Content, wantOK: true},
		{name: "cjk two characters not found", body: zh, text: "首页", want: classifier.Junk, wantOK: true},
		{name: "cjk one character found", body: zh, text: "石", wantOK: false},
		{name: "cjk one character not found", body: zh, text: "赞", want: classifier.Junk, wantOK: true},
		{name: "cjk against english body", body: en, text: "海獭睡觉时会手牵手", want: classifier.Junk, wantOK: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.body.LabelOf(tt.text)
			if ok != tt.wantOK || (ok && got != tt.want) {
				t.Errorf("LabelOf(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestLabelOfEmptyBody(t *testing.T) {
	b := NewBody("")
	tests := []struct {
		name   string
		text   string
		want   classifier.Label
		wantOK bool
	}{
		{name: "long", text: "Sea otters hold hands while they sleep", want: classifier.Junk, wantOK: true},
		{name: "short", text: "Menu", want: classifier.Junk, wantOK: true},
		{name: "empty", text: "", wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := b.LabelOf(tt.text)
			if ok != tt.wantOK || (ok && got != tt.want) {
				t.Errorf("LabelOf(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "empty", in: "", want: nil},
		{name: "words lower-cased", in: "Sea OTTERS, hold-hands!", want: []string{"sea", "otters", "hold", "hands"}},
		{name: "digits", in: "GPT3.5 in 2022", want: []string{"gpt3", "5", "in", "2022"}},
		{name: "cjk one a character", in: "海獭睡觉", want: []string{"海", "獭", "睡", "觉"}},
		{name: "mixed", in: "ChatGPT本質是LLM", want: []string{"chatgpt", "本", "質", "是", "llm"}},
		{name: "kana and hangul", in: "ひらがなカナ한글", want: []string{"ひ", "ら", "が", "な", "カ", "ナ", "한", "글"}},
		{name: "accented letters", in: "Café naïve", want: []string{"café", "naïve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// testDocument is a small page after stage 1: menu, title, two paragraphs,
// an ambiguous block and a footer.
func testDocument() *extract.Document {
	blocks := []extract.Block{
		{Text: "Home | World | Sign in", Tag: "nav", Context: []string{"nav"}, LinkChars: 18, Region: extract.RegionOutside},
		{Text: "Otters hold hands", Tag: "h1", Region: extract.RegionInside, Heading: true},
		{Text: "Sea otters hold hands while they sleep so that they do not drift apart.", Tag: "p", Region: extract.RegionInside},
		{Text: "sea otters hold hands while they buy cheap watches online today now", Tag: "p", Region: extract.RegionInside},
		{Text: "They also keep a favourite rock in a pouch under the arm, and use it to crack open clams.", Tag: "p", Region: extract.RegionInside},
		{Text: "Copyright 2026 Example News", Tag: "footer", Context: []string{"footer"}, Region: extract.RegionEdge},
	}
	for i := range blocks {
		blocks[i].Index = i
	}
	return &extract.Document{Title: "Otters", Kind: extract.KindHTML, Encoding: "utf-8", Blocks: blocks}
}

func TestFromDocument(t *testing.T) {
	doc := testDocument()
	got := FromDocument(doc, NewBody(enBody), "p1", "tiny")
	want := []struct {
		block int
		label classifier.Label
	}{
		{0, classifier.Junk},
		{1, classifier.Content},
		{2, classifier.Content},
		// block 3 is ambiguous and left out
		{4, classifier.Content},
		{5, classifier.Junk},
	}
	if len(got) != len(want) {
		t.Fatalf("%d samples, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		blk := &doc.Blocks[w.block]
		s := got[i]
		if s.Text != blk.Text || s.Label != w.label || s.Page != "p1" || s.Corpus != "tiny" {
			t.Errorf("sample %d = {%q %v %q %q}, want {%q %v p1 tiny}", i, s.Text, s.Label, s.Page, s.Corpus, blk.Text, w.label)
		}
		if wf := blk.Features(len(doc.Blocks)); !slices.Equal(s.Features, wf) {
			t.Errorf("sample %d features = %q, want %q", i, s.Features, wf)
		}
	}
	// The features say where each block was.
	if !slices.Contains(got[0].Features, "cls=nav") || !slices.Contains(got[0].Features, "region=outside") {
		t.Errorf("menu features = %q", got[0].Features)
	}
	if !slices.Contains(got[1].Features, "heading") || !slices.Contains(got[1].Features, "tag=h1") {
		t.Errorf("title features = %q", got[1].Features)
	}
}

func TestFromDocumentEmpty(t *testing.T) {
	if got := FromDocument(&extract.Document{}, NewBody(enBody), "p", "c"); len(got) != 0 {
		t.Errorf("FromDocument(empty) = %v, want no samples", got)
	}
}

// TestFromDocumentExtracted labels a page run through the real stage 1.
func TestFromDocumentExtracted(t *testing.T) {
	page := `<html><head><title>Otters</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><p>Sea otters hold hands while they sleep so that they do not drift apart.</p>
<p>They also keep a favourite rock in a pouch under the arm, and use it to crack open clams.</p></article>
<footer>Copyright 2026 Example News</footer></body></html>`
	doc, err := extract.Extract(t.Context(), []byte(page), extract.Options{Kind: extract.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]classifier.Label{}
	for _, s := range FromDocument(doc, NewBody(enBody), "p", "c") {
		got[s.Text] = s.Label
	}
	want := map[string]classifier.Label{
		"Home World": classifier.Junk,
		"Sea otters hold hands while they sleep so that they do not drift apart.":                   classifier.Content,
		"They also keep a favourite rock in a pouch under the arm, and use it to crack open clams.": classifier.Content,
		"Copyright 2026 Example News": classifier.Junk,
	}
	for text, l := range want {
		if g, ok := got[text]; !ok || g != l {
			t.Errorf("block %q: label %v (present %v), want %v; all: %v", text, g, ok, l, got)
		}
	}
}

func TestTextExport(t *testing.T) {
	tests := []struct {
		name string
		doc  *extract.Document
		want string
	}{
		{name: "empty", doc: &extract.Document{}, want: ""},
		{name: "one block", doc: &extract.Document{Blocks: []extract.Block{{Text: "Hello"}}}, want: "Hello\n"},
		{
			name: "page",
			doc:  testDocument(),
			want: "Home | World | Sign in\nOtters hold hands\n" +
				"Sea otters hold hands while they sleep so that they do not drift apart.\n" +
				"sea otters hold hands while they buy cheap watches online today now\n" +
				"They also keep a favourite rock in a pouch under the arm, and use it to crack open clams.\n" +
				"Copyright 2026 Example News\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextExport(tt.doc); got != tt.want {
				t.Errorf("TextExport = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextExportRoundTrip checks that reading a text export back as text
// gives one line block per original block, with the same texts.
func TestTextExportRoundTrip(t *testing.T) {
	doc := testDocument()
	back, err := extract.FromText(TextExport(doc), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Blocks) != len(doc.Blocks) {
		t.Fatalf("%d blocks back, want %d", len(back.Blocks), len(doc.Blocks))
	}
	for i := range doc.Blocks {
		if back.Blocks[i].Text != doc.Blocks[i].Text || back.Blocks[i].Tag != "line" {
			t.Errorf("block %d back = %q (%s), want %q (line)", i, back.Blocks[i].Text, back.Blocks[i].Tag, doc.Blocks[i].Text)
		}
	}
	if strings.Count(TextExport(doc), "\n") != len(doc.Blocks) {
		t.Errorf("not one line a block")
	}
}
