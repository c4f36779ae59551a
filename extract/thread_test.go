package extract

import (
	"strings"
	"testing"
)

// TestThreadTitle checks which headings read as a blog's comment-thread
// title, and the post title they name.
func TestThreadTitle(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"59 Comments on “The December Comfort Watches 2025, Day Eighteen: Starship Troopers”", "The December Comfort Watches 2025, Day Eighteen: Starship Troopers"},
		{"One thought on “Top 10: Best Language Learning Apps”", "Top 10: Best Language Learning Apps"},
		{"12 Responses to \"How to brew green tea\"", "How to brew green tea"},
		{"3 commentaires sur « Comment préparer un thé vert »", "Comment préparer un thé vert"},
		{"2 Kommentare zu „Wie man grünen Tee aufbrüht“ ", "Wie man grünen Tee aufbrüht"},
		{"10 Thoughts on “Succession” and Its Finale", ""}, // the quote does not end the text
		{"Thoughts on “Dune”", ""},                                      // no count
		{"The 5 comments on “Dune”", ""},                                // words before the count
		{"5 thoughts on tea, coffee and the chemistry of caffeine", ""}, // no quoted title
		{"10 tips on “How to brew green tea”", ""},                      // not comments
		{"Over 40 comments on “How to brew green tea”", ""},             // not a count
		{"12345678 comments on “How to brew green tea”", ""},            // too many digits for a count
		{"1,234 Comments on “How to brew green tea”", "How to brew green tea"},
		{"3 replies by “Anna”", ""}, // not a preposition
		{"3 replies to “", ""},
		{"《播客热潮迅速蔓延 挑逗传统传媒业》已有1件评论", "播客热潮迅速蔓延 挑逗传统传媒业"},
		{"“播客热潮”上有 3 条评论", "播客热潮"},
		{"“播客热潮”的12个回复", "播客热潮"},
		{"《播客》有一个想法", "播客"},
		{"「播客」共有 5 則評論", "播客"},
		{"《播客》3条评论", "播客"},
		{"《播客》已有1件评论，欢迎留言", ""},   // more after the count
		{"《播客》的作者", ""},           // no count
		{"《播客》评论", ""},            // no count
		{"《》已有1件评论", ""},          // no title
		{"《播客》已有12345678件评论", ""}, // too many digits
		{"播客已有1件评论", ""},          // not quoted
	}
	for _, tt := range tests {
		if got := threadTitle(tt.text); got != tt.want {
			t.Errorf("threadTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNamedBefore checks that a thread title names a headline only when the
// headline comes before it, letter case and spacing aside, and a heading
// when headings are asked for.
func TestNamedBefore(t *testing.T) {
	blocks := []Block{
		{Text: "Menu"},
		{Text: "Otters at the River", Heading: true},
		{Text: "A paragraph"},
		{Text: "3 Comments on “otters at  the river”", Heading: true},
		{Text: "Later heading", Heading: true},
		{Text: "ΠΑΡΙΣ", Heading: true},
	}
	headings, lines := threadTitles{blocks: blocks, headings: true}, threadTitles{blocks: blocks}
	headings.index()
	lines.index()
	tests := []struct {
		first map[string]int
		i     int
		title string
		want  bool
	}{
		{headings.first, 3, threadTitle(blocks[3].Text), true},
		{headings.first, 3, "Later heading", false}, // after the title
		{headings.first, 3, "A paragraph", false},   // not a heading
		{lines.first, 3, "A paragraph", true},       // a line, in a text
		{lines.first, 3, "", false},
		{nil, 3, "Menu", false},
		{headings.first, 6, "Παρις", true}, // case folded as strings.EqualFold does
	}
	for _, tt := range tests {
		if got := namedBefore(tt.first, tt.i, tt.title); got != tt.want {
			t.Errorf("namedBefore(%d, %q) = %v, want %v", tt.i, tt.title, got, tt.want)
		}
	}
}

// TestReplyTitle checks what replyTitle takes for the title after "Re:":
// blogs' and forums' reply titles in English and Chinese, with the
// permalink's "#" before them, and nothing for other text.
func TestReplyTitle(t *testing.T) {
	tests := []struct{ text, want string }{
		{"# re: 很高兴入住博客堂 2004-12-27 12:46 flyingbirds", "很高兴入住博客堂 2004-12-27 12:46 flyingbirds"},
		{"Re: Discuss the release here", "Discuss the release here"},
		{"RE : Otters", "Otters"},
		{"回复：海边的日子", "海边的日子"},
		{"回覆: 海边", "海边"},
		{"re:", ""},
		{"Reply", ""},
		{"Regarding: otters", ""},
		{"Otters re: rivers", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := replyTitle(tt.text); got != tt.want {
			t.Errorf("replyTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNamedAtStart checks that a reply's title names an earlier block when
// the block's text starts it and ends at a space or at its end, with case
// and spacing aside.
func TestNamedAtStart(t *testing.T) {
	title := strings.Repeat("Otter ", maxTitleBytes/6) + "end" // 255 bytes: within maxTitleBytes
	blocks := []Block{
		{Text: "Menu"},
		{Text: "很高兴入住博客堂", Heading: true},
		{Text: "Otters at the River", Heading: true},
		{Text: "Home", Heading: true},
		{Text: title, Heading: true},
		{Text: title + " plus", Heading: true}, // 260 bytes: too long to be looked for
		{Text: "a reply"},
		{Text: "Later heading", Heading: true},
	}
	titles := threadTitles{blocks: blocks, headings: true}
	titles.index()
	tests := []struct {
		text string
		want int
	}{
		{"很高兴入住博客堂 2004-12-27 12:46 flyingbirds", 1},
		{"很高兴入住博客堂2004-12-27 12:46", 1}, // Chinese writes no space after it
		{"很高兴入住博客堂（2楼）", 1},
		{"otters  at the river 2 days ago Anna", 2},
		{"Otters at the River", 2},
		{"Otters at the River, again", 2},
		{"Otters at the Riverside", -1}, // the title must end a word
		{"Otters at the", -1},
		{"Homeowners' tips", -1},
		{"Home2go", -1},                     // a digit goes on the word
		{"很高兴入住博客堂abc", 1},                  // a Han character ends it
		{"otters at the river\u0301 x", -1}, // a combining accent goes on the word
		{"Home improvement", 3},
		{title + " by Anna", 4},
		{title + " plus by Anna", 4}, // the longer title is not looked for
		{"Later heading by Ben", -1}, // after the reply
		{"Menu and more", -1},        // not a heading
		{"", -1},
	}
	for _, tt := range tests {
		if got := namedAtStart(titles.first, titles.longest, 6, tt.text); got != tt.want {
			t.Errorf("namedAtStart(%.40q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if titles.longest != maxTitleBytes {
		t.Errorf("longest = %d, want maxTitleBytes (%d)", titles.longest, maxTitleBytes)
	}
	// A title exactly as long as the longest one is looked for, a longer
	// one never, even when its start names nothing else.
	short := threadTitles{blocks: []Block{{Text: "Home", Heading: true}, {Text: title + " plus", Heading: true}}, headings: true}
	short.index()
	straddle := threadTitles{blocks: []Block{{Text: strings.Repeat("x", maxTitleBytes-1) + "中", Heading: true}}, headings: true}
	straddle.index()
	alone := threadTitles{blocks: []Block{{Text: "Home", Heading: true}}, headings: true}
	alone.index()
	for _, tt := range []struct {
		titles *threadTitles
		text   string
		want   int
	}{
		{&alone, "Home improvement", 0},
		{&alone, "Home", 0},
		{&short, title + " plus by Anna", -1},
		{&short, title + " plus", -1},
		{&straddle, strings.Repeat("x", maxTitleBytes-1) + "中", -1}, // its last rune starts within the bound, ends past it
	} {
		if got := namedAtStart(tt.titles.first, tt.titles.longest, 2, tt.text); got != tt.want {
			t.Errorf("namedAtStart(%.40q), longest %d: %d, want %d", tt.text, tt.titles.longest, got, tt.want)
		}
	}
	// A reply's title of megabytes is looked at for its start alone.
	huge := "很高兴入住博客堂 " + strings.Repeat("长", 1<<20)
	if got := namedAtStart(titles.first, titles.longest, 6, huge); got != 1 {
		t.Errorf("a long reply title: %d, want 1", got)
	}
}

// FuzzThreadTitles checks the readers of thread and reply titles on any
// text: they never panic; a thread title is a piece of the text; a reply's
// rest is the text's end; and namedAtStart finds only an earlier block,
// whose text then starts the rest, case aside.
func FuzzThreadTitles(f *testing.F) {
	for _, s := range []string{
		"59 Comments on “Moving in”", "《播客》已有1件评论", "“播客”上有 3 条评论", "# re: Moving in 2004-12-27 12:46 anna",
		"回复：很高兴入住博客堂2004", "re:", "《》", "\"\"3条评论", "Re: Moving in", "#", "“", "re: ΠΑΡΙΣ x",
	} {
		f.Add("Moving in", s)
	}
	f.Fuzz(func(t *testing.T, headline, text string) {
		if title := threadTitle(text); title != "" && !strings.Contains(text, title) {
			t.Errorf("threadTitle(%q) = %q, not a piece of the text", text, title)
		}
		rest := replyTitle(text)
		if rest != "" && !strings.HasSuffix(strings.TrimSpace(text), rest) {
			t.Errorf("replyTitle(%q) = %q, not the text's end", text, rest)
		}
		titles := threadTitles{blocks: []Block{{Text: headline, Heading: true}, {Text: text, Heading: true}}, headings: true}
		j := titles.replyAt(1)
		if j != -1 && j != 0 {
			t.Fatalf("replyAt = %d, want -1 or 0", j)
		}
		if j == 0 && !strings.HasPrefix(foldKey(collapseSpace(rest)), foldKey(headline)) {
			t.Errorf("replyAt found %q at the start of %q", headline, rest)
		}
		titles.at(1)
	})
}

// TestIsCount checks the counts a thread's title may open with.
func TestIsCount(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"5", true}, {"1234567", true}, {"12345678", false},
		{"1,234", true}, {"1.234", true}, {"12,345", true}, {"1,234,567", true}, {"12,345,678", false},
		{"1,234.567", false}, {"1.234,567", false}, {"1.234.567", true},
		{"1,23", false}, {"1,2345", false}, {"1234,567", false}, {",123", false}, {"1,", false}, {"1,,234", false},
		{"one", true}, {"", false}, {"x1", false}, {"1x", false},
	}
	for _, tt := range tests {
		if got := isCount(tt.word); got != tt.want {
			t.Errorf("isCount(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
