package extract

import (
	"strings"
	"unicode"
)

// A run of text lines reads as a table's cells (see tableRuns) when it has
// at least tableMinLines lines of at most tableCellMaxRunes runes that end
// no sentence, at least tableNumericShare of them numeric (see
// numericLine) with never more than tableGap lines without one, at least
// half of its figures more than a calendar's day (see smallNumber), and
// lies within tableNearLines of the article's lines; it reaches tableEdge
// lines past its first and last figures.
//
// 5-fold CV text F1 (winnow's decision thresholds say how) on wceb1000 and
// zh-dev 0.7752 and 0.9028 -> 0.7772 and 0.8992; snippet F on trafilatura's
// comparison set (train split) 0.8582 -> 0.8581. wceb1000's rankings table
// (0103) went from 0.150 to 0.842 (41 pages rose, 21 fell, most of all
// pages whose short lines still pass for tables: a forum's member details,
// 0504 0.833 -> 0.779, and a blog's month archive, 1066 0.822 -> 0.783). Before stop lines ended runs (below), wceb1000 scored 0.7774.
// zh-dev's loss is one page (91bdf33e) whose fold model changed with the
// other pages' labels: the default model cleans it line for line as before,
// and zh-dev has no table that the rule finds. The cells kept at the text
// threshold rather than on textDataCell's laxer cut (before stop lines ended
// runs): 0.7753, 0.8992 and 0.8578. A first version took a run of short
// lines whole, with 30% figures and no calendar rule: runs of 12 lines or
// more scored 0.7769 and 0.9018, taking a forum's member details (joined,
// messages, points) for tables; of 24, 0.7775 and 0.9019, taking a blog's
// calendar; of 30, 0.7776 and 0.8984.
const (
	tableMinLines     = 24
	tableCellMaxRunes = 60
	tableNumericShare = 0.4
	tableNearLines    = 3
	tableGap          = 10
	tableEdge         = 4
)

// tableRuns reports which lines belong to a data table beside the article:
// a text export writes a table one cell a line, short lines that end no
// sentence, which the article's run leaves out as it does a menu; a
// table's many figures tell them apart. A run of such lines is cut into
// pieces where more than tableGap lines pass without a figure, and each
// piece reaches tableEdge lines past its first and last figures (its
// column headings, a last column of words), no further, so that a menu
// beside a table stays out. inside marks the article's lines; left, the
// lines a stop line's section took out of it (see leaveStopSections),
// which a table never takes back; a stop line ends a run of short lines,
// and the run right after one is its section, never a table (a "Related"
// list of titles and dates is half figures).
func tableRuns(blocks []Block, inside, left []bool) []bool {
	cells := make([]bool, len(blocks))
	isCell := func(k int) bool {
		b := &blocks[k]
		return !left[k] && b.Runes() <= tableCellMaxRunes && !b.EndsSentence() && !stopLine(b.Text)
	}
	for i := 0; i < len(blocks); {
		if !isCell(i) {
			i++
			continue
		}
		j := i
		for j < len(blocks) && isCell(j) {
			j++
		}
		if i > 0 && stopLine(blocks[i-1].Text) {
			i = j // the section a stop line opens: its list, not a table
			continue
		}
		// blocks[i:j] is a run of short lines; first and last are the
		// figures of the table being read, numeric its count of them.
		first, last, numeric, small := -1, -1, 0, 0
		flush := func() {
			if first < 0 {
				return
			}
			from, to := max(i, first-tableEdge), min(j, last+1+tableEdge)
			long := to-from >= tableMinLines
			figures := float64(numeric) >= tableNumericShare*float64(to-from)
			calendar := 2*small > numeric
			if long && figures && !calendar && nearInside(inside, from, to) {
				for k := from; k < to; k++ {
					cells[k] = true
				}
			}
			first, last, numeric, small = -1, -1, 0, 0
		}
		for k := i; k < j; k++ {
			if !numericLine(blocks[k].Text) {
				continue
			}
			if last >= 0 && k-last > tableGap {
				flush()
			}
			if first < 0 {
				first = k
			}
			last = k
			numeric++
			if smallNumber(blocks[k].Text) {
				small++
			}
		}
		flush()
		i = j
	}
	return cells
}

// nearInside reports whether a line within tableNearLines of
// blocks[i..j), outside it, is marked in inside.
func nearInside(inside []bool, i, j int) bool {
	for k := max(0, i-tableNearLines); k < min(len(inside), j+tableNearLines); k++ {
		if (k < i || k >= j) && inside[k] {
			return true
		}
	}
	return false
}

// numericLine reports whether s holds a digit and at least as many digits
// as letters: "37% / 40%", "$175,000", "3.6", not "Class of 2022".
func numericLine(s string) bool {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return digits > 0 && digits >= letters
}

// smallNumber reports whether s is a number of one or two digits and
// nothing else: a calendar's days or a pager's pages, when most of a run's
// figures are such.
func smallNumber(s string) bool {
	return len(s) > 0 && len(s) <= 2 && strings.Trim(s, "0123456789") == ""
}
