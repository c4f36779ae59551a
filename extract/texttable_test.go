package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestTextRegionTables checks that a table written one cell a line beside
// the article joins it as DataCell lines (not SideRun ones), and what keeps
// other runs of short lines out: too few lines or figures, a calendar,
// distance from the article, a gap without figures, a stop line's section.
func TestTextRegionTables(t *testing.T) {
	var table []string // 8 rows of 4 cells, 3 of them figures
	for row := range 8 {
		table = append(table, fmt.Sprintf("School %d", row), fmt.Sprintf("%d", row+1), fmt.Sprintf("%d%% / %d%%", 30+row, 40+row), fmt.Sprintf("$%d,000", 150+row))
	}
	article := []string{s1Line(0), s1Line(1), s1Line(2), s1Line(3)}
	var menu []string
	for i := range 30 {
		menu = append(menu, fmt.Sprintf("Menu item %c", 'A'+i))
	}
	calendar := []string{"December 2006"} // a blog's calendar, one day a line
	for day := 1; day <= 31; day++ {
		calendar = append(calendar, fmt.Sprint(day))
	}
	var sparse []string // 32 lines, a third of them figures
	for row := range 8 {
		sparse = append(sparse, fmt.Sprintf("Team %c", 'A'+row), fmt.Sprintf("City %c", 'A'+row), fmt.Sprintf("Coach %c", 'A'+row), fmt.Sprintf("%d", 100+row))
	}
	var long []string // figures in lines longer than a cell
	for range 30 {
		long = append(long, strings.Repeat("1234567890 ", 6))
	}
	var related []string // a "Related" list of titles and dates
	for i := range 13 {
		related = append(related, fmt.Sprintf("Another story number %c", 'A'+i), fmt.Sprintf("2024-03-%02d", i+1))
	}
	tests := []struct {
		name      string
		lines     []string
		from, to  int // the lines to check, lines[from:to]
		wantCells bool
	}{
		{"table after the article", concat(article, table, []string{"Footer"}), 4, 36, true},
		{"table before the article", concat([]string{"Home"}, table, article), 0, 33, true},
		{"too short", concat(article, table[:20], []string{"Footer"}), 4, 24, false},
		{"words, not figures", concat(article, menu), 4, 34, false},
		{"too few figures", concat(article, sparse), 4, 36, false},
		{"lines too long for cells", concat(article, long), 4, 34, false},
		{"far from the article", concat(article, menu[:10], table), 14, 46, false},
		{"a calendar", concat(article, calendar), 4, 4 + len(calendar), false},
		{"a menu beside the table, past tableEdge", concat(article, table, menu[:12]), 36 + tableEdge, 48, false},
		{"a second table after a gap without figures", concat(article, table, menu[:tableGap+1], table), 36 + tableGap + 1 + tableEdge, 36 + tableGap + 1 + 32, false},
		{"a stop line's section", concat(article, []string{"Related articles"}, related, []string{"Footer"}), 4, 31, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, got := s1TextRegions(t, tt.lines)
			for i := tt.from; i < tt.to; i++ {
				b := &blocks[i]
				if b.DataCell != tt.wantCells || tt.wantCells && (b.Region != RegionInside || b.SideRun) {
					t.Fatalf("line %d %q: DataCell %v, SideRun %v, %s; want DataCell %v (regions %v)", i, tt.lines[i], b.DataCell, b.SideRun, got[i], tt.wantCells, got)
				}
			}
		})
	}
	// A table found before is not one when TextRegion runs again and finds
	// none, whether the text has an article's run or not.
	for _, lines := range [][]string{{"Home", "News", "Login", "Search"}, concat(article, menu[:3])} {
		blocks, _ := s1TextRegions(t, lines)
		for i := range blocks {
			blocks[i].DataCell = true
		}
		TextRegion(blocks, nil)
		for i, b := range blocks {
			if b.DataCell {
				t.Errorf("%q: DataCell left set on line %d", lines, i)
			}
		}
	}
}

// TestSmallNumber checks what counts as a calendar's day or a pager's page.
func TestSmallNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"7", true},
		{"31", true},
		{"100", false},
		{"3.6", false},
		{"12%", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := smallNumber(tt.in); got != tt.want {
			t.Errorf("smallNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNumericLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"37% / 40%", true},
		{"$175,000", true},
		{"3.6", true},
		{"3 (tie)", false},
		{"Class of 2022", false},
		{"2024年3月", true},
		{"Harvard Business School", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := numericLine(tt.in); got != tt.want {
			t.Errorf("numericLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// concat joins slices of lines into a new one.
func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
