package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/beam/pipeline"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/records"
)

var (
	nPages = flag.Int("pages", 200, "wceb1000 pages in TestPrismJSONL")
	noCLI  = flag.Bool("no-cli", false, "do not build and run `winnow clean` to compare with")
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// shared returns ../shared/data, or skips the test.
func shared(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "wceb1000", "html")); err != nil {
		t.Skipf("the shared corpora are not beside the repository (%s: %v); this test needs ../shared/data/wceb1000", dir, err)
	}
	return dir
}

// gunzip returns the decompressed content of a .gz file.
func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// run runs the pipeline on Prism and returns its counters and the lines of
// every output shard, checking the shard files.
func run(t *testing.T, cfg pipeline.Config) (map[string]int64, []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	counters, err := pipeline.Run(ctx, "prism", cfg)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	t.Logf("Prism run: %v, counters %v", time.Since(start).Round(time.Millisecond), counters)
	names, err := filepath.Glob(cfg.Output + "*")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range cfg.Shards {
		want = append(want, pipeline.ShardName(cfg.Output, ".jsonl", i, cfg.Shards))
	}
	if !slices.Equal(names, want) {
		t.Fatalf("output files %q, want %q", names, want)
	}
	var lines []string
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 0 && b[len(b)-1] != '\n' {
			t.Errorf("%s does not end in a newline", name)
		}
		for l := range strings.SplitSeq(strings.TrimSuffix(string(b), "\n"), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	return counters, lines
}

// expected cleans the records of files with the library as `winnow clean
// --format jsonl` does, and returns the lines (without newline) and the
// counters the pipeline should report.
func expected(t *testing.T, files []string, f records.Format) ([]string, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	m, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	c := map[string]int64{"files": int64(len(files))}
	emit := func(rec *records.Record, res *winnow.Result, err error) {
		b, jerr := records.AppendJSON(nil, rec, res, err, records.JSONOptions{})
		if jerr != nil {
			t.Fatal(jerr)
		}
		lines = append(lines, strings.TrimSuffix(string(b), "\n"))
		c["pages"]++
		if err != nil {
			c["errors"]++
			return
		}
		for _, b := range res.Blocks {
			if b.InText() {
				c["kept_blocks"]++
			} else {
				c["dropped_blocks"]++
			}
		}
	}
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		rd, err := records.Open(fh, name, f)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				c["file_errors"]++
				emit(&records.Record{Source: name, Format: records.FormatPage}, nil, err)
				break
			}
			if rec.Err != nil {
				emit(rec, nil, rec.Err)
				continue
			}
			c["bytes"] += int64(len(rec.Body)) // pages cleaned, successfully or not
			res, err := winnow.CleanBytes(ctx, rec.Body, &winnow.Options{Kind: rec.Kind, ContentType: rec.ContentType, URL: rec.URL, Model: m})
			emit(rec, res, err)
		}
		rd.Close()
		fh.Close()
	}
	return lines, c
}

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

// cleanCLI returns the output lines of `winnow clean --format jsonl` on
// files, building the command from the main module once. It skips when
// -no-cli is set.
func cleanCLI(t *testing.T, args ...string) []string {
	t.Helper()
	if *noCLI {
		t.Log("-no-cli: not comparing with the winnow command")
		return nil
	}
	cliOnce.Do(func() {
		dir, err := os.MkdirTemp("", "winnow-beam-cli")
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "winnow")
		cmd := exec.Command("go", "build", "-o", cliPath, "./cmd/winnow")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			cliErr = fmt.Errorf("go build ./cmd/winnow: %v\n%s", err, out)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(cliPath, append([]string{"clean", "--format", "jsonl", "--quiet"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 { // 1: some record failed
			t.Fatalf("winnow clean: %v\n%s", err, stderr.String())
		}
	}
	return strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
}

// sameLines fails unless got and want hold the same lines, in any order.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("first difference, line %d of the sorted lines:\n got %.400s\nwant %.400s", i, g, w)
		}
	}
}

// checkCounters compares the pipeline's counters with the expected ones.
func checkCounters(t *testing.T, got, want map[string]int64) {
	t.Helper()
	for _, k := range []string{"files", "file_errors", "pages", "errors", "kept_blocks", "dropped_blocks", "bytes"} {
		if got[k] != want[k] {
			t.Errorf("counter %s = %d, want %d", k, got[k], want[k])
		}
	}
}

// TestPrismJSONL cleans JSON lines of wceb1000 pages on Prism and checks
// every output line against the library and `winnow clean`.
func TestPrismJSONL(t *testing.T) {
	data := shared(t)
	pagesGz, err := filepath.Glob(filepath.Join(data, "wceb1000", "html", "*.html.gz"))
	if err != nil || len(pagesGz) == 0 {
		t.Fatalf("no wceb1000 pages: %v", err)
	}
	pagesGz = pagesGz[:min(*nPages, len(pagesGz))]
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	var files []string
	// Two files, so that both are read; one gzip'ed (detected from the bytes).
	var bufs [2]bytes.Buffer
	html := map[string][]byte{}
	for i, p := range pagesGz {
		id := strings.TrimSuffix(filepath.Base(p), ".html.gz")
		body := gunzip(t, p)
		line, err := json.Marshal(map[string]any{"id": id, "html": string(body), "url": "https://wceb1000.example/" + id, "corpus": "wceb1000", "n": i})
		if err != nil {
			t.Fatal(err)
		}
		// What the reader will see: the JSON string of the body.
		var back struct{ HTML string }
		json.Unmarshal(line, &back)
		html[id] = []byte(back.HTML)
		bufs[i%2].Write(line)
		bufs[i%2].WriteByte('\n')
	}
	// Records that fail: a broken line, a page with no text; and a text record.
	bufs[0].WriteString(`{"id": "broken", "html": ` + "\n")
	bufs[0].WriteString(`{"id": "empty", "html": "<html><body></body></html>"}` + "\n")
	bufs[1].WriteString(`{"id": "text-1", "text": "Menu\nSea otters hold hands while they sleep so that they do not drift apart, a habit that keeps a raft of otters together in the current.\nShare this"}` + "\n")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range bufs {
		name := filepath.Join(in, fmt.Sprintf("part-%d.jsonl", i))
		b := bufs[i].Bytes()
		if i == 1 {
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(b)
			zw.Close()
			b = z.Bytes()
			name += ".gz"
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	nRecords := len(pagesGz) + 3

	cfg := pipeline.Config{Input: filepath.Join(in, "part-*"), Format: records.FormatJSONL, Output: filepath.Join(dir, "out", "clean"), Shards: 4}
	counters, lines := run(t, cfg)

	want, wantCounters := expected(t, files, records.FormatJSONL)
	if len(want) != nRecords {
		t.Fatalf("the library gives %d lines, want %d", len(want), nRecords)
	}
	if counters["pages"] != int64(nRecords) || len(lines) != nRecords {
		t.Errorf("pages counter %d, %d lines, want %d", counters["pages"], len(lines), nRecords)
	}
	checkCounters(t, counters, wantCounters)
	if counters["errors"] < 2 {
		t.Errorf("errors counter %d, want at least 2 (the broken line and the empty page)", counters["errors"])
	}
	sameLines(t, "pipeline vs library", lines, want)

	// Each page's text is winnow.CleanBytes on the same bytes.
	ctx := context.Background()
	seen := 0
	for _, l := range lines {
		var o struct {
			ID, URL, Text, Corpus string
			Error                 *string
		}
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("bad output line %.200s: %v", l, err)
		}
		body, ok := html[o.ID]
		if !ok {
			continue
		}
		seen++
		if o.Corpus != "wceb1000" {
			t.Errorf("%s: input field corpus not passed through: %.200s", o.ID, l)
		}
		res, err := winnow.CleanBytes(ctx, body, &winnow.Options{Kind: extract.KindHTML, URL: o.URL})
		if err != nil {
			if o.Error == nil || *o.Error != err.Error() {
				t.Errorf("%s: library error %v, pipeline line %.200s", o.ID, err, l)
			}
			continue
		}
		if o.Text != res.Text {
			t.Errorf("%s: text differs from winnow.CleanBytes:\n got %.300q\nwant %.300q", o.ID, o.Text, res.Text)
		}
	}
	if seen != len(pagesGz) {
		t.Errorf("%d of %d wceb1000 pages in the output", seen, len(pagesGz))
	}

	if cli := cleanCLI(t, append([]string{"--jsonl-in"}, files...)...); cli != nil {
		t.Logf("winnow clean: %d lines", len(cli))
		sameLines(t, "pipeline vs winnow clean", lines, cli)
	}
}

// warcRecord returns one WARC/1.0 record.
func warcRecord(typ, url, id, contentType, block string) []byte {
	return fmt.Appendf(nil, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, url, id, contentType, len(block), block)
}

// gzEach gzips each record as its own member, as .warc.gz and .wet.gz are.
func gzEach(recs ...[]byte) []byte {
	var out bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		zw.Close()
	}
	return out.Bytes()
}

// TestPrismWET cleans a WET file made from the seed page and wceb1000 text,
// a WARC file of HTML responses, and a truncated WET file, on Prism.
func TestPrismWET(t *testing.T) {
	data := shared(t)
	seeds, _ := filepath.Glob(filepath.Join(data, "seed", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("no seed page in ../shared/data/seed")
	}
	seed, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	truth := map[string]struct{ ArticleBody string }{}
	b, err := os.ReadFile(filepath.Join(data, "wceb1000", "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	info := warcRecord("warcinfo", "", "00000000-0000-0000-0000-000000000000", "application/warc-fields", "software: winnow test\r\n")
	wet := [][]byte{info, warcRecord("conversion", "https://seed.example/", "10000000-0000-0000-0000-000000000001", "text/plain", string(seed))}
	for i, id := range []string{"0001", "0002", "0003", "0004", "0005"} {
		text := "Home | News | Sign in\n" + truth[id].ArticleBody + "\nShare on Facebook\nSubscribe to our newsletter\n"
		wet = append(wet, warcRecord("conversion", "https://wceb1000.example/"+id, fmt.Sprintf("10000000-0000-0000-0000-%012d", i+2), "text/plain", text))
	}
	var warc [][]byte
	for i, id := range []string{"0006", "0007", "0008"} {
		body := gunzip(t, filepath.Join(data, "wceb1000", "html", id+".html.gz"))
		block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		warc = append(warc, warcRecord("response", "https://wceb1000.example/"+id, fmt.Sprintf("20000000-0000-0000-0000-%012d", i), "application/http; msgtype=response", block))
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	os.MkdirAll(in, 0o755)
	full := gzEach(wet...)
	cut := gzEach(wet[:3]...)
	cut = cut[:len(cut)-40] // the third member broken off
	files := []string{filepath.Join(in, "a.wet.gz"), filepath.Join(in, "b.warc"), filepath.Join(in, "c.wet.gz")}
	for i, content := range [][]byte{full, bytes.Join(warc, nil), cut} {
		if err := os.WriteFile(files[i], content, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cfg := pipeline.Config{Input: filepath.Join(in, "*"), Output: filepath.Join(dir, "out", "wet"), Shards: 3, Reshuffle: true}
	counters, lines := run(t, cfg)
	want, wantCounters := expected(t, files, records.FormatAuto)
	checkCounters(t, counters, wantCounters)
	// 6 WET records, 3 WARC responses, and from the truncated file the seed
	// page (the record after it is broken off) and one error line for it.
	if counters["pages"] != 11 || counters["file_errors"] != 1 || counters["errors"] != 1 {
		t.Errorf("counters %v: want 11 pages, 1 file error, 1 error", counters)
	}
	sameLines(t, "pipeline vs library", lines, want)
	for _, l := range lines {
		var o struct{ URL, RecordID, Text, Kind string }
		json.Unmarshal([]byte(l), &o)
		if strings.Contains(o.URL, "wceb1000") && o.Kind == "text" && strings.Contains(o.Text, "Subscribe to our newsletter") {
			t.Errorf("%s: the junk line was kept: %.300q", o.URL, o.Text)
		}
	}
	if cli := cleanCLI(t, files...); cli != nil {
		sameLines(t, "pipeline vs winnow clean", lines, cli)
	}
}

// TestPrismSmall needs no shared corpora: made-up pages in every input
// format, one shard more than there are lines (an empty shard is written).
func TestPrismSmall(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	article := "<html><head><title>Otters</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>" +
		"<article><h1>Sea otters</h1><p>Sea otters hold hands while they sleep so that they do not drift apart in the current.</p>" +
		"<p>A group of resting otters is called a raft, and a raft can hold more than a hundred animals.</p></article>" +
		"<footer>Copyright 2026. All rights reserved.</footer></body></html>"
	quoted, _ := json.Marshal(article)
	jsonl := `{"id": 1, "html": ` + string(quoted) + `, "url": "https://a.example/1", "lang": "en"}` + "\n" +
		`{"id": 2, "text": "Sea otters use rocks as tools to open shells.\nThey keep a favourite rock in a pouch of skin."}` + "\n"
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: %d\r\n\r\n%s", len(article), article)
	files := []string{filepath.Join(in, "a.jsonl"), filepath.Join(in, "b.warc.gz"), filepath.Join(in, "c.wet")}
	contents := [][]byte{
		[]byte(jsonl),
		gzEach(warcRecord("response", "https://b.example/", "20000000-0000-0000-0000-000000000001", "application/http; msgtype=response", block)),
		warcRecord("conversion", "https://c.example/", "10000000-0000-0000-0000-000000000001", "text/plain", "Menu\nOtters groom their fur for hours to keep warm in cold water.\n"),
	}
	for i := range files {
		if err := os.WriteFile(files[i], contents[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := pipeline.Config{Input: filepath.Join(in, "*"), Output: filepath.Join(dir, "out", "small"), Shards: 5}
	counters, lines := run(t, cfg)
	want, wantCounters := expected(t, files, records.FormatAuto)
	checkCounters(t, counters, wantCounters)
	if len(lines) != 4 || counters["pages"] != 4 || counters["shards"] != 5 {
		t.Errorf("%d lines, counters %v: want 4 lines, 4 pages, 5 shards", len(lines), counters)
	}
	sameLines(t, "pipeline vs library", lines, want)
	for _, l := range lines {
		if !strings.Contains(l, "otters") && !strings.Contains(l, "Otters") {
			t.Errorf("no article text in %s", l)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []pipeline.Config{
		{Output: "out"},
		{Input: "in/*"},
		{Input: "in/*", Output: "out", Shards: -1},
		{Input: "in/*", Output: "out", Threshold: 2},
	} {
		if _, err := pipeline.New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
}

func TestShardName(t *testing.T) {
	if got := pipeline.ShardName("gs://b/clean/part", ".jsonl", 3, 16); got != "gs://b/clean/part-00003-of-00016.jsonl" {
		t.Errorf("ShardName = %q", got)
	}
}
