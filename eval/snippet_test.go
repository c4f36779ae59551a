package eval

import "testing"

func TestSnippets(t *testing.T) {
	tests := []struct {
		name          string
		got           string
		with, without []string
		want          SnippetCounts
	}{
		{"none", "anything", nil, nil, SnippetCounts{}},
		{"all four", "Sea otters  hold\nhands while asleep",
			[]string{"Sea otters hold hands", "rock"}, []string{"while", "Home"},
			SnippetCounts{TP: 1, FN: 1, FP: 1, TN: 1}},
		{"whitespace in snippet", "Sea otters hold hands", []string{"  Sea\totters\n\nhold "}, nil, SnippetCounts{TP: 1}},
		{"empty snippets ignored", "x", []string{"", " \n"}, []string{""}, SnippetCounts{}},
		{"case sensitive", "sea otters", []string{"Sea otters"}, nil, SnippetCounts{FN: 1}},
		{"empty output", "", []string{"a"}, []string{"b"}, SnippetCounts{FN: 1, TN: 1}},
		{"cjk", "海獭睡觉时会手牵手，以免漂散。", []string{"手牵手"}, []string{"首页"}, SnippetCounts{TP: 1, TN: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Snippets(tt.got, tt.with, tt.without); got != tt.want {
				t.Errorf("Snippets = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSnippetCountsScores(t *testing.T) {
	c := SnippetCounts{TP: 3, FP: 1, FN: 2, TN: 4}
	if got, want := c.F(), 6.0/9; !near(got, want) {
		t.Errorf("F = %v, want %v", got, want)
	}
	if got, want := c.Precision(), 0.75; !near(got, want) {
		t.Errorf("Precision = %v, want %v", got, want)
	}
	if got, want := c.Recall(), 0.6; !near(got, want) {
		t.Errorf("Recall = %v, want %v", got, want)
	}
	var zero SnippetCounts
	if zero.F() != 0 || zero.Precision() != 0 || zero.Recall() != 0 {
		t.Errorf("zero counts: F %v P %v R %v, want 0", zero.F(), zero.Precision(), zero.Recall())
	}
	if got := c.Add(SnippetCounts{1, 1, 1, 1}); got != (SnippetCounts{4, 2, 3, 5}) {
		t.Errorf("Add = %+v", got)
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := map[string]string{
		"":                 "",
		"  a \t b\n\n c  ": "a b c",
		"a\u00a0b\u3000c":  "a b c",
		"no-change":        "no-change",
	}
	for in, want := range tests {
		if got := NormalizeSpace(in); got != want {
			t.Errorf("NormalizeSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
