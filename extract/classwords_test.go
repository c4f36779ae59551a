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
