package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLen is how far into an HTML page Decode looks for a <meta> charset
// declaration. The HTML standard's prescan stops at 1024 bytes, but real pages
// (some in the shared data) declare it later, after long scripts or styles.
const metaScanLen = 64 << 10

// detectSampleLen bounds the bytes handed to the charset detector.
const detectSampleLen = 8 << 10

// Encoding names Decode reports besides the canonical names of htmlindex.
const (
	encUTF8    = "utf-8"
	encGB18030 = "gb18030"
)

// Decode converts raw page bytes to valid UTF-8 and returns the text with the
// name of the encoding it used (a WHATWG name such as "utf-8", "gb18030",
// "windows-1252", "big5", "shift_jis" or "utf-16le").
//
// The encoding is chosen in this order: a byte-order mark; a UTF-16 charset
// in contentType; input that is valid UTF-8 (which stays UTF-8 whatever it is
// labelled: legacy-encoded text is practically never valid UTF-8); then the
// charset parameter of contentType; then, unless kind is [KindText], a
// <meta charset> or <meta http-equiv="content-type"> anywhere in the first
// 64 KB; then a charset detector. A declaration is checked before it is
// trusted: a multi-byte one (GBK, Big5, ...) must decode without many errors,
// and a single-byte one (ISO-8859-1, windows-1252, ...) is overruled when the
// detector is confident the bytes are a CJK multi-byte encoding. GB2312 and GBK
// are decoded as GB18030, their superset. Invalid sequences become U+FFFD, so
// the result is always valid UTF-8. The error is reserved for future use and
// is currently always nil.
func Decode(raw []byte, contentType string, kind Kind) (text string, encodingName string, err error) {
	// 1. Byte-order marks.
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return toValidUTF8(raw[3:]), encUTF8, nil
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), raw[2:]), "utf-16le", nil
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), raw[2:]), "utf-16be", nil
	}

	// 2. A header that says UTF-16 is believed: such text can look like valid ASCII.
	header := contentTypeCharset(contentType)
	hdrEnc, hdrName := lookupEncoding(header)
	if hdrEnc != nil && strings.HasPrefix(hdrName, "utf-16") {
		return decodeWith(hdrEnc, raw), hdrName, nil
	}

	// 3. Valid UTF-8 (the common case) stays UTF-8 unless it is pure 7-bit
	// text that a declaration says is an escape-based encoding (ISO-2022-JP).
	if utf8.Valid(raw) {
		if bytes.IndexByte(raw, 0x1b) < 0 {
			return string(raw), encUTF8, nil
		}
		enc, name := hdrEnc, hdrName
		if enc == nil && kind != KindText {
			enc, name = lookupEncoding(metaCharset(raw))
		}
		if enc != nil && strings.HasPrefix(name, "iso-2022") {
			return decodeWith(enc, raw), name, nil
		}
		return string(raw), encUTF8, nil
	}

	// 4. UTF-8 with a few broken sequences stays UTF-8, whatever it is labelled.
	if mostlyUTF8(raw) {
		return toValidUTF8(raw), encUTF8, nil
	}

	// 5. A declaration, checked before it is trusted.
	if kind == KindAuto && looksHTML(raw) {
		kind = KindHTML
	}
	enc, name := hdrEnc, hdrName
	if enc == nil && kind != KindText {
		enc, name = lookupEncoding(metaCharset(raw))
		if enc != nil && strings.HasPrefix(name, "utf-16") {
			// A meta tag readable as ASCII cannot be right about UTF-16 (HTML standard).
			enc, name = unicode.UTF8, encUTF8
		}
	}
	if enc != nil {
		if text, ok := checkDeclared(raw, enc, name, kind); ok {
			return text, name, nil
		}
	}

	// 6. Detection.
	if enc, name := detect(raw, kind); enc != nil {
		return decodeWith(enc, raw), name, nil
	}
	if enc != nil {
		return decodeWith(enc, raw), name, nil
	}
	return toValidUTF8(raw), encUTF8, nil
}

// checkDeclared decodes raw, which is not valid UTF-8, with a declared
// encoding when the bytes bear the declaration out, and reports whether they did.
func checkDeclared(raw []byte, enc encoding.Encoding, name string, kind Kind) (string, bool) {
	switch {
	case name == encUTF8:
		return "", false // not mostly UTF-8 (Decode checked): detect instead
	case isSingleByte(name):
		// Every byte string decodes, so only the detector can overrule it; it
		// does so only for a confident multi-byte (CJK) verdict.
		if denc, dname := detect(raw, kind); denc != nil && !isSingleByte(dname) && dname != encUTF8 {
			return "", false
		}
		return decodeWith(enc, raw), true
	default:
		text := decodeWith(enc, raw)
		if replacementShare(text) <= 0.01 {
			return text, true
		}
		return "", false
	}
}

// isSingleByte reports whether the named encoding maps each byte to one character.
func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8") || name == "macintosh" || name == "ibm866" ||
		name == "windows-874" || name == "x-mac-cyrillic" || name == "x-user-defined"
}

// detect runs the charset detector over a sample of raw rich in non-ASCII
// bytes and returns the best candidate that can be decoded and decodes
// raw's sample with few errors, or nil.
func detect(raw []byte, kind Kind) (encoding.Encoding, string) {
	sample := highByteSample(raw)
	if len(sample) == 0 {
		return nil, ""
	}
	d := chardet.NewTextDetector()
	if kind == KindHTML {
		d = chardet.NewHtmlDetector()
	}
	results, err := d.DetectAll(sample)
	if err != nil {
		return nil, ""
	}
	for _, r := range results {
		if r.Confidence < 20 {
			break
		}
		enc, name := lookupEncoding(r.Charset)
		if enc == nil {
			continue
		}
		if name == encUTF8 {
			continue // raw is known not to be valid UTF-8 when detect runs
		}
		if !isSingleByte(name) && replacementShare(decodeWith(enc, sample)) > 0.02 {
			continue
		}
		if isSingleByte(name) && r.Confidence < 30 {
			// A weak single-byte guess: windows-1252 is the web's default.
			return lookupEncoding("windows-1252")
		}
		return enc, name
	}
	return nil, ""
}

// highByteSample returns up to detectSampleLen bytes of raw taken from the
// neighbourhoods of its non-ASCII bytes, so that a page whose first kilobytes
// are ASCII markup and scripts still gives the detector its text.
func highByteSample(raw []byte) []byte {
	const before, after = 8, 512
	var sample []byte
	i := 0
	for i < len(raw) && len(sample) < detectSampleLen {
		j := indexHigh(raw[i:])
		if j < 0 {
			break
		}
		j += i
		start := max(j-before, i)
		end := min(j+after, len(raw))
		if sample == nil {
			sample = make([]byte, 0, detectSampleLen+after+before)
		}
		sample = append(sample, raw[start:end]...)
		i = end
	}
	return sample
}

// indexHigh returns the index of the first byte >= 0x80 in b, or -1.
func indexHigh(b []byte) int {
	for i, c := range b {
		if c >= 0x80 {
			return i
		}
	}
	return -1
}

// lookupEncoding maps a charset label to its encoding and canonical name,
// with GB2312 and GBK widened to GB18030. Unknown labels, and labels the
// standard maps to the "replacement" encoding, return nil.
func lookupEncoding(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return nil, ""
	}
	switch label {
	case "gb-18030", "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "chinese", "csgb2312", "euc-cn":
		return simplifiedchinese.GB18030, encGB18030
	case "utf8":
		label = encUTF8
	}
	enc, err := htmlindex.Get(label)
	if err != nil || enc == encoding.Replacement {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	if name == "gbk" {
		return simplifiedchinese.GB18030, encGB18030
	}
	return enc, name
}

// contentTypeCharset returns the charset parameter of a Content-Type value.
func contentTypeCharset(ct string) string {
	if ct == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	return charsetFromContent(ct)
}

// charsetFromContent extracts a charset from a content attribute or a
// malformed Content-Type, as the HTML standard's algorithm does.
func charsetFromContent(s string) string {
	lower := strings.ToLower(s)
	for i := 0; ; {
		j := strings.Index(lower[i:], "charset")
		if j < 0 {
			return ""
		}
		i += j + len("charset")
		rest := strings.TrimLeft(lower[i:], " \t\n\f\r")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n\f\r")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if k := strings.IndexByte(rest[1:], q); k >= 0 {
				return rest[1 : k+1]
			}
			return ""
		}
		if k := strings.IndexAny(rest, " \t\n\f\r;"); k >= 0 {
			return rest[:k]
		}
		return rest
	}
}

// metaCharset returns the charset declared by the first <meta charset> or
// <meta http-equiv="content-type" content="...charset=..."> tag in the first
// metaScanLen bytes of an HTML page, or "". Tags inside scripts, styles and
// comments are not seen.
func metaCharset(raw []byte) string {
	if len(raw) > metaScanLen {
		raw = raw[:metaScanLen]
	}
	if !bytes.Contains(bytes.ToLower(raw), []byte("charset")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) != atom.Meta || !hasAttr {
				continue
			}
			var cs, content string
			var httpEquiv bool
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv || content != "" {
				if c := charsetFromContent(content); c != "" {
					return c
				}
			}
		}
	}
}

// decodeWith decodes b with enc, replacing undecodable bytes with U+FFFD,
// and always returns valid UTF-8.
func decodeWith(enc encoding.Encoding, b []byte) string {
	if enc == unicode.UTF8 {
		return toValidUTF8(b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return toValidUTF8(b)
	}
	return toValidUTF8(out)
}

// toValidUTF8 returns b as a string with each invalid UTF-8 sequence replaced by U+FFFD.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// utf8Errors counts the invalid UTF-8 sequences in b and its valid
// multi-byte sequences.
func utf8Errors(b []byte) (bad, multi int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return bad, multi
}

// mostlyUTF8 reports whether b, not valid UTF-8, is UTF-8 with some damage:
// its valid multi-byte sequences outnumber its invalid ones four to one.
// Legacy multi-byte text (GBK, Big5, Shift_JIS) forms valid UTF-8 sequences
// only by chance, far less often than invalid ones.
func mostlyUTF8(b []byte) bool {
	bad, multi := utf8Errors(b)
	return multi >= 4*bad
}

// replacementShare returns the share of U+FFFD among the non-ASCII runes of s.
func replacementShare(s string) float64 {
	bad, nonASCII := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		if r == utf8.RuneError {
			bad++
		}
	}
	if nonASCII == 0 {
		return 0
	}
	return float64(bad) / float64(nonASCII)
}
