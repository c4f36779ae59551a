package classifier

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// t2sData is the Traditional-to-Simplified character table written by
// internal/gent2s from OpenCC's t2s data: "traditional<TAB>simplified" lines.
//
//go:embed t2s.txt
var t2sData string

// t2sTable returns the parsed table. It is built once and never modified.
var t2sTable = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune, 4200)
	for line := range strings.Lines(t2sData) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(from) != 1 || utf8.RuneCountInString(to) != 1 {
			panic("classifier: malformed t2s.txt line " + strconv.Quote(line))
		}
		f, _ := utf8.DecodeRuneInString(from)
		t, _ := utf8.DecodeRuneInString(to)
		m[f] = t
	}
	return m
})

