package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestClassWordsOf(t *testing.T) {
	tests := []struct {
		name string
		attr string
		want []string
	}{
		{"empty", "", nil},
		{"unknown words dropped", "fbvee m8q xyz", nil},
		{"single known", "sidebar", []string{"sidebar"}},
		{"hyphen and underscore", "post-content main_body", []string{"post", "content", "main", "body"}},
		{"spaces between classes", "  comment   reply ", []string{"comment", "reply"}},
		{"digits split", "comment2 ad300x250", []string{"comment", "ad"}},
		{"letters after a digit are a generated id", "elementor-element-5f18ad9 css-g8r7kc c74282e", nil},
		{"a word after a separator counts again", "col-2-nav 12-menu", []string{"nav", "menu"}},
		{"hexadecimal runs are ids", "elementor-element-ad465d5 ad-box ad2 ad300 ad728", []string{"ad", "ad", "ad", "ad"}},
		{"letters after a digit", "g8nav col3menu", nil},
		{"a CSS-modules hash", "mdx-table_root__adKqa Button__nav___2kF7a", []string{"nav"}},
		{"BEM element names are words", "post__aside card__footer card__adBox page__main2", []string{"post", "sidebar", "card", "footer", "card", "ad", "page", "main"}},
		{"non-ASCII letters split runs", "menü-nav", []string{"nav"}},
		{"camel case", "postContent relatedArticles", []string{"post", "content", "related", "article"}},
		{"upper camel", "CommentList", []string{"comment", "list"}},
		{"lower-cased", "SIDEBAR Footer", []string{"sidebar", "footer"}},
		{"canonical plural", "comments widgets ads", []string{"comment", "widget", "ad"}},
		{"canonical synonym", "aside masthead pager gdpr", []string{"sidebar", "header", "pagination", "consent"}},
		{"acronym run is one word", "HTMLContent", nil},
		{"non-ASCII letters are letters", "kommentar-fußzeile", nil},
		{"duplicates kept (deduped later)", "nav nav", []string{"nav", "nav"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classWordsOf(nil, tt.attr)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("classWordsOf(%q) mismatch (-want +got):\n%s", tt.attr, diff)
			}
		})
	}
}

func TestClassWordsOfAppends(t *testing.T) {
	dst := []string{"first"}
	got := classWordsOf(dst, "footer")
	if diff := cmp.Diff([]string{"first", "footer"}, got); diff != "" {
		t.Errorf("classWordsOf appended wrongly (-want +got):\n%s", diff)
	}
}

// TestClassWordsFile checks the embedded list: every canonical form is itself
// a word of the list, and every word is lower case with no spaces.
func TestClassWordsFile(t *testing.T) {
	if len(classWords) < 50 {
		t.Fatalf("only %d class words loaded", len(classWords))
	}
	for w, c := range classWords {
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			t.Errorf("word %q is not a lower-case single word", w)
		}
		if cc, ok := classWords[c]; !ok || cc != c {
			t.Errorf("word %q maps to %q, which is not a canonical word of the list (maps to %q)", w, c, cc)
		}
	}
	// Junk words of stage 1 must be reachable as canonical forms.
	for w := range junkContainerWords {
		if classWords[w] != w {
			t.Errorf("junk container word %q is not a canonical class word", w)
		}
	}
}

func TestParseClassWords(t *testing.T) {
	got := parseClassWords("# comment\n\nfoo\nbars bar\n  baz  \r\nqux quux extra\n")
	want := map[string]string{"foo": "foo", "bars": "bar", "baz": "baz", "qux": "quux"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseClassWords mismatch (-want +got):\n%s", diff)
	}
}

// TestNavigationIsJunk checks that the common spellings of a navigation
// container are all recognised as one.
func TestNavigationIsJunk(t *testing.T) {
	for _, attr := range []string{"nav", "navigation", "navbar", "site-navigation"} {
		words := classWordsOf(nil, attr)
		junk := false
		for _, w := range words {
			junk = junk || junkContainerWords[w]
		}
		if !junk {
			t.Errorf("class %q gives %v: no junk container word", attr, words)
		}
	}
	// End to end: post navigation inside the article is edge, like <div class="nav">.
	for _, class := range []string{"nav", "navigation", "navbar"} {
		page := `<html><body><article><p>` + s1Para(0) + `</p><p>` + s1Para(1) + `</p><div class="` + class +
			`"><a href=/p>Previous story</a> <a href=/n>Next story</a></div><p>` + s1Para(2) + `</p></article></body></html>`
		blocks := s1Stage1(t, page)
		if r := s1RegionOf(t, blocks, "Previous story"); r != RegionEdge {
			t.Errorf("class %q: post navigation is %v, want edge", class, r)
		}
	}
}

func TestIsStopHeading(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Comments", true},
		{"3 Comments", true},
		{"Comments (12)", true},
		{"Leave a Reply", true},
		{"Related articles", true},
		{"Related: more news", true},
		{"You may also like...", true},
		{"Recommended for you", true},
		{"Commentary", false},              // "comment" must end a word
		{"Popularity of green tea", false}, // "popular" too
		{"Relatedness of species", false},
		{"Background", false},
		{"", false},
		{"A very long heading about comments in the source code of programs", false}, // too long
		{"Discussions", true},
		{"Commentaires (3)", true},
		{"3 commenti", true},
		{"Comments评论", true},
		{"Related文章", true},
		{"相关文章", true},
		{"相关文章推荐", true}, // CJK needs no word end
		{"网友评论（12）", true},
		{"评论", true},
		{"| 回复线索：", true}, // a Chinese BBS's list of replies
		{"全部回复（63）", true},
		{"网友跟帖", true},
		{"跟帖评论", true},
		{"北京新闻", false},
		{"Mehr zum Thema", true},
		{"Das könnte Sie auch interessieren", true}, // 29 letters: within the limit of 32
		{"Meistgelesene Artikel", true},
		{"Mehrzweckhalle", false},
		{"Ähnliche Beiträge", true},
		{"Zum Weiterlesen", true},
		{"Ähnliche Symptome", false}, // an ordinary subheading
		{"Mehr zu tun", false},
		{"Ähnliche Artikelserie", false}, // "ähnlicheartikel" must end a word
		{"À lire aussi", true},
		{"Lee también:", true},
		{"Czytaj też", true},
		{"Leggiadro", false}, // "leggianche" is not its prefix
		{"関連記事", true},
	}
	for _, tt := range tests {
		if got := isStopHeading(tt.text); got != tt.want {
			t.Errorf("isStopHeading(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestStopHeadingsFile checks that every entry of stopheadings.txt is in the
// form isStopHeading compares with: lower-case letters only, NFC, at most
// stopHeadingMaxRunes of them, listed once, and a stop heading by itself.
func TestStopHeadingsFile(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range stopHeadings {
		if seen[h] {
			t.Errorf("%q is listed twice", h)
		}
		seen[h] = true
		for _, r := range h {
			if !unicode.IsLetter(r) || unicode.ToLower(r) != r {
				t.Errorf("%q: %q is not a lower-case letter", h, r)
			}
		}
		if !norm.NFC.IsNormalString(h) {
			t.Errorf("%q is not NFC", h)
		}
		if n := utf8.RuneCountInString(h); n > stopHeadingMaxRunes {
			t.Errorf("%q has %d letters, more than %d", h, n, stopHeadingMaxRunes)
		}
		if stop, exact := stopHeadingMatch(h, ""); !stop || !exact {
			t.Errorf("%q does not match itself exactly", h)
		}
	}
}

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
		{"3 replies by “Anna”", ""},                                     // not a preposition
		{"3 replies to “", ""},
		{"《播客热潮迅速蔓延 挑逗传统传媒业》已有1件评论", "播客热潮迅速蔓延 挑逗传统传媒业"},
		{"“播客热潮”上有 3 条评论", "播客热潮"},
		{"“播客热潮”的12个回复", "播客热潮"},
		{"《播客》有一个想法", "播客"},
		{"「播客」共有 5 則評論", "播客"},
		{"《播客》3条评论", "播客"},
		{"《播客》已有1件评论，欢迎留言", ""}, // more after the count
		{"《播客》的作者", ""},             // no count
		{"《播客》评论", ""},              // no count
		{"《》已有1件评论", ""},            // no title
		{"《播客》已有12345678件评论", ""},   // too many digits
		{"播客已有1件评论", ""},             // not quoted
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
	headings, lines := titleIndex(blocks, true), titleIndex(blocks, false)
	tests := []struct {
		first map[string]int
		i     int
		title string
		want  bool
	}{
		{headings, 3, threadTitle(blocks[3].Text), true},
		{headings, 3, "Later heading", false}, // after the title
		{headings, 3, "A paragraph", false},   // not a heading
		{lines, 3, "A paragraph", true},       // a line, in a text
		{lines, 3, "", false},
		{nil, 3, "Menu", false},
		{headings, 6, "Παρις", true}, // case folded as strings.EqualFold does
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
	blocks := []Block{
		{Text: "Menu"},
		{Text: "很高兴入住博客堂", Heading: true},
		{Text: "Otters at the River", Heading: true},
		{Text: "a reply"},
		{Text: "Later heading", Heading: true},
	}
	first := titleIndex(blocks, true)
	tests := []struct {
		i    int
		text string
		want int
	}{
		{3, "很高兴入住博客堂 2004-12-27 12:46 flyingbirds", 1},
		{3, "otters  at the river 2 days ago Anna", 2},
		{3, "Otters at the River", 2},
		{3, "Otters at the Riverside", -1}, // the title must end at a space
		{3, "Otters at the", -1},
		{3, "Later heading by Ben", -1}, // after the reply
		{3, "Menu and more", -1},        // not a heading
		{3, "", -1},
	}
	for _, tt := range tests {
		if got := namedAtStart(first, tt.i, tt.text); got != tt.want {
			t.Errorf("namedAtStart(%d, %q) = %d, want %d", tt.i, tt.text, got, tt.want)
		}
	}
	long := "Otters" + strings.Repeat(" word", maxTitleWords+5)
	blocks = append(blocks, Block{Text: long, Heading: true})
	if got := namedAtStart(titleIndex(blocks, true), len(blocks), long); got != -1 {
		t.Errorf("a title of over maxTitleWords words: %d, want -1 (not looked for)", got)
	}
}
