package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
	"github.com/winnowlabs/winnow/labels"
	"github.com/winnowlabs/winnow/records"
)

// sharedData is the shared corpora, relative to the package directory.
const sharedData = "../../../shared/data"

// warcRec returns one WARC/1.0 record.
func warcRec(typ, url, id, contentType, block string) []byte {
	return fmt.Appendf(nil, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: %s\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, url, id, contentType, len(block), block)
}

// warcResponse returns a WARC response record of an HTML page.
func warcResponse(n int, contentType string, html []byte) []byte {
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(html), html)
	return warcRec("response", fmt.Sprintf("https://example.com/%d", n), fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", n), "application/http; msgtype=response", block)
}

// wetRecord returns a WET conversion record.
func wetRecord(n int, text string) []byte {
	return warcRec("conversion", fmt.Sprintf("https://example.com/%d", n), fmt.Sprintf("<urn:uuid:10000000-0000-0000-0000-%012d>", n), "text/plain", text)
}

// gzipEach gzips every record as its own member.
func gzipEach(t *testing.T, recs ...[]byte) []byte {
	var out []byte
	for _, r := range recs {
		out = append(out, corpustest.Gzip(t, r)...)
	}
	return out
}

// jsonlLines decodes output as JSON lines.
func jsonlLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d is not a JSON object: %v\n%.300s", len(lines)+1, err, sc.Text())
		}
		lines = append(lines, m)
	}
	return lines
}

func TestCleanWARC(t *testing.T) {
	article := readFile(t, articlePath)
	recs := [][]byte{
		warcRec("warcinfo", "", "<urn:uuid:info>", "application/warc-fields", "software: test\r\n"),
		warcResponse(1, "text/html; charset=utf-8", article),
		warcResponse(2, "image/png", []byte("\x89PNG")),
		warcResponse(3, "text/html", []byte("  \n ")),
		warcResponse(4, "text/html", article),
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"plain.warc", bytes.Join(recs, nil)},
		{"crawl.warc.gz", gzipEach(t, recs...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.name, tt.data)
			r := runCmd(t, nil, "clean", "--format", "jsonl", "-j", "2", path)
			if r.code != 1 {
				t.Errorf("exit %d, want 1 (one record fails)", r.code)
			}
			lines := jsonlLines(t, r.stdout)
			if len(lines) != 3 {
				t.Fatalf("%d lines, want 3 (the image is skipped):\n%s", len(lines), r.stdout)
			}
			for i, n := range []int{1, 3, 4} {
				l := lines[i]
				if l["url"] != fmt.Sprintf("https://example.com/%d", n) || l["record_id"] != fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", n) || l["source"] != path {
					t.Errorf("line %d: url %v record_id %v source %v", i, l["url"], l["record_id"], l["source"])
				}
				if _, ok := l["blocks"]; ok {
					t.Errorf("line %d has blocks without --blocks", i)
				}
			}
			if text, _ := lines[0]["text"].(string); !strings.Contains(text, articleLine) || strings.Contains(text, articleJunk) {
				t.Errorf("record 1 text = %.200q", text)
			}
			if e, _ := lines[1]["error"].(string); e == "" {
				t.Errorf("binary record: no error field: %v", lines[1])
			}
			if !strings.Contains(r.stderr, "record 2 <urn:uuid:00000000-0000-0000-0000-000000000003> https://example.com/3") {
				t.Errorf("stderr does not name the failed record:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, "winnow: 3 pages, ") || !strings.Contains(r.stderr, " 1 errors") {
				t.Errorf("no summary on stderr:\n%s", r.stderr)
			}
		})
	}
	// Text output: a header per record; --blocks adds blocks; --quiet is silent.
	path := writeFile(t, "c.warc", bytes.Join([][]byte{recs[1], recs[4]}, nil))
	r := mustRun(t, nil, "clean", "--quiet", path)
	if !strings.HasPrefix(r.stdout, "==> https://example.com/1 <==\n") || !strings.Contains(r.stdout, "\n\n==> https://example.com/4 <==\n") {
		t.Errorf("text output headers:\n%.300s", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("--quiet: stderr = %q", r.stderr)
	}
	r = mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", "--blocks", path)
	for i, l := range jsonlLines(t, r.stdout) {
		if b, _ := l["blocks"].([]any); len(b) == 0 {
			t.Errorf("line %d: no blocks with --blocks", i)
		}
	}
}

// TestCleanWARCCharset checks that the charset of the HTTP header reaches the decoder.
func TestCleanWARCCharset(t *testing.T) {
	// windows-1251 bytes that are not valid UTF-8, on a page that declares nothing.
	text := "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xe4\xeb\xe8\xed\xed\xe0\xff \xf1\xf2\xe0\xf2\xfc\xff \xee \xf2\xee\xec, \xea\xe0\xea \xe6\xe8\xe2\xf3\xf2 \xe2\xee\xe4\xed\xfb\xe5 \xe2\xfb\xe4\xf0\xfb."
	html := []byte("<html><body><article><p>" + text + "</p><p>" + text + "</p></article></body></html>")
	path := writeFile(t, "ru.warc", warcResponse(1, "text/html; charset=windows-1251", html))
	r := mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", "--fast", path)
	lines := jsonlLines(t, r.stdout)
	if len(lines) != 1 || !strings.Contains(lines[0]["text"].(string), "Привет, мир!") || lines[0]["encoding"] != "windows-1251" {
		t.Errorf("got %v, want the page decoded as windows-1251", lines)
	}
}

func TestCleanJSONLIn(t *testing.T) {
	article := readFile(t, articlePath)
	html, _ := json.Marshal(string(article))
	seed, _ := json.Marshal(string(readFile(t, seedPath)))
	in := fmt.Sprintf(`{"id": "a", "url": "https://example.com/otters", "html": %s, "crawl": {"depth": 2, "tags": ["x"]}, "lang": "en"}
{"id": 7, "text": %s, "extra": null}
{"id": "bad", "html": 12}
not json
`, html, seed)
	for _, tt := range []struct {
		name string
		args []string
		in   []byte
	}{
		{"forced", []string{"--jsonl-in"}, []byte(in)},
		{"sniffed", nil, []byte(in)},
		{"zstd", nil, zstdBytes(t, []byte(in))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, bytes.NewReader(tt.in), append([]string{"clean", "--format", "jsonl"}, tt.args...)...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1 for the bad lines", r.code)
			}
			lines := jsonlLines(t, r.stdout)
			if len(lines) != 4 {
				t.Fatalf("%d lines, want 4:\n%.500s", len(lines), r.stdout)
			}
			a := lines[0]
			if a["id"] != "a" || a["url"] != "https://example.com/otters" || a["lang"] != "en" {
				t.Errorf("line 1 fields = %v", a)
			}
			crawl, _ := json.Marshal(a["crawl"])
			if string(crawl) != `{"depth":2,"tags":["x"]}` {
				t.Errorf("nested field = %s", crawl)
			}
			if _, ok := a["html"]; ok {
				t.Errorf("the html field is copied to the output")
			}
			if text, _ := a["text"].(string); !strings.Contains(text, articleLine) || a["title"] != "Otters hold hands | Example News" {
				t.Errorf("line 1 text %.100q title %v", text, a["title"])
			}
			b := lines[1]
			if b["id"] != float64(7) || b["extra"] != nil || !strings.Contains(b["text"].(string), seedArticleLine) || strings.Contains(b["text"].(string), seedSpamLine) {
				t.Errorf("line 2 = id %v extra %v text %.100q", b["id"], b["extra"], b["text"])
			}
			if _, ok := b["extra"]; !ok {
				t.Errorf("a null field is dropped")
			}
			if lines[2]["id"] != "bad" || lines[2]["error"] == nil || lines[3]["error"] == nil {
				t.Errorf("bad lines = %v, %v; want errors (with the id kept)", lines[2], lines[3])
			}
			if !strings.Contains(r.stderr, "record 3 bad") || !strings.Contains(r.stderr, "line 4: bad JSON") {
				t.Errorf("stderr:\n%s", r.stderr)
			}
		})
	}
}

func zstdBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

// manyJSONL returns n JSON lines of pages of very different sizes (so that
// workers finish out of order), with ids 0..n-1.
func manyJSONL(t *testing.T, n int) []byte {
	article := string(readFile(t, articlePath))
	var b bytes.Buffer
	for i := range n {
		page := article
		if i%7 == 0 {
			page = strings.Replace(article, "</article>", strings.Repeat("<p>Otters are playful animals that live near coasts, and they eat fish.</p>", 300)+"</article>", 1)
		}
		line, _ := json.Marshal(map[string]any{"id": i, "html": page, "seq": fmt.Sprint("s", i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestCleanOrderWorkers(t *testing.T) {
	in := manyJSONL(t, 60)
	one := mustRun(t, bytes.NewReader(in), "clean", "--quiet", "--format", "jsonl", "-j", "1")
	two := mustRun(t, bytes.NewReader(in), "clean", "--quiet", "--format", "jsonl", "-j", "2")
	if one.stdout != two.stdout {
		t.Fatalf("-j 2 output differs from -j 1")
	}
	lines := jsonlLines(t, two.stdout)
	if len(lines) != 60 {
		t.Fatalf("%d lines, want 60", len(lines))
	}
	for i, l := range lines {
		if l["id"] != float64(i) || l["seq"] != fmt.Sprint("s", i) {
			t.Fatalf("line %d has id %v: out of order", i, l["id"])
		}
	}
	eight := mustRun(t, bytes.NewReader(in), "clean", "--quiet", "--format", "jsonl", "-j", "8")
	if eight.stdout != one.stdout {
		t.Errorf("-j 8 output differs from -j 1")
	}
}

// cancelReader cancels a context once more than after bytes have been read.
type cancelReader struct {
	r      io.Reader
	n      int
	after  int
	cancel context.CancelFunc
}

func (c *cancelReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	if c.n > c.after {
		c.cancel()
	}
	return n, err
}

func TestCleanInterrupted(t *testing.T) {
	in := manyJSONL(t, 200)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Small reads so that the cancel comes mid-stream.
	stdin := &cancelReader{r: io.LimitReader(bytes.NewReader(in), int64(len(in))), after: len(in) / 3, cancel: cancel}
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"clean", "--format", "jsonl", "-j", "2", "--jsonl-in"}, iotestHalf{stdin}, &stdout, &stderr)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if code := exitCode(err, io.Discard); code == 0 {
		t.Errorf("exit 0 after an interrupt")
	}
	out := stdout.String()
	if out != "" && !strings.HasSuffix(out, "\n") {
		t.Errorf("output ends mid-line")
	}
	lines := jsonlLines(t, out)
	if len(lines) == 0 || len(lines) >= 200 {
		t.Errorf("%d lines, want some but not all", len(lines))
	}
	for i, l := range lines {
		if l["id"] != float64(i) || l["error"] != nil {
			t.Fatalf("line %d = id %v error %v: want the records before the interrupt, in order", i, l["id"], l["error"])
		}
	}
	t.Logf("%d of 200 records written before the interrupt; stderr %q", len(lines), stderr.String())
}

// iotestHalf reads at most 4 KiB at a time.
type iotestHalf struct{ r io.Reader }

func (h iotestHalf) Read(p []byte) (int, error) {
	if len(p) > 4096 {
		p = p[:4096]
	}
	return h.r.Read(p)
}

func TestCleanWETOutputRoundTrip(t *testing.T) {
	article := readFile(t, articlePath)
	path := writeFile(t, "c.warc.gz", gzipEach(t, warcResponse(1, "text/html", article), warcResponse(2, "text/html", article)))
	r := mustRun(t, nil, "clean", "--quiet", "--format", "wet", path)
	rd, err := records.Open(strings.NewReader(r.stdout), "out.wet", records.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	want := mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", path)
	wantLines := jsonlLines(t, want.stdout)
	for i := 0; ; i++ {
		rec, err := rd.Next()
		if err == io.EOF {
			if i != 2 {
				t.Errorf("%d records read back, want 2", i)
			}
			break
		}
		if err != nil || rec.Err != nil {
			t.Fatalf("record %d: %v %v", i, err, rec.Err)
		}
		if rec.Kind != extract.KindText || rec.URL != fmt.Sprintf("https://example.com/%d", i+1) || strings.TrimSuffix(string(rec.Body), "\n") != wantLines[i]["text"] {
			t.Errorf("record %d = %q %q, want the clean text %.100q", i, rec.URL, rec.Body, wantLines[i]["text"])
		}
	}
	// The WET output is itself input for winnow clean.
	wet := writeFile(t, "out.wet", []byte(r.stdout))
	again := mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", wet)
	if got := jsonlLines(t, again.stdout); len(got) != 2 || !strings.Contains(got[0]["text"].(string), articleLine) {
		t.Errorf("cleaning the WET output: %v", got)
	}
}

// buildSharedWET writes a WET file of the text exports of a few wceb1000
// pages (gzip'ed per record, as Common Crawl ships them) and returns its
// path and the exports.
func buildSharedWET(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := filepath.Join(sharedData, "wceb1000", "html")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	var recs [][]byte
	var exports []string
	recs = append(recs, warcRec("warcinfo", "", "<urn:uuid:info>", "application/warc-fields", "software: winnow test\r\n"))
	for _, e := range entries {
		if len(exports) == n {
			break
		}
		raw := readFile(t, filepath.Join(dir, e.Name()))
		doc, err := extract.Extract(t.Context(), raw, extract.Options{Kind: extract.KindHTML})
		if err != nil {
			continue
		}
		text := labels.TextExport(doc)
		exports = append(exports, text)
		recs = append(recs, wetRecord(len(exports), text))
	}
	return writeFile(t, "shared.warc.wet.gz", gzipEach(t, recs...)), exports
}

func TestCleanSharedWET(t *testing.T) {
	path, exports := buildSharedWET(t, 5)
	r := mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", "-j", "2", path)
	lines := jsonlLines(t, r.stdout)
	if len(lines) != len(exports) {
		t.Fatalf("%d lines, want %d", len(lines), len(exports))
	}
	for i, text := range exports {
		// Each record is cleaned as the same text cleaned on its own.
		page := writeFile(t, fmt.Sprintf("page%d.txt", i), []byte(text))
		want := jsonlLines(t, mustRun(t, nil, "clean", "--quiet", "--format", "jsonl", "--input", "text", page).stdout)[0]
		if lines[i]["text"] != want["text"] || lines[i]["kind"] != "text" {
			t.Errorf("record %d: text differs from cleaning the export alone", i)
		}
		if lines[i]["text"] == "" {
			t.Errorf("record %d: empty text", i)
		}
	}
}
