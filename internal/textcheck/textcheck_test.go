package textcheck

import "testing"

func TestLineRun(t *testing.T) {
	lines := []string{"", "one two", "three", "", "four", "五六", "七"}
	tests := []struct {
		s    string
		from int
		want int
	}{
		{"one two", 0, 2},
		{"one two three", 0, 3},
		{"one twothree", 0, 3},
		{"three four", 0, -1}, // a blank line between
		{"four", 3, 5},
		{"four 五六七", 0, 7},
		{"五六七", 0, 7},
		{"one two", 2, -1}, // before from
		{"two three", 0, -1},
		{"", 0, -1},
	}
	for _, tt := range tests {
		if got := LineRun(tt.s, lines, tt.from); got != tt.want {
			t.Errorf("LineRun(%q, from %d) = %d, want %d", tt.s, tt.from, got, tt.want)
		}
	}
}
