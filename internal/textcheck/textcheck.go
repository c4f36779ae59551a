// Package textcheck holds checks that tests of text input share.
package textcheck

import "strings"

// LineRun returns the index after the run of lines, from lines[from] on,
// that joined by a space or nothing make s, or -1 when none does. Blank
// lines before the run are skipped; none may fall inside it. A block of
// text input is such a run of the input's lines (white space collapsed):
// one line, or the lines of a hard-wrapped paragraph.
func LineRun(s string, lines []string, from int) int {
	for j := max(from, 0); j < len(lines); j++ {
		if lines[j] == "" {
			continue
		}
		rest, ok := strings.CutPrefix(s, lines[j])
		k := j + 1
		for ok && rest != "" && k < len(lines) && lines[k] != "" {
			rest, ok = strings.CutPrefix(strings.TrimPrefix(rest, " "), lines[k])
			k++
		}
		if ok && rest == "" {
			return k
		}
	}
	return -1
}
