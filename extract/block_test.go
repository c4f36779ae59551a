package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRegionString(t *testing.T) {
	tests := []struct {
		r    Region
		want string
	}{
		{RegionOutside, "outside"},
		{RegionEdge, "edge"},
		{RegionInside, "inside"},
		{Region(42), "outside"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("Region(%d).String() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestLinkDensity(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		links int
		want  float64
	}{
		{"empty", "", 5, 0},
		{"no links", "plain words", 0, 0},
		{"half", "abcdefghij", 5, 0.5},
		{"all", "abcd", 4, 1},
		{"clamped above one", "abcd", 9, 1},
		{"runes not bytes", "新闻中心", 2, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Block{Text: tt.text, LinkChars: tt.links}
			if got := b.LinkDensity(); got != tt.want {
				t.Errorf("LinkDensity() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRunes(t *testing.T) {
	b := Block{Text: "中文 ab"}
	if got := b.Runes(); got != 5 {
		t.Errorf("Runes() = %d, want 5", got)
	}
}

func TestFeatures(t *testing.T) {
	long := strings.Repeat("word ", 40) + "end."
	tests := []struct {
		name  string
		b     Block
		total int
		want  []string
	}{
		{
			name:  "plain paragraph in the middle",
			b:     Block{Text: long, Tag: "p", Index: 5, Region: RegionInside},
			total: 10,
			want:  []string{"tag=p", "link=none", "len=long", "punct=stop", "region=inside", "pos=body"},
		},
		{
			name:  "link list item at the head with context",
			b:     Block{Text: "Home", Tag: "li", LinkChars: 4, Index: 0, Context: []string{"nav", "menu"}},
			total: 20,
			want:  []string{"tag=li", "link=high", "len=tiny", "punct=none", "region=outside", "pos=head", "cls=nav", "cls=menu"},
		},
		{
			name:  "some links at the tail, edge",
			b:     Block{Text: "Read more at the archive page:", Tag: "div", LinkChars: 10, Index: 9, Region: RegionEdge},
			total: 10,
			want:  []string{"tag=div", "link=some", "len=short", "punct=colon", "region=edge", "pos=tail"},
		},
		{
			name:  "link density just under 0.3 is none",
			b:     Block{Text: "abcdefghij", Tag: "p", LinkChars: 2},
			total: 0,
			want:  []string{"tag=p", "link=none", "len=tiny", "punct=none", "region=outside"},
		},
		{
			name:  "link density 0.8 is high",
			b:     Block{Text: "abcdefghij", Tag: "p", LinkChars: 8},
			total: 0,
			want:  []string{"tag=p", "link=high", "len=tiny", "punct=none", "region=outside"},
		},
		{
			name:  "total zero omits the position",
			b:     Block{Text: "x", Tag: "line", Index: 3},
			total: 0,
			want:  []string{"tag=line", "link=none", "len=tiny", "punct=none", "region=outside"},
		},
		{
			name: "heading, url, numbered, foreign",
			b: Block{Text: "1. See www.example.com for details", Tag: "h2", Heading: true, Foreign: true,
				Index: 1, Region: RegionInside},
			total: 4,
			want: []string{"tag=h2", "link=none", "len=short", "punct=none", "region=inside", "pos=body",
				"heading", "url", "numbered", "foreign"},
		},
		{
			name:  "position boundaries: 0.1 is body, 0.85 is tail",
			b:     Block{Text: "x", Tag: "p", Index: 1},
			total: 10,
			want:  []string{"tag=p", "link=none", "len=tiny", "punct=none", "region=outside", "pos=body"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.b.Features(tt.total)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Features(%d) mismatch (-want +got):\n%s", tt.total, diff)
			}
		})
	}
	// Position tail boundary: 85 of 100.
	b := Block{Text: "x", Tag: "p", Index: 85}
	if got := b.Features(100); !slices.Contains(got, "pos=tail") {
		t.Errorf("Index 85 of 100: %v, want pos=tail", got)
	}
	b.Index = 84
	if got := b.Features(100); !slices.Contains(got, "pos=body") {
		t.Errorf("Index 84 of 100: %v, want pos=body", got)
	}
}

// TestFeaturesNoHashPrefix checks the contract that the tokens carry no "#"
// (the classifier adds it) and never contain spaces.
func TestFeaturesNoHashPrefix(t *testing.T) {
	b := Block{Text: "Some text here, with www.x.org.", Tag: "p", Context: []string{"comment", "reply"}, Heading: true}
	for _, f := range b.Features(3) {
		if strings.HasPrefix(f, "#") || strings.ContainsAny(f, " \t\n") {
			t.Errorf("feature %q has a # prefix or white space", f)
		}
	}
}

func TestTextWeight(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"   ,,, ", 0},
		{"one", 1},
		{"one two  three", 3},
		{"it's", 2}, // apostrophe splits
		{"2024 年", 2},
		{"中", 1},
		{"中文", 1},
		{"中文字", 2},
		{"这是一个中文句子", 4},
		{"iPhone发布了", 1 + 2},
		{"ひらがなカタカナ", 4},
		{"한국어", 2},
		{"abc123", 1},
	}
	for _, tt := range tests {
		if got := textWeight(tt.s); got != tt.want {
			t.Errorf("textWeight(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestLengthBucket(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("w ", n)) }
	tests := []struct {
		s    string
		want string
	}{
		{"", "tiny"},
		{words(3), "tiny"},
		{words(4), "short"},
		{words(9), "short"},
		{words(10), "medium"},
		{words(29), "medium"},
		{words(30), "long"},
		{words(79), "long"},
		{words(80), "huge"},
		{strings.Repeat("字", 6), "tiny"},    // (6+1)/2 = 3
		{strings.Repeat("字", 7), "short"},   // (7+1)/2 = 4
		{strings.Repeat("字", 19), "medium"}, // (19+1)/2 = 10
		{strings.Repeat("字", 160), "huge"},
	}
	for _, tt := range tests {
		if got := lengthBucket(tt.s); got != tt.want {
			t.Errorf("lengthBucket(%d runes %q...) = %q, want %q", len([]rune(tt.s)), s1Head(tt.s), got, tt.want)
		}
	}
}

// s1Head returns the first few runes of s for error messages.
func s1Head(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		return string(r[:12])
	}
	return s
}

func TestEndPunct(t *testing.T) {
	tests := []struct {
		s    string
		want string
	}{
		{"", "none"},
		{"   ", "none"},
		{"No punctuation", "none"},
		{"A sentence.", "stop"},
		{"Really?", "stop"},
		{"Wow!", "stop"},
		{"and so on…", "stop"},
		{"a; b;", "stop"},
		{"中文句子。", "stop"},
		{"真的吗？", "stop"},
		{"好！", "stop"},
		{"分号；", "stop"},
		{"He said \"yes.\"", "stop"},
		{"She said 'no.'  ", "stop"},
		{"他说：“好的。”", "stop"},
		{"「引用。」", "stop"},
		{"『引用。』", "stop"},
		{"(see above.)", "stop"},
		{"（见上。）", "stop"},
		{"Contents:", "colon"},
		{"目录：", "colon"},
		{"one, two,", "other"},
		{"a - b -", "other"},
		{"price $", "other"},
		{"《书名》", "other"},
		{"【责任编辑：王明】", "other"},
		{"„Wir kommen.“", "stop"},
		{"»ja.«", "stop"},
		{"« oui. »", "stop"},
		{"»Titel«", "none"},
		{"version 2", "none"},
		{"\"\"", "none"},
	}
	for _, tt := range tests {
		if got := endPunct(tt.s); got != tt.want {
			t.Errorf("endPunct(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestHasURL(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"plain words only", false},
		{"visit https://example.com now", true},
		{"ftp://files", true},
		{"www.example", true},
		{"see example.com/page", true},
		{"see EXAMPLE.COM/page", true},
		{"news.sina.com.cn/c/2024", true},
		{"a1.io/x", true},
		{"and/or", false},
		{"1/2 cup", false},
		{"3.5/5 stars", false},
		{".com/x", false},       // no label before the dot
		{"x.c/y", false},        // one-letter top-level domain
		{"x.abcdefg/y", false},  // seven letters: not a top-level domain
		{"x.abcdef/y", true},    // six letters
		{"path a.b.c /", false}, // space before the slash
		{"输入 example.cn/path 访问", true},
	}
	for _, tt := range tests {
		if got := hasURL(tt.s); got != tt.want {
			t.Errorf("hasURL(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestNumbered(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"一、总则", true},
		{"十二、附则", true},
		{"（二）工作要求", true},
		{"(三) 目标", true},
		{"3. Results", true},
		{"4) Methods", true},
		{"5、结论", true},
		{"12：标题", true},
		{"６．全角", false}, // full-width digit is not an ASCII digit
		{"第六章 结尾", true},
		{"100. item", true},
		{"1000. item", false}, // four digits: a year or a number
		{"2024年我们", false},
		{"2024. A year", false},
		{"42 apples", false},
		{"十分重要", false},
		{"一", false},
		{"Chapter one", false},
		{"- bullet", false},
		{" 7. leading space", true},
	}
	for _, tt := range tests {
		if got := numbered(tt.s); got != tt.want {
			t.Errorf("numbered(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestNumberedDocumentedForms checks the forms numbered's doc comment lists.
func TestNumberedDocumentedForms(t *testing.T) {
	for _, s := range []string{"Step 2: install", "IV. Discussion"} {
		if !numbered(s) {
			t.Errorf("numbered(%q) = false, want true (listed in the doc comment)", s)
		}
	}
}

// TestNumberedBrackets checks numberings in square brackets, whose opening
// bracket numbered already trims.
func TestNumberedBrackets(t *testing.T) {
	for _, s := range []string{"【四】说明", "[1] Smith, J. (2020)"} {
		if !numbered(s) {
			t.Errorf("numbered(%q) = false, want true", s)
		}
	}
}

// TestNumberedDecimal checks that a sentence starting with a decimal number is not a numbering.
func TestNumberedDecimal(t *testing.T) {
	for _, s := range []string{"3.5 million people voted.", "1.2% of the budget"} {
		if numbered(s) {
			t.Errorf("numbered(%q) = true, want false", s)
		}
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range []rune{'中', '文', 'ひ', 'カ', '한', '〇'} {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false", r)
		}
	}
	for _, r := range []rune{'a', 'Z', '1', '。', '，', 'é', 'Я', ' '} {
		if isCJK(r) {
			t.Errorf("isCJK(%q) = true", r)
		}
	}
}

func TestMarkForeign(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  []bool
	}{
		{
			name:  "english page with a chinese line",
			texts: []string{"This is an English paragraph with many words.", "Another English line here.", "这是一段很长的中文文字内容。"},
			want:  []bool{false, false, true},
		},
		{
			name:  "chinese page with an english line",
			texts: []string{"这是一篇中文新闻报道的正文内容，字数较多。", "第二段中文内容也很长，继续报道。", "Copyright All Rights Reserved Example Inc"},
			want:  []bool{false, false, true},
		},
		{
			name:  "short blocks are never foreign",
			texts: []string{"This is an English paragraph with many words.", "中文", "OK"},
			want:  []bool{false, false, false},
		},
		{
			name:  "mixed block follows its own majority",
			texts: []string{"这是一篇中文新闻报道的正文内容，字数较多。", "苹果公司发布 iPhone 新品"},
			want:  []bool{false, false},
		},
		{
			name:  "numbers and punctuation only",
			texts: []string{"English words make the page.", "123 456 789 — 2024"},
			want:  []bool{false, false},
		},
		{
			name:  "empty",
			texts: nil,
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := make([]Block, len(tt.texts))
			for i, s := range tt.texts {
				blocks[i] = Block{Text: s, Foreign: true} // markForeign must also clear
			}
			// Blocks too short to judge keep their old value; start them false.
			for i := range blocks {
				if c, o := scriptWeights(blocks[i].Text); c+o < 3 {
					blocks[i].Foreign = false
				}
			}
			markForeign(blocks)
			var got []bool
			for _, b := range blocks {
				got = append(got, b.Foreign)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Foreign mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScriptWeights(t *testing.T) {
	tests := []struct {
		s          string
		cjk, other int
	}{
		{"", 0, 0},
		{"two words", 0, 2},
		{"中文", 1, 0},
		{"中文字", 2, 0},
		{"abc中文def", 1, 2},
		{"123 456", 0, 0},
	}
	for _, tt := range tests {
		c, o := scriptWeights(tt.s)
		if c != tt.cjk || o != tt.other {
			t.Errorf("scriptWeights(%q) = %d, %d; want %d, %d", tt.s, c, o, tt.cjk, tt.other)
		}
	}
}
