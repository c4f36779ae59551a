package eval

import (
	"strings"
	"testing"
)

const (
	lowA    = "Sea otters hold hands while they sleep so that they do not drift apart in the night tide of the bay"
	lowB    = "They keep a favourite rock in a pouch under the arm and use it to crack open the shells of clams"
	lowJunk = "Subscribe now to our newsletter for more stories like this one and follow us on every social network you use"
)

func TestCeiling(t *testing.T) {
	const truth = "Sea otters hold hands while they sleep so that they do not drift apart. They keep a favourite rock in a pouch under the arm."
	tests := []struct {
		name   string
		blocks []string
		truth  string
		want   string
	}{
		{
			name:   "keeps the article's blocks and drops the menu and footer",
			blocks: []string{"Home | About | Shop", "Sea otters hold hands while they sleep so that they do not drift apart.", "They keep a favourite rock in a pouch under the arm.", "Copyright 2026 Example Inc. All rights reserved"},
			truth:  truth,
			want:   "Sea otters hold hands while they sleep so that they do not drift apart.\nThey keep a favourite rock in a pouch under the arm.",
		},
		{
			name:   "a block half in the truth is kept when it gains more than it costs",
			blocks: []string{"Sea otters hold hands while they sleep so that they do not drift apart. Share this story on social media now", "Related: ten facts about beavers and their dams"},
			truth:  truth,
			want:   "Sea otters hold hands while they sleep so that they do not drift apart. Share this story on social media now",
		},
		{
			name:   "a short block counts when its tokens are in the truth in a row",
			blocks: []string{"Otters", "Sea otters hold hands while they sleep", "Menu"},
			truth:  "Otters\n\nSea otters hold hands while they sleep",
			want:   "Otters\nSea otters hold hands while they sleep",
		},
		{
			name:   "CJK truth: characters are the tokens",
			blocks: []string{"首页 新闻 体育", "海獭睡觉时会手牵手，以免漂散。", "版权所有"},
			truth:  "海獭睡觉时会手牵手，\n\n以免漂散。",
			want:   "海獭睡觉时会手牵手，以免漂散。",
		},
		{
			name:   "a truth that is not on the page gives nothing",
			blocks: []string{"Home | About", "Buy our otter plush toys today"},
			truth:  truth,
			want:   "",
		},
		{
			name:   "nothing of the truth on the page: keep nothing",
			blocks: []string{"alpha beta gamma", "delta"},
			truth:  truth,
			want:   "",
		},
		{
			// The second block is half the truth's second paragraph and half
			// junk (share of trigrams about 0.4): keeping it gains more
			// recall than it costs precision.
			name:   "the best cut can be low",
			blocks: []string{lowA, lowB + " " + lowJunk},
			truth:  lowA + "\n\n" + lowB,
			want:   lowA + "\n" + lowB + " " + lowJunk,
		},
		{name: "no blocks", blocks: nil, truth: truth, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Ceiling(tt.blocks, tt.truth); got != tt.want {
				t.Errorf("Ceiling = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCeilingBeatsEveryChoice checks the ceiling against every subset of a
// small page's blocks: none scores a higher page F1.
func TestCeilingBeatsEveryChoice(t *testing.T) {
	blocks := []string{
		"Otters and their rocks",
		"Sea otters hold hands while they sleep so that they do not drift apart.",
		"Subscribe to our newsletter for more stories about otters",
		"They keep a favourite rock in a pouch under the arm, and use it to crack shells.",
		"Otters are members of the weasel family, read more in our guide",
		"Copyright 2026",
	}
	truth := "Otters and their rocks\n\nSea otters hold hands while they sleep so that they do not drift apart. They keep a favourite rock in a pouch under the arm, and use it to crack shells. Otters are members of the weasel family."
	f1Of := func(out string) float64 {
		tp, fp, fn := ShingleCounts(out, truth, false)
		return PRF{TP: tp, FP: fp, FN: fn}.F1()
	}
	got := f1Of(Ceiling(blocks, truth))
	for mask := 0; mask < 1<<len(blocks); mask++ {
		var kept []string
		for i, b := range blocks {
			if mask&(1<<i) != 0 {
				kept = append(kept, b)
			}
		}
		if f := f1Of(strings.Join(kept, "\n")); f > got+1e-9 {
			t.Errorf("blocks %06b score F1 %.4f, above the ceiling's %.4f", mask, f, got)
		}
	}
	if got < 0.9 {
		t.Errorf("ceiling F1 = %.3f, want >= 0.9 on a page whose truth is nearly its blocks", got)
	}
}
