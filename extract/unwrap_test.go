package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnowlabs/winnow/internal/textcheck"
)

// readUnwrapFixture returns a file of testdata/unwrap.
func readUnwrapFixture(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "unwrap", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// mustSplitLines returns text's lines (see splitLines).
func mustSplitLines(t *testing.T, text string) []wrappedLine {
	t.Helper()
	lines, _, err := splitLines(text, DefaultMaxLines)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestSplitLines checks that a run of blank lines is kept as one, and that
// only the lines that are not blank count against the limit.
func TestSplitLines(t *testing.T) {
	lines, n, err := splitLines("\n\n one  \n \t\n\u00ad\n\ntwo\r\n\x00\n", 3)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("%d lines not blank, want 3", n)
	}
	var got []string
	for _, l := range lines {
		got = append(got, l.text)
	}
	if want := []string{"", " one", "", "two", "\x00"}; !slices.Equal(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
	if _, _, err := splitLines(strings.Repeat("\n", 1000)+"a\nb\nc\nd\n", 3); err == nil {
		t.Error("four lines with a limit of three: no error")
	}
}

// TestTextBlocksUnwrap reads hard-wrapped exports of an article and checks
// that each of its paragraphs comes back as one block, the lines of its .want
// file; texts that are not wrapped keep a block a line.
func TestTextBlocksUnwrap(t *testing.T) {
	tests := []struct {
		name  string
		width int    // the width wrapWidth finds
		want  string // the file of the blocks' texts; "" for the input's own lines
	}{
		{"lynx-en.txt", 78, "lynx-en.want.txt"},             // lynx -dump: indented, blank lines between paragraphs
		{"lynx-refs-en.txt", 78, "lynx-refs-en.want.txt"},   // and its list of long URLs, which no wrapper breaks
		{"wrapped72-en.txt", 72, "lynx-en.want.txt"},        // html2text-style at 72 columns, no blank lines
		{"headings72-en.txt", 72, "headings72-en.want.txt"}, // and headings between the paragraphs
		{"tabs-en.txt", 72, "tabs-en.want.txt"},             // paragraphs' first lines indented with a tab
		{"wrapped72-de.txt", 70, "wrapped72-de.want.txt"},   // German, whose nouns start lines with capitals
		{"html2text-en.txt", 78, "html2text-en.want.txt"},   // html2text: Markdown links; images past the width
		{"w3m-zh.txt", 80, "w3m-zh.want.txt"},               // CJK broken anywhere, two columns a character
		{"paragraphs-en.txt", 0, ""},                        // a paragraph a line, as in a WET record
		{"titles.txt", 0, ""},                               // a list of titles and their details
		{"products.txt", 0, ""},                             // product names in title case, none ending a sentence
		{"urls.txt", 0, ""},                                 // long URLs no wrapper could break
		{"headlines-zh.txt", 0, ""},                         // Chinese headlines cut to 24 characters
		{"chat-en.txt", 0, ""},                              // chat messages in lower case, few stops
		{"poem-en.txt", 0, ""},                              // a poem in lower case, no stops
		{"code-go.txt", 0, ""},                              // a program, whose lines fill a width too
		{"code-py.txt", 0, ""},                              // a program in Python, its lines filled as evenly
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := readUnwrapFixture(t, tt.name)
			if got := wrapWidth(mustSplitLines(t, text)); got != tt.width {
				t.Errorf("wrapWidth = %d, want %d", got, tt.width)
			}
			var want []string
			if tt.want == "" {
				for _, line := range strings.Split(text, "\n") {
					if line = collapseSpace(line); line != "" {
						want = append(want, line)
					}
				}
			} else {
				want = strings.Split(strings.TrimSpace(readUnwrapFixture(t, tt.want)), "\n")
			}
			blocks, err := textBlocks(text, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, b := range blocks {
				if b.Index != i {
					t.Errorf("block %d has Index %d", i, b.Index)
				}
				got = append(got, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestWrapWidthSentences checks that a text of long lines that each end a
// sentence, cut to the same width, is not taken for a wrapped one: a wrapper
// breaks lines wherever a word ends.
func TestWrapWidthSentences(t *testing.T) {
	var lines []string
	for range 20 {
		lines = append(lines, "Each of these lines is a sentence of its own, and each ends with a stop.")
	}
	if got := wrapWidth(mustSplitLines(t, strings.Join(lines, "\n"))); got != 0 {
		t.Errorf("wrapWidth = %d, want 0", got)
	}
}

func TestContinues(t *testing.T) {
	line := func(s string) wrappedLine { return trimmedLine(s) }
	full := "The town council voted on Tuesday to build four new cycle lanes across the" // 74 columns
	tests := []struct {
		name       string
		line, next string
		w          int
		want       bool
	}{
		{"next word does not fit", full, "centre, ending a debate", 78, true},
		{"next word fits", full, "a debate", 78, false},
		{"line ends far short", "A short line.", "centre, ending", 78, false},
		{"blank next line", full, "", 78, false},
		{"bullet", full, "* Share this article", 78, false},
		{"numbered item", full, "12. Another point of the list", 78, false},
		{"number, not an item", full, "3.5-million-strong crowd", 78, true},
		{"line wider than the width", full + " and more", "centre", 78, false},
		{"a single token", strings.Repeat("x", 76), "centre", 78, false},
		{"CJK, full", strings.Repeat("车", 40), "道", 80, true},
		{"CJK, a character short", strings.Repeat("车", 38), "道", 80, false},
		{"CJK ending in a letter", strings.Repeat("车", 39) + "a", "道", 80, true},
		{"CJK ending in a number", strings.Repeat("车", 38) + "2025", "年", 80, true},
		{"a sentence's end, then a heading", full[:70] + ".", "Councillors defend the decision", 78, false},
		{"a sentence's end, then the paragraph's last line", full[:70] + ".", "Councillors agreed.", 78, true},
		{"a sentence's end, then a full line", full[:70] + ".", "Councillors" + full[14:], 78, true},
		{"a sentence's end, then a line in lower case", full[:70] + ".", "councillors agreed on three parts:", 78, true},
		{"a sentence's end, then a numbered item", full[:70] + ".", "2. Councillors agreed", 78, false},
		{"a date's number mid-sentence", strings.Repeat("word ", 15) + "zum", "1. April fertigzustellen", 78, true},
		{"Portuguese 'o' is no bullet", strings.Repeat("word ", 15) + "ele", "o resto vem do estado", 78, true},
		{"a URL on a line of its own", "https://www.example.org/council/plans/cycle-lanes-2026-consultation-pages-1", "and residents can comment", 78, true},
		{"a URL wider than the width", "https://www.example.org/council/plans/cycle-lanes-2026-consultation-and-everything-else", "and residents", 78, true},
		{"a URL, then another", "https://www.example.org/council/plans/cycle-lanes-2026-consultation-page", "https://www.example.org/next", 78, false},
		{"a long compound next", strings.Repeat("word ", 9) + "die", "Donaudampfschifffahrtsgesellschaft sagt", 78, true},
		{"a long compound next to a short line", "Kurz", "Donaudampfschifffahrtsgesellschaft sagt", 78, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := continues(line(tt.line), line(tt.next), tt.w); got != tt.want {
				t.Errorf("continues(%q, %q, %d) = %v, want %v", tt.line, tt.next, tt.w, got, tt.want)
			}
		})
	}
}

func TestJoinSpace(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"the", "cat", true},
		{"a well-", "known", false},    // broken after a word's hyphen
		{"a long dash -", "and", true}, // a dash, spaced
		{"中文", "文本", false},
		{"中文", "abc", false},
		{"abc", "文本", false},
		{"意见，", "“我们", false},
		{"safer 😀", "for", true}, // an emoji is wide, not CJK text
		{"wrote", "🚲 to", true},
	}
	for _, tt := range tests {
		if got := joinSpace(tt.a, tt.b); got != tt.want {
			t.Errorf("joinSpace(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCrossesWidth(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"  * [Read the report](/council/report) and the minutes of the meeting where", true}, // link markup
		{"see https://www.example.org/council/plans/cycle-lanes-2026-consultation for more", true},
		{"https://www.example.org/council/plans/cycle-lanes-2026-consultation-pages and so", true},
		{"a line of words, none of them longer than sixteen columns, goes on past the width", false},
		{"a paragraph on a line of its own goes on and on, well past the width, before the Bundesverfassungsgericht", false}, // the long word starts past it
		{"中文文本在任何两个字之间断开中文文本在任何两个字之间断开中文文本在任何两个字之间断开", false},                                                                // CJK breaks anywhere
	}
	for _, tt := range tests {
		if got := crossesWidth(tt.s, 60); got != tt.want {
			t.Errorf("crossesWidth(%q, 60) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestCodeLike(t *testing.T) {
	for s, want := range map[string]bool{
		"func (s Size) String() string {":            true,
		"    x := compute(a, b)":                     true,
		"mapped_column(Integer, primary_key=True)":   true,
		"let s = String::from(\"hello\");":           true,
		"if a == b":                                  true,
		"the trial (n = 120) ran faster; those over": false,
		"patients of any age(s) over sixty, and":     false,
		"one side of the street (about six weeks)":   false,
	} {
		if got := codeLike(s); got != want {
			t.Errorf("codeLike(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestWrapWidthRules checks each of wrapWidth's conditions on its own: a
// wrapped article is taken for wrapped, and each change below breaks one
// condition only.
func TestWrapWidthRules(t *testing.T) {
	article := strings.ReplaceAll(readUnwrapFixture(t, "lynx-en.want.txt"), "\n", "\n\n")
	wrapped := HardWrap(article, 72)
	width := func(text string) int { return wrapWidth(mustSplitLines(t, text)) }
	if got := width(wrapped); got != 72 {
		t.Fatalf("the wrapped article: wrapWidth = %d, want 72", got)
	}
	// stopShare: every full line ends a sentence.
	var stopped []string
	for _, line := range strings.Split(wrapped, "\n") {
		if w := displayWidth(line); w >= 72-wrapSlack && w < 72 && !strings.HasSuffix(line, ".") {
			line += "."
		}
		stopped = append(stopped, line)
	}
	if got := width(strings.Join(stopped, "\n")); got != 0 {
		t.Errorf("full lines ending in stops: wrapWidth = %d, want 0", got)
	}
	// wrapShare: many lines half the width long that are not full.
	half := strings.Repeat("A line of forty columns, or about that.\n\n", 30)
	if got := width(half + wrapped); got != 0 {
		t.Errorf("with thirty lines of half the width: wrapWidth = %d, want 0", got)
	}
	// One line in fifty may be wider than the width.
	long := strings.Repeat("a wide table row with words, ", 5) + "\n\n"
	if got := width(wrapped + wrapped + wrapped + long); got != 72 {
		t.Errorf("with one wide line in %d: wrapWidth = %d, want 72", 3*strings.Count(wrapped, "\n"), got)
	}
}

func TestTrimmedLine(t *testing.T) {
	tests := []struct {
		in    string
		text  string
		width int
	}{
		{"", "", 0},
		{"plain", "plain", 5},
		{"   indented  \t\r", "   indented", 11},
		{"中文 ", "中文", 4},
		{"tab\there", "tab\there", 12},
		{"\tindented", "\tindented", 16},
		{"e\u0301t\u00e9\u00a0\u3000", "e\u0301t\u00e9", 3}, // a combining accent takes no column; NBSP and ideographic space trail
		{"ｆｕｌｌ", "ｆｕｌｌ", 8},
		{"\x00ctl", "\x00ctl", 3},
	}
	for _, tt := range tests {
		got := trimmedLine(tt.in)
		if got.text != tt.text || got.width != tt.width {
			t.Errorf("trimmedLine(%q) = %q, %d; want %q, %d", tt.in, got.text, got.width, tt.text, tt.width)
		}
		if w := displayWidth(tt.text); w != tt.width {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.text, w, tt.width)
		}
	}
}

func TestOpensItem(t *testing.T) {
	for s, want := range map[string]bool{
		"* item": true, "- item": true, "• item": true, "-": true, "1. item": true, "12) item": true, "3.": true,
		"o nested": false, "# nested": true, "▪ item": true, "999. item": true,
		"*emphasis*": false, "-5 degrees": false, "3.5 million": false, "2026 was": false, "word": false, "2026. The": false, "once": false,
	} {
		if got := opensItem(s); got != want {
			t.Errorf("opensItem(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzTextBlocks splits arbitrary text into line blocks. It must never
// panic; every block is non-empty, numbered in order, and, where the input
// is UTF-8, a run of its consecutive non-blank lines (white space collapsed)
// in order, joined by a space or nothing (see textcheck.LineRun): a line of its own
// unless the text reads as hard-wrapped.
func FuzzTextBlocks(f *testing.F) {
	for _, name := range []string{"lynx-en.txt", "w3m-zh.txt", "titles.txt", "headings72-en.txt"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "unwrap", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw))
	}
	f.Add("a line\n\x00\r\n\u3000中文\u00a0\na\u00adb a\u200bb\n")
	f.Fuzz(func(t *testing.T, text string) {
		blocks, err := textBlocks(text, 1<<16)
		if err != nil {
			return
		}
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, collapseSpace(l))
		}
		next := 0 // the blocks take the lines in order
		for i, b := range blocks {
			if b.Text == "" || b.Index != i {
				t.Fatalf("block %d: %q, Index %d", i, b.Text, b.Index)
			}
			if !utf8.ValidString(text) {
				continue
			}
			end := textcheck.LineRun(b.Text, lines, next)
			if end < 0 {
				t.Fatalf("block %q is not a run of the input's lines after line %d", b.Text, next)
			}
			next = end
		}
	})
}

func TestHardWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"the cat sat on the mat", 10, "the cat\nsat on the\nmat\n"},
		{"a verylongwordindeed b", 5, "a\nverylongwordindeed\nb\n"},
		{"中文文本在任何两个字之间断开", 10, "中文文本在\n任何两个字\n之间断开\n"},
		{"2025年5G基站", 6, "2025年\n5G基站\n"},
		{"one\n\ntwo  spaced", 40, "one\n\ntwo spaced\n"},
		{"unchanged\n", 0, "unchanged\n"},
		{"\x04两", 1, "\x04\n两\n"},            // a segment of no width starts the line
		{"\u00ad lead", 40, "\u00ad lead\n"}, // and keeps the space after it
	}
	for _, tt := range tests {
		if got := HardWrap(tt.text, tt.width); got != tt.want {
			t.Errorf("HardWrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestHardWrapRoundTrip wraps articles of a paragraph a line at the widths
// such tools use, a blank line between paragraphs as they write them, and
// checks that text input joins their paragraphs back. (Without the blank
// lines, a paragraph whose last line happens to be full runs on into the
// next: TestTextBlocksUnwrap's wrapped72-en.txt has none that does.)
func TestHardWrapRoundTrip(t *testing.T) {
	for _, name := range []string{"lynx-en.want.txt", "wrapped72-de.want.txt", "w3m-zh.want.txt"} {
		text := readUnwrapFixture(t, name)
		want := strings.Split(strings.TrimSpace(text), "\n")
		for _, width := range []int{64, 72, 78, 80} {
			blocks, err := textBlocks(HardWrap(strings.ReplaceAll(text, "\n", "\n\n"), width), DefaultMaxLines)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range blocks {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s wrapped at %d: blocks\n%s\nwant\n%s", name, width, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// FuzzHardWrap wraps arbitrary UTF-8 text: no output line is wider than the
// width unless it holds a single word (or CJK character), and the text's
// words (white space aside) come out in order.
func FuzzHardWrap(f *testing.F) {
	f.Add("the cat sat on the mat", 10)
	f.Add("中文文本在任何两个字之间断开 and English", 7)
	f.Add("a\tb\n\n  c  d\n", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) || width < 1 || width > 200 {
			return
		}
		got := HardWrap(text, width)
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(text), "") {
			t.Fatalf("HardWrap(%q, %d) = %q: words changed", text, width, got)
		}
		for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			// One segment: a word, or a single CJK character.
			one := !strings.ContainsAny(line, " \t") && (utf8.RuneCountInString(line) == 1 || !strings.ContainsFunc(line, cjkText))
			if displayWidth(line) > width && !one {
				t.Fatalf("HardWrap(%q, %d): line %q is %d columns wide", text, width, line, displayWidth(line))
			}
		}
	})
}
