package classifier

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only separators", " ,.;— \t\n", nil},
		{"english", "Hello, World!", []string{"hello", "world", "hello_world"}},
		{"one word", "Home", []string{"home"}},
		{"apostrophe splits", "don't", []string{"don", "t", "don_t"}},
		{"simplified", "模型训练", []string{"模", "型", "模型", "训", "型训", "练", "训练"}},
		{"traditional folded", "機器學習", []string{"机", "器", "机器", "学", "器学", "习", "学习"}},
		{"traditional equals simplified", "學習模型", NewTokenizer().Words("学习模型")},
		{"mixed scripts", "GPT3.5模型", []string{"gpt3", "#num1", "gpt3_#num1", "模", "型", "模型"}},
		{"cjk punctuation breaks bigrams", "首页|新闻", []string{"首", "页", "首页", "新", "闻", "新闻"}},
		{"kana and hangul", "タワー 서울", []string{"タ", "ワ", "タワ", "ー", "ワー", "서", "울", "서울"}},
		{"numbers", "Posted 2023 at 10:30", []string{"posted", "#num4", "posted_#num4", "at", "#num4_at", "#num2", "at_#num2", "#num2", "#num2_#num2"}},
		{"long number capped", "1234567890123", []string{"#num9"}},
		{"alphanumeric stays a word", "mp3 h264", []string{"mp3", "h264", "mp3_h264"}},
		{"NFKC full-width", "ＡＢＣ１２３ｄｅｆ", []string{"abc123def"}},
		{"NFKC full-width digits", "２０２３年", []string{"#num4", "年"}},
		{"NFKC ligature", "ﬁnal", []string{"final"}},
		{"accents kept", "Café STRASSE Straße", []string{"café", "strasse", "café_strasse", "straße", "strasse_straße"}},
		{"combining mark in word", "नमस्ते दुनिया", []string{"नमस्ते", "दुनिया", "नमस्ते_दुनिया"}},
		{"invalid UTF-8", "\xff\xfeab\xc3 cd", []string{"ab", "cd", "ab_cd"}},
		{"lone continuation", "\x80", nil},
	}
	tk := NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tk.Words(tt.in)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Words(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestWordsReuse checks that a call does not change the strings returned
// by an earlier call (only the slice is reused).
func TestWordsReuse(t *testing.T) {
	tk := NewTokenizer()
	first := strings.Join(tk.Words("alpha beta"), " ")
	saved := tk.Words("alpha beta")
	kept := append([]string(nil), saved...)
	tk.Words("gamma delta epsilon zeta")
	if got := strings.Join(kept, " "); got != first {
		t.Errorf("strings changed under the caller: %q, want %q", got, first)
	}
}

func TestT2STable(t *testing.T) {
	f := t2sTable()
	m := f.m
	if len(m) < 2000 {
		t.Fatalf("t2s table has %d entries, want thousands", len(m))
	}
	for from, to := range map[rune]rune{'國': '国', '學': '学', '體': '体', '門': '门'} {
		if m[from] != to || f.fold(from) != to {
			t.Errorf("t2s[%c] = %c, want %c", from, m[from], to)
		}
	}
	for from, to := range m {
		if f.fold(from) != to {
			t.Errorf("fold(%c) = %c, want %c", from, f.fold(from), to)
		}
		if from == to {
			t.Errorf("t2s maps %c to itself", from)
		}
		if _, ok := m[to]; ok && m[to] != to {
			// The fold is applied once, so a chain would make the result
			// depend on the input form.
			t.Errorf("t2s chain %c -> %c -> %c", from, to, m[to])
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "Hello, World!", "機器學習模型", "GPT3.5模型", "ＡＢＣ１２３", "\xff\xfe", "2023-01-15", "タワー서울", "a\u0301b"} {
		f.Add(s)
	}
	tk := NewTokenizer()
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range tk.Words(s) {
			if w == "" {
				t.Fatalf("Words(%q) has an empty token", s)
			}
			if !utf8.ValidString(w) {
				t.Fatalf("Words(%q) has invalid UTF-8 token %q", s, w)
			}
		}
	})
}
