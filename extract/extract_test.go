package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// s1Page is a small article page used by the end-to-end tests.
const s1Page = `<!DOCTYPE html>
<html><head><title>Harbour reopens after storm</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday morning, three days after the storm tore two fishing boats from their moorings and flooded the quay.</p>
<p>Engineers checked the sea wall overnight, and the port authority said that ferries would run to the normal timetable from Tuesday.</p>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
</article>
<footer><p>Copyright 2025 Coast News. All rights reserved.</p></footer>
</body></html>`

// s1Extract calls Extract with a background context and fails the test on error.
func s1Extract(tb testing.TB, raw []byte, opts Options) *Document {
	tb.Helper()
	doc, err := Extract(context.Background(), raw, opts)
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	return doc
}

// s1CheckInvariants checks what every Document must satisfy.
func s1CheckInvariants(tb testing.TB, doc *Document) {
	tb.Helper()
	for i, b := range doc.Blocks {
		if b.Index != i {
			tb.Errorf("block %d has Index %d", i, b.Index)
		}
		if b.Text == "" || b.Text != collapseSpace(b.Text) {
			tb.Errorf("block %d text %q is empty or not collapsed", i, b.Text)
		}
		if !utf8.ValidString(b.Text) {
			tb.Errorf("block %d text is not valid UTF-8", i)
		}
		if b.LinkChars < 0 || b.LinkChars > b.Runes() {
			tb.Errorf("block %d: LinkChars %d out of [0, %d]", i, b.LinkChars, b.Runes())
		}
		if b.Region > RegionInside {
			tb.Errorf("block %d: bad region %d", i, b.Region)
		}
		if b.Tag == "" {
			tb.Errorf("block %d has no tag", i)
		}
	}
}

func TestExtractHTML(t *testing.T) {
	doc := s1Extract(t, []byte(s1Page), Options{})
	s1CheckInvariants(t, doc)
	if doc.Kind != KindHTML || doc.Encoding != "utf-8" || doc.Title != "Harbour reopens after storm" {
		t.Errorf("Kind %v, Encoding %q, Title %q", doc.Kind, doc.Encoding, doc.Title)
	}
	for _, p := range []string{"The harbour reopened on Monday", "Engineers checked the sea wall"} {
		if !s1InsideHas(doc.Blocks, p) {
			t.Errorf("%q not inside\n%s", p, s1Dump(doc.Blocks))
		}
	}
	for _, p := range []string{"Home", "Share", "Copyright"} {
		if s1InsideHas(doc.Blocks, p) {
			t.Errorf("%q inside\n%s", p, s1Dump(doc.Blocks))
		}
	}
}

func TestExtractText(t *testing.T) {
	text := "Home\nNews\nLogin\n\n" + s1Line(0) + "\n" + s1Line(1) + "\n" + s1Line(2) + "\n\nShare\nTerms\nPrivacy\nContact\n"
	doc := s1Extract(t, []byte(text), Options{})
	s1CheckInvariants(t, doc)
	if doc.Kind != KindText || doc.Encoding != "utf-8" || doc.Title != "" {
		t.Errorf("Kind %v, Encoding %q, Title %q", doc.Kind, doc.Encoding, doc.Title)
	}
	if len(doc.Blocks) != 10 {
		t.Fatalf("got %d blocks, want 10", len(doc.Blocks))
	}
	want := []Region{RegionEdge, RegionEdge, RegionEdge, RegionInside, RegionInside, RegionInside,
		RegionEdge, RegionEdge, RegionEdge, RegionOutside}
	for i, b := range doc.Blocks {
		if b.Tag != "line" || b.Region != want[i] {
			t.Errorf("block %d %q: tag %q region %v, want line %v", i, b.Text, b.Tag, b.Region, want[i])
		}
	}
}

func TestDocumentTexts(t *testing.T) {
	doc, err := FromText("Home\n\n  Line of the  article.\nShare\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Texts(), []string{"Home", "Line of the article.", "Share"}; !slices.Equal(got, want) {
		t.Errorf("Texts() = %q, want %q", got, want)
	}
	if got := (&Document{}).Texts(); len(got) != 0 {
		t.Errorf("empty document: Texts() = %q", got)
	}
}

func TestExtractGzip(t *testing.T) {
	plain := s1Extract(t, []byte(s1Page), Options{})
	gz := s1Extract(t, gzipBytes(t, []byte(s1Page)), Options{})
	if s1Dump(plain.Blocks) != s1Dump(gz.Blocks) || plain.Title != gz.Title {
		t.Errorf("gzip'ed page differs:\n%s\nvs\n%s", s1Dump(plain.Blocks), s1Dump(gz.Blocks))
	}
	text := "one line of text\nanother line\n"
	doc := s1Extract(t, gzipBytes(t, []byte(text)), Options{})
	if doc.Kind != KindText || len(doc.Blocks) != 2 {
		t.Errorf("gzip'ed text: kind %v, %d blocks", doc.Kind, len(doc.Blocks))
	}
	if _, err := Extract(context.Background(), gzipBytes(t, []byte(s1Page))[:20], Options{}); err == nil {
		t.Error("truncated gzip: no error")
	}
}

func TestExtractForcedKind(t *testing.T) {
	// HTML forced to text: every line is a block, tags and all.
	doc := s1Extract(t, []byte(s1Page), Options{Kind: KindText})
	if doc.Kind != KindText {
		t.Fatalf("Kind = %v, want text", doc.Kind)
	}
	if !strings.Contains(s1AllText(doc.Blocks), "<article>") {
		t.Errorf("forced text lost the markup:\n%s", s1AllText(doc.Blocks))
	}
	for _, b := range doc.Blocks {
		if b.Tag != "line" {
			t.Errorf("block tag %q, want line", b.Tag)
		}
	}
	// Text forced to HTML: parsed as a body of text; "<" in prose is kept as text.
	doc = s1Extract(t, []byte("Plain words, 1 < 2 and 3 > 2.\nSecond line."), Options{Kind: KindHTML})
	if doc.Kind != KindHTML {
		t.Fatalf("Kind = %v, want html", doc.Kind)
	}
	if got := s1AllText(doc.Blocks); !strings.Contains(got, "1 < 2 and 3 > 2.") {
		t.Errorf("forced HTML text = %q", got)
	}
	// Kind auto sniffs the same as forcing the right kind.
	auto := s1Extract(t, []byte(s1Page), Options{})
	forced := s1Extract(t, []byte(s1Page), Options{Kind: KindHTML})
	if s1Dump(auto.Blocks) != s1Dump(forced.Blocks) {
		t.Error("auto and forced html differ")
	}
}

func TestExtractBinary(t *testing.T) {
	_, err := Extract(context.Background(), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{})
	if !errors.Is(err, ErrBinary) {
		t.Errorf("PNG: err = %v, want ErrBinary", err)
	}
}

func TestExtractGBKMeta(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>城市书房开放</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>
<div class="content"><p>三座城市书房同时对外开放，市民可以免费进入阅读、自习和参加活动，受到广泛欢迎。</p>
<p>据市图书馆负责人介绍，三座书房总面积约一千二百平方米，共提供座位三百余个，藏书四万多册。</p></div>
<div class="footer">版权所有 示例日报社</div></body></html>`
	raw, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(raw) {
		t.Fatal("GBK fixture is valid UTF-8; the test would not exercise decoding")
	}
	for _, opts := range []Options{{}, {Kind: KindHTML}} {
		doc := s1Extract(t, raw, opts)
		s1CheckInvariants(t, doc)
		if doc.Encoding != "gb18030" {
			t.Errorf("Encoding = %q, want gb18030", doc.Encoding)
		}
		if doc.Title != "城市书房开放" {
			t.Errorf("Title = %q", doc.Title)
		}
		if !s1InsideHas(doc.Blocks, "三座书房总面积约一千二百平方米") {
			t.Errorf("article not inside:\n%s", s1Dump(doc.Blocks))
		}
		if s1InsideHas(doc.Blocks, "版权所有") || s1InsideHas(doc.Blocks, "首页") {
			t.Errorf("junk inside:\n%s", s1Dump(doc.Blocks))
		}
		if mojibake(s1AllText(doc.Blocks)) {
			t.Error("mojibake in blocks")
		}
	}
	// The Content-Type header is honoured too.
	noMeta := strings.Replace(page, `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, "", 1)
	raw, _ = simplifiedchinese.GBK.NewEncoder().Bytes([]byte(noMeta))
	doc := s1Extract(t, raw, Options{ContentType: "text/html; charset=GBK"})
	if doc.Encoding != "gb18030" || !strings.Contains(s1AllText(doc.Blocks), "城市书房") {
		t.Errorf("header charset: Encoding %q, text %q", doc.Encoding, s1AllText(doc.Blocks))
	}
}

func TestExtractTooLarge(t *testing.T) {
	big := []byte(s1Page)
	max := int64(len(big) - 1)
	tests := []struct {
		name string
		raw  []byte
		lim  Limits
		want string // LimitError.Limit, "" for success
	}{
		{"plain over", big, Limits{MaxBytes: max}, "bytes"},
		{"plain exactly", big, Limits{MaxBytes: int64(len(big))}, ""},
		{"gzip expands over", gzipBytes(t, big), Limits{MaxBytes: max}, "bytes"},
		{"gzip exactly", gzipBytes(t, big), Limits{MaxBytes: int64(len(big))}, ""},
		{"gzip bomb", gzipBytes(t, make([]byte, 1<<20)), Limits{MaxBytes: 1 << 16}, "bytes"},
		{"text over", []byte(strings.Repeat("line\n", 100)), Limits{MaxBytes: 100}, "bytes"},
		{"text lines over", []byte(strings.Repeat("line\n", 100)), Limits{MaxLines: 99}, "lines"},
		{"nodes over", []byte("<html><body>" + strings.Repeat("<p>x</p>", 100) + "</body></html>"), Limits{MaxNodes: 50}, "nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), tt.raw, Options{Limits: tt.lim})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			var le *LimitError
			if !errors.As(err, &le) || le.Limit != tt.want {
				t.Errorf("err = %v, want a *LimitError for %q", err, tt.want)
			}
			if doc != nil {
				t.Error("a document came back with the error")
			}
		})
	}
}

func TestExtractContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		name string
		raw  []byte
		kind Kind
	}{
		{"html", []byte(s1Page), KindAuto},
		{"text", []byte("a line of text\n"), KindAuto},
		{"forced text", []byte(s1Page), KindText},
	} {
		doc, err := Extract(ctx, tt.raw, Options{Kind: tt.kind})
		if !errors.Is(err, context.Canceled) || doc != nil {
			t.Errorf("%s: %v, %v; want nil, context.Canceled", tt.name, doc, err)
		}
	}
	ctx, cancel = context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	if _, err := Extract(ctx, []byte(s1Page), Options{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("expired deadline: err = %v", err)
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, raw := range [][]byte{nil, {}, []byte("   \n\n  ")} {
		doc := s1Extract(t, raw, Options{})
		if len(doc.Blocks) != 0 {
			t.Errorf("%q: %d blocks", raw, len(doc.Blocks))
		}
	}
}

// TestExtractNotHTML checks the documented ErrNotHTML: input forced to HTML
// that does not parse as a document with any text.
func TestExtractNotHTML(t *testing.T) {
	for _, raw := range []string{"", "   ", "<html><body></body></html>", "<div><img src=x></div>"} {
		_, err := Extract(context.Background(), []byte(raw), Options{Kind: KindHTML})
		if !errors.Is(err, ErrNotHTML) {
			t.Errorf("%q forced to HTML: err = %v, want ErrNotHTML", raw, err)
		}
	}
}

// TestExtractRealPages runs Extract over the real pages of testdata/decode:
// it must succeed, keep the invariants, and put the known article phrase inside.
func TestExtractRealPages(t *testing.T) {
	tests := []struct {
		file   string
		phrase string // from the page's ground truth
	}{
		{"gbk-meta.html.gz", "让与会者去风景点游玩观赏"},
		{"gbk-nocharset.html.gz", "它通过空气推动飞机"},
		{"gbk-meta-past-1024.html.gz", "其生产的昌河微型面包车"},
		{"gbk-labelled-iso-8859-1.html.gz", "入会者首先向被中共残杀的英烈致哀"},
		{"utf8-script-says-gb2312.html.gz", "她在长春市某医院"},
		{"utf8-labelled-iso-8859-1-en.html.gz", "can make or break your agency’s bottom line"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "decode", tt.file)
			raw, err := os.ReadFile(path) // still gzip'ed: Extract decompresses
			if err != nil {
				t.Skipf("fixture missing: %v", err)
			}
			doc := s1Extract(t, raw, Options{})
			s1CheckInvariants(t, doc)
			if doc.Kind != KindHTML {
				t.Errorf("Kind = %v", doc.Kind)
			}
			if !s1InsideHas(doc.Blocks, tt.phrase) {
				t.Errorf("%q is not inside (region of its block: %v)", tt.phrase, s1RegionOfOr(doc.Blocks, tt.phrase))
			}
			if mojibake(s1AllText(doc.Blocks)) {
				t.Error("mojibake in blocks")
			}
		})
	}
}

// s1RegionOfOr returns the region name of the first block containing phrase, or "missing".
func s1RegionOfOr(blocks []Block, phrase string) string {
	for _, b := range blocks {
		if strings.Contains(b.Text, phrase) {
			return b.Region.String()
		}
	}
	return "missing"
}

func TestFromNodeReadOnly(t *testing.T) {
	root := s1Parse(t, s1Page)
	before := s1Dump(FromNode(root).Blocks)
	after := s1Dump(FromNode(root).Blocks)
	if before != after {
		t.Error("FromNode changed the tree or is not deterministic")
	}
}
