package winnow_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden want.txt files of testdata/pages")

// TestSeed checks the page the project started from: every article line is
// kept, and at least 95% of the junk lines (SEO spam, app and VIP prompts,
// cards, disclaimer, related titles, menus) are dropped.
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "seed", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := readSeedLabels(t)
	res, err := winnow.CleanBytes(context.Background(), raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != "text" {
		t.Errorf("kind = %q, want text", res.Kind)
	}
	// Blocks are the file's non-empty lines in order.
	var lineNos []int
	for i, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) != "" {
			lineNos = append(lineNos, i+1)
		}
	}
	if len(res.Blocks) != len(lineNos) {
		t.Fatalf("%d blocks for %d non-empty lines", len(res.Blocks), len(lineNos))
	}
	junk, dropped := 0, 0
	for i, b := range res.Blocks {
		n := lineNos[i]
		switch want[n] {
		case "either":
		case "junk":
			junk++
			if b.Label == classifier.Junk {
				dropped++
			} else {
				t.Logf("junk line %d kept (p_junk %.2f): %.60s", n, b.PJunk, b.Text)
			}
		default:
			if b.Label != classifier.Content {
				t.Errorf("article line %d dropped (p_junk %.2f): %.60s", n, b.PJunk, b.Text)
			}
		}
	}
	if junk == 0 {
		t.Fatal("labels.txt lists no junk lines")
	}
	if share := float64(dropped) / float64(junk); share < 0.95 {
		t.Errorf("dropped %d of %d junk lines (%.0f%%), want at least 95%%", dropped, junk, 100*share)
	}
	for _, spam := range []string{"中文字幕理论片", "打開APP", "猜你喜歡", "聯系客服"} {
		if strings.Contains(res.Text, spam) {
			t.Errorf("output contains junk %q", spam)
		}
	}
}

// readSeedLabels reads testdata/seed/labels.txt: line number → junk or either.
func readSeedLabels(t *testing.T) map[int]string {
	t.Helper()
	fh, err := os.Open(filepath.Join("testdata", "seed", "labels.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	labels := map[int]string{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			t.Fatalf("labels.txt: %q: %v", sc.Text(), err)
		}
		labels[n] = f[1]
	}
	return labels
}

// expectation is a fixture's expect.json: snippets from the page's ground truth.
type expectation struct {
	Source  string   `json:"source"`
	URL     string   `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// TestPages runs Clean over testdata/pages/<case>/input.html.gz (real pages
// from the shared corpora, English UTF-8 and Chinese GBK, one with a wrong
// declared charset and one with none). Each output must contain most of the
// ground truth's "with" snippets and few of its "without" snippets, and
// match the golden want.txt (go test -run TestPages -update rewrites it).
func TestPages(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("testdata", "pages"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata", "pages", d.Name())
			raw, err := os.ReadFile(filepath.Join(dir, "input.html.gz"))
			if err != nil {
				t.Fatal(err)
			}
			var exp expectation
			b, err := os.ReadFile(filepath.Join(dir, "expect.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &exp); err != nil {
				t.Fatal(err)
			}
			res, err := winnow.CleanBytes(context.Background(), raw, &winnow.Options{URL: exp.URL})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != "html" {
				t.Errorf("kind = %q", res.Kind)
			}
			got := squash(res.Text)
			found := 0
			for _, s := range exp.With {
				if strings.Contains(got, squash(s)) {
					found++
				} else {
					t.Logf("missing: %q", s)
				}
			}
			if len(exp.With) > 0 && float64(found) < 0.8*float64(len(exp.With)) {
				t.Errorf("found %d of %d article snippets, want at least 80%%", found, len(exp.With))
			}
			leaked := 0
			for _, s := range exp.Without {
				if strings.Contains(got, squash(s)) {
					leaked++
					t.Logf("leaked: %q", s)
				}
			}
			if leaked > len(exp.Without)/4 {
				t.Errorf("%d of %d junk snippets leaked, want at most a quarter", leaked, len(exp.Without))
			}
			golden := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(res.Text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestPages -update)", err)
			}
			if diff := cmp.Diff(string(want), res.Text+"\n"); diff != "" {
				t.Errorf("output differs from want.txt (-want +got):\n%s", diff)
			}
		})
	}
}

// squash removes all white space and lower-cases, so that snippets match
// across line breaks (the Chinese ground truth keeps hard wraps).
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TestHostileInput checks that hostile input gives output or a clear error,
// never a panic or a hang.
func TestHostileInput(t *testing.T) {
	deep := strings.Repeat("<div>", 200_000) + "deep text" + strings.Repeat("</div>", 200_000)
	paras := strings.Repeat("<p>A paragraph of plain text, with a comma.</p>", 300_000)
	attr := `<html><body><p title="` + strings.Repeat("x", 5<<20) + `">A paragraph with a huge attribute, and more words.</p></body></html>`
	var gz bytes.Buffer
	gz.Write(corpustest.Gzip(t, []byte("<html><body><p>Some text that is long enough.</p></body></html>"))[:20])
	random := make([]byte, 1<<16)
	for i := range random {
		random[i] = byte(i*7919 + i>>3)
	}
	tests := []struct {
		name    string
		input   []byte
		opts    *winnow.Options
		wantErr error // nil: any outcome but a panic; else errors.Is must hold
	}{
		{"empty", nil, nil, winnow.ErrNoContent},
		{"blank", []byte(" \n\t\n"), nil, winnow.ErrNoContent},
		{"NUL bytes", make([]byte, 4096), nil, extract.ErrBinary},
		{"random binary", random, nil, nil},
		{"200,000 nested divs", []byte(deep), nil, nil},
		{"300,000 paragraphs", []byte(paras), nil, nil},
		{"5 MB attribute", []byte(attr), nil, nil},
		{"invalid UTF-8", []byte("<p>caf\xe9 \xff\xfe broken \xc3 bytes, in a sentence.</p>"), nil, nil},
		{"truncated gzip", gz.Bytes(), nil, nil},
		{"10 MB line", bytes.Repeat([]byte("word "), 2<<20), nil, nil},
		// Hundreds of thousands of short runs of prose: text stage 1 must stay linear.
		{"450,000 alternating lines", bytes.Repeat([]byte("one two three four five six seven eight nine ten.\nx\nx\n"), 150_000), &winnow.Options{Kind: extract.KindText}, nil},
		// Wrappers whose ids hold junk words, around many empty elements:
		// stage 1 looks for each one's opening heading within a budget.
		{"200 nested id'ed wrappers around 100,000 empty elements", []byte("<html><body>" + strings.Repeat(`<div id="menu">`, 200) + strings.Repeat("<i></i>", 100_000) + "<p>Some text, at last.</p></body></html>"), nil, nil},
		{"over MaxBytes", bytes.Repeat([]byte("a"), 2048), &winnow.Options{Limits: extract.Limits{MaxBytes: 1024}}, extract.ErrTooLarge},
		{"over MaxNodes", []byte(strings.Repeat("<p>x</p>", 2000)), &winnow.Options{Limits: extract.Limits{MaxNodes: 1000}}, extract.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := winnow.Clean(context.Background(), bytes.NewReader(tt.input), tt.opts)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err == nil && res == nil {
				t.Fatal("nil result and nil error")
			}
			if err == nil && res.Text == "" {
				t.Error("empty text without an error")
			}
		})
	}
}

func TestCleanOptions(t *testing.T) {
	page := []byte(`<html><head><title>A test page</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>
<article><h1>Rivers of the north</h1>
<p>The northern rivers freeze in November, and the ice holds until the spring thaw, when the floods begin.</p>
<p>Fishermen cut holes in the ice to reach the water, a practice that has gone on for centuries in the region.</p>
<p>Scientists now measure the thickness of the ice each week, and they find that it is thinner than it was.</p>
</article>
<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer></body></html>`)
	ctx := context.Background()
	t.Run("nil options", func(t *testing.T) {
		res, err := winnow.CleanBytes(ctx, page, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Title != "A test page" || !strings.Contains(res.Text, "Fishermen cut holes") || strings.Contains(res.Text, "Copyright") {
			t.Errorf("title %q, text %q", res.Title, res.Text)
		}
	})
	t.Run("fast", func(t *testing.T) {
		res, err := winnow.CleanBytes(ctx, page, &winnow.Options{Fast: true, URL: "https://example.org/x"})
		if err != nil {
			t.Fatal(err)
		}
		if res.URL != "https://example.org/x" || !strings.Contains(res.Text, "Scientists now measure") {
			t.Errorf("url %q, text %q", res.URL, res.Text)
		}
		for _, b := range res.Blocks {
			if (b.Label == classifier.Content) != (b.Region == "inside") {
				t.Errorf("fast: block %q label %v region %s", b.Text, b.Label, b.Region)
			}
		}
	})
	t.Run("forced text", func(t *testing.T) {
		res, err := winnow.CleanBytes(ctx, page, &winnow.Options{Kind: extract.KindText})
		if err != nil {
			t.Fatal(err)
		}
		if res.Kind != "text" {
			t.Errorf("kind %q", res.Kind)
		}
	})
	t.Run("markdown", func(t *testing.T) {
		res, err := winnow.CleanBytes(ctx, page, nil)
		if err != nil {
			t.Fatal(err)
		}
		md := res.Markdown()
		if !strings.HasPrefix(md, "# A test page\n") || !strings.Contains(md, "The northern rivers freeze") {
			t.Errorf("markdown:\n%s", md)
		}
	})
	t.Run("text equals content blocks", func(t *testing.T) {
		res, err := winnow.CleanBytes(ctx, page, nil)
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, b := range res.Blocks {
			if b.PJunk < 0 || b.PJunk > 1 {
				t.Errorf("p_junk %v out of range", b.PJunk)
			}
			if b.InText() {
				kept = append(kept, b.Text)
			}
		}
		if got := strings.Join(kept, "\n"); got != res.Text {
			t.Errorf("Text %q is not the content blocks %q", res.Text, got)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := winnow.CleanBytes(ctx, page, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

// TestCleanDocumentGuard checks that a page whose region had text never
// comes out empty, even when the model calls every block junk.
func TestCleanDocumentGuard(t *testing.T) {
	c := classifier.NewCounts()
	c.Learn(classifier.Sample{Text: "everything here is junk", Label: classifier.Junk},
		classifier.Sample{Text: "zzz", Label: classifier.Content})
	doc := &extract.Document{Kind: extract.KindText, Blocks: []extract.Block{
		{Text: "everything here is junk", Tag: "line", Region: extract.RegionInside},
		{Text: "junk is everything here", Tag: "line", Region: extract.RegionInside, Index: 1},
	}}
	res, err := winnow.CleanDocument(context.Background(), doc, &winnow.Options{Model: c.Model(), Threshold: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if res.Text == "" {
		t.Error("guard failed: empty output")
	}
	if _, err := winnow.CleanDocument(context.Background(), &extract.Document{}, nil); !errors.Is(err, winnow.ErrNoContent) {
		t.Errorf("empty document: err = %v, want ErrNoContent", err)
	}
}

// TestJunkProbabilitiesCalibrated checks that stage 2's probabilities are
// cooled to usable values (raw naive Bayes puts nearly every block at 0 or 1)
// and still order the seed's blocks: article lines below junk lines.
func TestJunkProbabilitiesCalibrated(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "seed", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Extract(context.Background(), raw, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := winnow.JunkProbabilities(m, doc)
	if len(p) != len(doc.Blocks) {
		t.Fatalf("%d probabilities for %d blocks", len(p), len(doc.Blocks))
	}
	middle, sumArticle, sumJunk, nArticle, nJunk := 0, 0.0, 0.0, 0, 0
	labels := readSeedLabels(t)
	var lineNos []int
	for i, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) != "" {
			lineNos = append(lineNos, i+1)
		}
	}
	for i, pj := range p {
		if pj > 0.01 && pj < 0.99 {
			middle++
		}
		switch labels[lineNos[i]] {
		case "junk":
			sumJunk += pj
			nJunk++
		case "either":
		default:
			sumArticle += pj
			nArticle++
		}
	}
	if middle < len(p)/3 {
		t.Errorf("only %d of %d blocks have a P(junk) between 0.01 and 0.99: not calibrated", middle, len(p))
	}
	if a, j := sumArticle/float64(nArticle), sumJunk/float64(nJunk); a >= 0.5 || j <= 0.5 {
		t.Errorf("mean P(junk) of article lines %.2f, of junk lines %.2f", a, j)
	}
}

// TestCleanDropsRepeats checks that an article carried twice in a page (a
// desktop and a mobile copy) comes out once, while short lines that repeat
// legitimately ("Note") are kept each time.
func TestCleanDropsRepeats(t *testing.T) {
	copyOf := `<div class="copy"><h2>Rivers of the north</h2>
<p>The northern rivers freeze in November, and the ice holds until the spring thaw, when the floods begin.</p>
<p>Note</p>
<p>Fishermen cut holes in the ice to reach the water, a practice that has gone on for centuries in the region.</p></div>`
	page := []byte(`<html><body><article>` + copyOf + copyOf + `</article></body></html>`)
	for _, fast := range []bool{true, false} {
		res, err := winnow.CleanBytes(context.Background(), page, &winnow.Options{Fast: fast})
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(res.Text, "Fishermen cut holes"); n != 1 {
			t.Errorf("fast=%v: the paragraph comes out %d times:\n%s", fast, n, res.Text)
		}
		if fast {
			if n := strings.Count(res.Text, "Note"); n != 2 {
				t.Errorf("fast=%v: the short line comes out %d times, want 2:\n%s", fast, n, res.Text)
			}
		}
		// The second copy is marked, keeps its label (it is article text:
		// a review that confirms it must not teach it as junk), and stays
		// out of the Markdown too.
		repeats := 0
		for _, b := range res.Blocks {
			if b.Repeat {
				repeats++
				if b.Label != classifier.Content || !strings.HasPrefix(b.Text, "The northern rivers") && !strings.HasPrefix(b.Text, "Fishermen") {
					t.Errorf("fast=%v: repeat %+v", fast, b)
				}
			}
		}
		if repeats != 2 {
			t.Errorf("fast=%v: %d blocks marked repeat, want 2", fast, repeats)
		}
		if n := strings.Count(res.Markdown(), "Fishermen cut holes"); n != 1 {
			t.Errorf("fast=%v: the paragraph is %d times in the Markdown", fast, n)
		}
	}
}

// TestCleanTextRegionByModel checks that on a text export stage 2 finds
// the article's run again with the model's opinion: a consent notice that
// outweighs the article by shape alone leaves the run when the model knows
// its lines for junk (here pinned), and the article's lines make it.
func TestCleanTextRegionByModel(t *testing.T) {
	notice := []string{
		"We and our partners store and access information on a device, such as cookies, and process personal data for ads and content.",
		"With your permission we and our partners may use precise geolocation data and identification through device scanning.",
		"You may access more detailed information and change your preferences before consenting, or refuse consenting.",
		"Your preferences will apply to this website only, and you can change them at any time by returning to this site.",
	}
	article := []string{
		"The council voted on Tuesday to reopen the old library on Market Street, closed since a flood ten years ago.",
		"Work on the roof and the reading room will start in the spring, and the doors should open again next autumn.",
	}
	lines := slices.Concat([]string{"Home", "News"}, notice, []string{"Accept all", "Reject all", "More options", "World", "Business"},
		article, []string{"Share", "Contact us"})
	text := strings.Join(lines, "\n")
	doc, err := extract.FromText(text, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Blocks[2].Region != extract.RegionInside {
		t.Fatalf("by shape alone the notice's first line is %v, the case needs it inside", doc.Blocks[2].Region)
	}
	c := classifier.NewCounts()
	var pins []classifier.Sample
	for _, l := range notice {
		pins = append(pins, classifier.Sample{Text: l, Label: classifier.Junk})
	}
	for _, l := range article {
		pins = append(pins, classifier.Sample{Text: l, Label: classifier.Content})
	}
	c.Learn(pins...)
	if err := c.Pin(pins...); err != nil {
		t.Fatal(err)
	}
	res, err := winnow.CleanDocument(context.Background(), doc, &winnow.Options{Model: c.Model()})
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range res.Blocks {
		wantInside := slices.Contains(article, b.Text)
		if (b.Region == "inside") != wantInside {
			t.Errorf("line %d %q: region %s, want inside %v", i, b.Text, b.Region, wantInside)
		}
	}
	if want := strings.Join(article, "\n"); res.Text != want {
		t.Errorf("text = %q, want the article", res.Text)
	}
}

// TestCleanHardWrappedText cleans hard-wrapped exports of an article (lynx
// -dump; html2text at 72 columns, with headings, tab-indented or in German;
// w3m on Chinese) with the default model and
// checks that the result is the one of the same export with a paragraph a
// line, and holds the article's paragraphs.
func TestCleanHardWrappedText(t *testing.T) {
	dir := filepath.Join("extract", "testdata", "unwrap")
	tests := []struct{ wrapped, unwrapped, paragraph string }{
		{"lynx-en.txt", "lynx-en.want.txt", "The town council voted on Tuesday to build four new cycle lanes across the centre, ending a debate that had run for more than two years and filled the public gallery at every meeting."},
		{"wrapped72-en.txt", "lynx-en.want.txt", "The town council voted on Tuesday to build four new cycle lanes across the centre, ending a debate that had run for more than two years and filled the public gallery at every meeting."},
		{"headings72-en.txt", "headings72-en.want.txt", "The town council voted on Tuesday to build four new cycle lanes across the centre, ending a debate that had run for more than two years and filled the public gallery at every meeting."},
		{"tabs-en.txt", "tabs-en.want.txt", "The town council voted on Tuesday to build four new cycle lanes across the centre, ending a debate that had run for more than two years and filled the public gallery at every meeting."},
		{"wrapped72-de.txt", "wrapped72-de.want.txt", "Der Stadtrat hat am Dienstag beschlossen, vier neue Radwege quer durch die Innenstadt zu bauen, und damit eine Debatte beendet, die mehr als zwei Jahre gedauert und bei jeder Sitzung die Besuchertribüne gefüllt hatte."},
		{"w3m-zh.txt", "w3m-zh.want.txt", "本周二，市政府宣布将在市中心新建三条自行车道，结束了持续两年多的讨论。每次会议的旁听席上都坐满了前来关心此事的市民，他们希望这项工程能够尽快开工。"},
	}
	clean := func(name string) string {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := winnow.CleanBytes(context.Background(), raw, &winnow.Options{Kind: extract.KindText})
		if err != nil {
			t.Fatal(err)
		}
		return res.Text
	}
	for _, tt := range tests {
		t.Run(tt.wrapped, func(t *testing.T) {
			got, want := clean(tt.wrapped), clean(tt.unwrapped)
			if got != want {
				t.Errorf("wrapped export cleans to\n%s\nunwrapped to\n%s", got, want)
			}
			if !slices.Contains(strings.Split(got, "\n"), tt.paragraph) {
				t.Errorf("the article's first paragraph is not a line of\n%s", got)
			}
		})
	}
}
