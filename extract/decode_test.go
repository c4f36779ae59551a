package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readFixture returns the raw bytes of a testdata file, gunzipped when it ends in .gz.
func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			tb.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			tb.Fatal(err)
		}
	}
	return b
}

// mojibake reports whether s holds two or more U+FFFD within a few runes of each other.
func mojibake(s string) bool {
	last := -100
	i := 0
	for _, r := range s {
		if r == utf8.RuneError {
			if i-last <= 4 {
				return true
			}
			last = i
		}
		i++
	}
	return false
}

func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		file    string
		ct      string
		wantEnc string
		phrase  string // from the page's ground truth
	}{
		{"gbk-meta.html.gz", "", "gb18030", "让与会者去风景点游玩观赏"},
		{"gbk-nocharset.html.gz", "", "gb18030", "它通过空气推动飞机"},
		{"gbk-meta-past-1024.html.gz", "", "gb18030", "其生产的昌河微型面包车"},
		{"gbk-labelled-iso-8859-1.html.gz", "", "gb18030", "入会者首先向被中共残杀的英烈致哀"},
		{"gbk-labelled-iso-8859-1.html.gz", "text/html; charset=ISO-8859-1", "gb18030", "入会者首先向被中共残杀的英烈致哀"},
		{"utf8-script-says-gb2312.html.gz", "", "utf-8", "她在长春市某医院"},
		{"utf8-script-says-gb2312.html.gz", "text/html; charset=gbk", "utf-8", "她在长春市某医院"},
		{"utf8-labelled-iso-8859-1-en.html.gz", "", "utf-8", "can make or break your agency’s bottom line"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.ct, func(t *testing.T) {
			raw := readFixture(t, filepath.Join("decode", tt.file))
			text, enc, err := Decode(raw, tt.ct, KindHTML)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			if !utf8.ValidString(text) {
				t.Error("output is not valid UTF-8")
			}
			if !strings.Contains(text, tt.phrase) {
				t.Errorf("decoded text lacks %q", tt.phrase)
			}
			if mojibake(text) {
				t.Error("decoded text has U+FFFD clusters")
			}
		})
	}
}

func TestDecodeInline(t *testing.T) {
	const zh = "这是一个关于中文编码检测的测试段落，内容足够长，以便检测器能够做出可靠的判断。我们再写一句话来增加样本的长度。"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(zh)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>héllo 世界</p>")
	if err != nil {
		t.Fatal(err)
	}
	latin1 := "<html><head><meta charset=iso-8859-1></head><body><p>caf\xe9 na\xefve r\xe9sum\xe9</p></body></html>"
	tests := []struct {
		name     string
		raw      string
		ct       string
		kind     Kind
		want     string // substring of the output
		wantEnc  string
		wantFFFD bool
	}{
		{"empty", "", "", KindAuto, "", "utf-8", false},
		{"ascii", "<p>plain</p>", "", KindHTML, "<p>plain</p>", "utf-8", false},
		{"utf8 BOM", "\xef\xbb\xbf<p>世界</p>", "", KindHTML, "<p>世界</p>", "utf-8", false},
		{"utf16le BOM", utf16le, "", KindHTML, "<p>héllo 世界</p>", "utf-16le", false},
		{"header beats meta", "<meta charset=utf-8><p>" + gbk + "</p>", "text/html; charset=gbk", KindHTML, zh, "gb18030", false},
		{"meta gbk", "<meta http-equiv=Content-Type content='text/html; charset=GBK'><p>" + gbk + "</p>", "", KindHTML, zh, "gb18030", false},
		{"meta past 1024", "<html><head>" + strings.Repeat("<!-- padding -->", 200) + "<meta charset=\"gb2312\"></head><p>" + gbk, "", KindHTML, zh, "gb18030", false},
		{"no declaration gbk", "<p>" + gbk + "</p>", "", KindHTML, zh, "gb18030", false},
		{"text gbk", gbk + "\n" + gbk, "", KindText, zh, "gb18030", false},
		{"gbk labelled latin1", "<meta charset=iso-8859-1><p>" + gbk + "</p>", "", KindHTML, zh, "gb18030", false},
		{"gbk labelled utf-8", "<meta charset=utf-8><p>" + gbk + "</p>", "", KindHTML, zh, "gb18030", false},
		{"latin1 stays latin1", latin1, "", KindHTML, "café naïve résumé", "windows-1252", false},
		{"invalid utf-8 declared utf-8", "<meta charset=utf-8><p>good 世界 bad \xff\xfe here and more good text 世界世界世界</p>", "", KindHTML, "good 世界 bad \uFFFD", "utf-8", true},
		{"header utf-8 valid", "<p>世界</p>", "text/html; charset=utf-8", KindHTML, "<p>世界</p>", "utf-8", false},
		{"bogus header", "<p>世界</p>", "text/html; charset=nonsense", KindHTML, "<p>世界</p>", "utf-8", false},
		{"malformed content type", "<p>" + gbk + "</p>", "text/html charset=gbk;;", KindHTML, zh, "gb18030", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode([]byte(tt.raw), tt.ct, tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(text) {
				t.Fatal("output is not valid UTF-8")
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			if !strings.Contains(text, tt.want) {
				t.Errorf("output %q lacks %q", text, tt.want)
			}
			if got := strings.ContainsRune(text, utf8.RuneError); got != tt.wantFFFD {
				t.Errorf("U+FFFD in output = %v, want %v", got, tt.wantFFFD)
			}
		})
	}
}

func TestContentTypeCharset(t *testing.T) {
	tests := map[string]string{
		"":                                "",
		"text/html":                       "",
		"text/html; charset=GBK":          "GBK",
		`text/html; charset="utf-8"`:      "utf-8",
		"text/html;charset=gb2312;;junk":  "gb2312",
		"text/html; Charset = 'big5' foo": "big5",
	}
	for in, want := range tests {
		if got := contentTypeCharset(in); !strings.EqualFold(got, want) {
			t.Errorf("contentTypeCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetaCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="gbk">`, "gbk"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">`, "gb2312"},
		{`<script>var s = '<meta charset="big5">';</script><meta charset=utf-8>`, "utf-8"},
		{`<!-- <meta charset="big5"> --><p>x`, ""},
		{`<script src="x.js" charset="gb2312"></script>`, ""},
		{strings.Repeat("<p>padding</p>", 300) + `<meta charset="shift_jis">`, "shift_jis"},
	}
	for _, tt := range tests {
		if got := metaCharset([]byte(tt.in)); got != tt.want {
			t.Errorf("metaCharset(%.40q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=gbk><p>\xc4\xe3\xba\xc3</p>"), "", uint8(KindHTML))
	f.Add([]byte("\xef\xbb\xbfhello"), "text/plain; charset=utf-8", uint8(KindText))
	f.Add([]byte("\xff\xfeh\x00i\x00"), "", uint8(KindAuto))
	f.Add([]byte("caf\xe9"), "text/html; charset=utf-16", uint8(KindAuto))
	f.Add([]byte("\x1b$B$3$s\x1b(B"), "text/html; charset=iso-2022-jp", uint8(KindHTML))
	f.Fuzz(func(t *testing.T, raw []byte, ct string, kind uint8) {
		text, enc, err := Decode(raw, ct, Kind(kind%3))
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 output (encoding %s)", enc)
		}
		if enc == "" {
			t.Fatal("empty encoding name")
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"utf8-labelled-iso-8859-1-en.html.gz", "gbk-meta.html.gz", "gbk-nocharset.html.gz"} {
		raw := readFixture(b, filepath.Join("decode", name))
		b.Run(strings.TrimSuffix(name, ".html.gz"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, _, err := Decode(raw, "", KindHTML); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
