package eval

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParsePythonList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`[]`, []string{}},
		{"  [ ]\n", []string{}},
		{`['a']`, []string{"a"}},
		{`['a', "b's"]`, []string{"a", "b's"}},
		{`["say \"hi\"", 'it\'s']`, []string{`say "hi"`, "it's"}},
		{`[ 'a' , ]`, []string{"a"}},
		{`['tab\there', 'nl\nx', 'back\\slash']`, []string{"tab\there", "nl\nx", `back\slash`}},
		{`['\xe9\u00e9\U0001F600']`, []string{"éé😀"}},
		{`['\101\0']`, []string{"A\x00"}},
		{`['\ud800']`, []string{"\uFFFD"}},
		{`['a' 'b', "c"'d']`, []string{"ab", "cd"}},
		{`[u'x', r'\d', R"\'", b'y']`, []string{"x", `\d`, `\'`, "y"}},
		{`['\q']`, []string{`\q`}},
		{`['海獭', "首页"]`, []string{"海獭", "首页"}},
		{`['[Official thread] 2024', "[18] arXiv"]`, []string{"[Official thread] 2024", "[18] arXiv"}},
		{"['line\\\ncontinued']", []string{"linecontinued"}},
	}
	for _, tt := range tests {
		got, err := ParsePythonList(tt.in)
		if err != nil {
			t.Errorf("ParsePythonList(%q): %v", tt.in, err)
			continue
		}
		if !slices.Equal(got, tt.want) || got == nil {
			t.Errorf("ParsePythonList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePythonListErrors(t *testing.T) {
	for _, in := range []string{
		``, `[`, `a`, `['a'`, `['a',,]`, `[,]`, `[1]`, `[None]`, `['a'] x`, `['a'] ]`, "['a\nb']",
		`['''a''']`, `['\x4']`, `['\xzz']`, `['\U00110000']`, `['a' 'b'`, `['a\`, `[ab]`, `['a' b]`,
	} {
		got, err := ParsePythonList(in)
		if err == nil {
			t.Errorf("ParsePythonList(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.HasPrefix(err.Error(), "eval: ") {
			t.Errorf("ParsePythonList(%q) error %q lacks the eval: prefix", in, err)
		}
	}
}

// pyRepr renders items as a Python list of single-quoted strings.
func pyRepr(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('\'')
		for _, r := range s {
			switch {
			case r == '\\' || r == '\'':
				b.WriteByte('\\')
				b.WriteRune(r)
			case r == '\n':
				b.WriteString(`\n`)
			case r < 0x80 && !unicode.IsPrint(r):
				fmt.Fprintf(&b, `\x%02x`, r)
			case r >= 0x80 && !unicode.IsPrint(r):
				fmt.Fprintf(&b, `\U%08x`, r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('\'')
	}
	b.WriteByte(']')
	return b.String()
}

func FuzzPythonList(f *testing.F) {
	for _, s := range []string{
		`[]`, `['a', "b's"]`, `['\xe9\u00e9\U0001F600', '\101']`, `[u'x', r'\d' 'y',]`,
		`['海獭', "首页"]`, `['a\`, `['''`, "['a\\\nb']",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		items, err := ParsePythonList(in)
		if err != nil {
			return
		}
		for _, s := range items {
			if !utf8.ValidString(s) {
				return // raw invalid bytes pass through; they have no repr
			}
		}
		again, err := ParsePythonList(pyRepr(items))
		if err != nil {
			t.Fatalf("re-parsing %q (from %q): %v", pyRepr(items), in, err)
		}
		if !slices.Equal(items, again) {
			t.Fatalf("round trip of %q: %q, then %q", in, items, again)
		}
	})
}
