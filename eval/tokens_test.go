package eval

import (
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cjk  bool
		want []string
	}{
		{"empty", "", false, nil},
		{"punctuation only", " ,.!? \n", false, nil},
		{"english", "Hello, world! foo_bar 42", false, []string{"Hello", "world", "foo_bar", "42"}},
		{"apostrophe splits", "don't", false, []string{"don", "t"}},
		{"line breaks separate", "line\n\nbreak", false, []string{"line", "break"}},
		{"accents precomposed", "café naïve", false, []string{"café", "naïve"}},
		{"combining mark joins", "cafe\u0301 ok", false, []string{"cafe\u0301", "ok"}},
		{"devanagari marks", "नमस्ते दुनिया", false, []string{"नमस्ते", "दुनिया"}},
		{"superscript is not a digit", "x²", false, []string{"x"}},
		{"cjk off: one run", "海獭睡觉，手牵手", false, []string{"海獭睡觉", "手牵手"}},
		{"cjk on: per character", "海獭睡觉，手牵手", true, []string{"海", "獭", "睡", "觉", "手", "牵", "手"}},
		{"cjk on: english unchanged", "Hello, world_1", true, []string{"Hello", "world_1"}},
		{"mixed off", "使用Kubernetes部署2个服务", false, []string{"使用Kubernetes部署2个服务"}},
		{"mixed on", "使用Kubernetes部署2个服务", true, []string{"使", "用", "Kubernetes", "部", "署", "2", "个", "服", "务"}},
		{"fullwidth digits", "２０２６年", true, []string{"２０２６", "年"}},
		{"kana", "コーヒーとお茶", true, []string{"コ", "ー", "ヒ", "ー", "と", "お", "茶"}},
		{"kana combining voiced mark", "か\u3099き", true, []string{"か\u3099", "き"}},
		{"cjk then space then latin", "海獭 hold, 海 x", true, []string{"海", "獭", "hold", "海", "x"}},
		{"hangul", "안녕 하세요", true, []string{"안", "녕", "하", "세", "요"}},
		{"hard wrap", "一二三\n\n四五", true, []string{"一", "二", "三", "四", "五"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in, tt.cjk)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q, %v) = %q, want %q", tt.in, tt.cjk, got, tt.want)
			}
		})
	}
}

func TestIsCJKText(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"Plain English text.", false},
		{"海獭睡觉时会手牵手。", true},
		{"使用 Kubernetes 部署服务", true},
		{"The word 水獭 means otter in Chinese, as every dictionary says.", false},
		{"コーヒーとお茶", true},
		{"안녕하세요 세계", true},
		{"12345 67890", false},
	}
	for _, tt := range tests {
		if got := IsCJKText(tt.in); got != tt.want {
			t.Errorf("IsCJKText(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
