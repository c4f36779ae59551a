package eval

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParsePythonList parses the repr of a Python list of strings, such as
// `['a', "b's", 'tab\there']` or `[]`, and returns its elements.
//
// It accepts both quote styles, the string prefixes u, r and b (any case),
// adjacent literals that Python concatenates ('a' 'b'), a trailing comma,
// and the escapes of Python string literals: \\ \' \" \n \t \r \a \b \f \v,
// \ooo, \xhh, \uXXXX, \UXXXXXXXX and an escaped newline. Unknown escapes are
// kept as written, as Python does. Escapes name code points, so \xe9 is
// "é"; lone surrogates become U+FFFD. Triple-quoted literals and elements
// that are not strings are errors.
func ParsePythonList(s string) ([]string, error) {
	p := pyParser{s: s}
	out, err := p.list()
	if err != nil {
		return nil, fmt.Errorf("eval: python list: %w", err)
	}
	return out, nil
}

type pyParser struct {
	s   string
	pos int
}

func (p *pyParser) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", p.pos, fmt.Sprintf(format, args...))
}

func (p *pyParser) skipSpace() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.pos++
		default:
			return
		}
	}
}

func (p *pyParser) list() ([]string, error) {
	p.skipSpace()
	if p.pos >= len(p.s) || p.s[p.pos] != '[' {
		return nil, p.errorf("want '['")
	}
	p.pos++
	out := []string{}
	for {
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, p.errorf("unterminated list")
		}
		if p.s[p.pos] == ']' {
			p.pos++
			break
		}
		item, err := p.item()
		if err != nil {
			return nil, err
		}
		out = append(out, item)
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, p.errorf("unterminated list")
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.skipSpace()
			if p.pos != len(p.s) {
				return nil, p.errorf("trailing data after list")
			}
			return out, nil
		default:
			return nil, p.errorf("want ',' or ']', got %q", p.s[p.pos])
		}
	}
	p.skipSpace()
	if p.pos != len(p.s) {
		return nil, p.errorf("trailing data after list")
	}
	return out, nil
}

// item parses one or more adjacent string literals.
func (p *pyParser) item() (string, error) {
	var b strings.Builder
	n := 0
	for {
		p.skipSpace()
		if !p.atLiteral() {
			if n == 0 {
				return "", p.errorf("want a string literal")
			}
			return b.String(), nil
		}
		if err := p.literal(&b); err != nil {
			return "", err
		}
		n++
	}
}

// atLiteral reports whether a string literal, possibly prefixed, starts at pos.
func (p *pyParser) atLiteral() bool {
	i := p.pos
	for k := 0; k < 2 && i < len(p.s); k++ {
		switch p.s[i] {
		case 'u', 'U', 'r', 'R', 'b', 'B':
			i++
			continue
		}
		break
	}
	return i < len(p.s) && (p.s[i] == '\'' || p.s[i] == '"')
}

func (p *pyParser) literal(b *strings.Builder) error {
	raw := false
	for p.s[p.pos] != '\'' && p.s[p.pos] != '"' {
		if c := p.s[p.pos]; c == 'r' || c == 'R' {
			raw = true
		}
		p.pos++
	}
	q := p.s[p.pos]
	if strings.HasPrefix(p.s[p.pos:], strings.Repeat(string(q), 3)) {
		return p.errorf("triple-quoted strings are not supported")
	}
	p.pos++
	for {
		if p.pos >= len(p.s) {
			return p.errorf("unterminated string")
		}
		c := p.s[p.pos]
		switch {
		case c == q:
			p.pos++
			return nil
		case c == '\n':
			return p.errorf("newline in string")
		case c == '\\':
			if p.pos+1 >= len(p.s) {
				return p.errorf("unterminated string")
			}
			if raw {
				// A raw string keeps the backslash and the next byte.
				b.WriteString(p.s[p.pos : p.pos+2])
				p.pos += 2
				continue
			}
			if err := p.escape(b); err != nil {
				return err
			}
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// escape decodes the escape sequence at pos (which holds the backslash).
func (p *pyParser) escape(b *strings.Builder) error {
	c := p.s[p.pos+1]
	if r, ok := pySimpleEscapes[c]; ok {
		b.WriteByte(r)
		p.pos += 2
		return nil
	}
	switch c {
	case '\n':
		p.pos += 2
		return nil
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		start := p.pos + 2
		if start+n > len(p.s) {
			return p.errorf("truncated \\%c escape", c)
		}
		v, err := strconv.ParseUint(p.s[start:start+n], 16, 32)
		if err != nil || strings.ContainsAny(p.s[start:start+n], "+-_") {
			return p.errorf("bad \\%c escape", c)
		}
		if v > utf8.MaxRune {
			return p.errorf("escape \\%c beyond U+10FFFF", c)
		}
		b.WriteRune(rune(v)) // surrogates become U+FFFD
		p.pos = start + n
		return nil
	}
	if c >= '0' && c <= '7' {
		v, i := 0, p.pos+1
		for ; i < len(p.s) && i < p.pos+4 && p.s[i] >= '0' && p.s[i] <= '7'; i++ {
			v = v*8 + int(p.s[i]-'0')
		}
		b.WriteRune(rune(v))
		p.pos = i
		return nil
	}
	// Unknown escape: Python keeps the backslash.
	b.WriteByte('\\')
	p.pos++
	return nil
}

var pySimpleEscapes = map[byte]byte{'\\': '\\', '\'': '\'', '"': '"', 'n': '\n', 't': '\t',
	'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
