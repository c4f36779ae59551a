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

// t2sFold folds Traditional Chinese characters to Simplified. It is built
// once and never modified.
type t2sFold struct {
	// bmp has a bit set for each rune below 0x10000 that has a mapping, so
	// that the common case (no mapping) costs no map lookup.
	bmp [0x10000 / 64]uint64
	m   map[rune]rune
}

// fold returns the Simplified form of r, or r.
func (f *t2sFold) fold(r rune) rune {
	if r < 0x10000 && f.bmp[r>>6]&(1<<(r&63)) == 0 {
		return r
	}
	if to, ok := f.m[r]; ok {
		return to
	}
	return r
}

// t2sTable returns the parsed table.
var t2sTable = sync.OnceValue(func() *t2sFold {
	f := &t2sFold{m: make(map[rune]rune, 4200)}
	m := f.m
	for line := range strings.Lines(t2sData) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(a) != 1 || utf8.RuneCountInString(b) != 1 {
			panic("classifier: malformed t2s.txt line " + strconv.Quote(line))
		}
		from, _ := utf8.DecodeRuneInString(a)
		to, _ := utf8.DecodeRuneInString(b)
		m[from] = to
		if from < 0x10000 {
			f.bmp[from>>6] |= 1 << (from & 63)
		}
	}
	return f
})
