package records

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// sampleWARC returns the records of a small crawl: warcinfo, a request, an
// HTML response, an image, a redirect, a GBK page declared only in the HTTP
// header, a chunked response, a resource and a metadata record.
func sampleWARC(t testing.TB) (recs [][]byte, gbk []byte) {
	t.Helper()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("<html><body><p>中文的文章，内容很长。</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"7\r\n<p>Chun\r\n9\r\nked page.\r\n0\r\n\r\n"
	return [][]byte{
		warcRecord("warcinfo", map[string]string{"WARC-Record-ID": "<urn:uuid:info>", "Content-Type": "application/warc-fields"}, "software: test\r\n"),
		warcRecord("request", map[string]string{"WARC-Target-URI": "https://a.example/", "Content-Type": "application/http; msgtype=request"}, "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"),
		httpResponse(1, "https://a.example/", "200 OK", "text/html; charset=utf-8", "<html><p>First page.</p></html>"),
		httpResponse(2, "https://a.example/logo.png", "200 OK", "image/png", "\x89PNG"),
		httpResponse(3, "https://a.example/old", "301 Moved Permanently", "text/html", "<p>moved</p>"),
		httpResponse(4, "https://b.example/zh", "200 OK", "text/html; charset=GBK", string(gbk)),
		warcRecord("response", map[string]string{"WARC-Target-URI": "https://c.example/", "WARC-Record-ID": "<urn:uuid:chunked>", "Content-Type": "application/http; msgtype=response"}, chunked),
		warcRecord("resource", map[string]string{"WARC-Target-URI": "file:///r.html", "WARC-Record-ID": "<urn:uuid:res>", "Content-Type": "text/html"}, "<p>A resource.</p>"),
		warcRecord("metadata", map[string]string{"WARC-Record-ID": "<urn:uuid:meta>", "Content-Type": "application/warc-fields"}, "via: x\r\n"),
	}, gbk
}

func TestWARC(t *testing.T) {
	recs, gbk := sampleWARC(t)
	plain := bytes.Join(recs, nil)
	inputs := []struct {
		name string
		data []byte
	}{
		{"plain", plain},
		{"gzip per record", gzEach(t, recs...)},
		{"gzip whole file", corpustest.Gzip(t, plain)},
		{"zstd", zst(t, plain)},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			got := readAll(t, in.data, "crawl.warc.gz", FormatAuto)
			want := []struct {
				url, id, ct string
				kind        extract.Kind
				body        []byte
			}{
				{"https://a.example/", "<urn:uuid:00000000-0000-0000-0000-000000000001>", "text/html; charset=utf-8", extract.KindHTML, []byte("<html><p>First page.</p></html>")},
				{"https://b.example/zh", "<urn:uuid:00000000-0000-0000-0000-000000000004>", "text/html; charset=GBK", extract.KindHTML, gbk},
				{"https://c.example/", "<urn:uuid:chunked>", "text/html", extract.KindHTML, []byte("<p>Chunked page.")},
				{"file:///r.html", "<urn:uuid:res>", "text/html", extract.KindHTML, []byte("<p>A resource.</p>")},
			}
			if len(got) != len(want) {
				for _, r := range got {
					t.Logf("got %s %s", r.URL, r.Body)
				}
				t.Fatalf("%d records, want %d", len(got), len(want))
			}
			for i, w := range want {
				r := got[i]
				if r.Err != nil {
					t.Errorf("record %d: %v", i, r.Err)
				}
				if r.URL != w.url || r.ID != w.id || r.ContentType != w.ct || r.Kind != w.kind || !bytes.Equal(r.Body, w.body) {
					t.Errorf("record %d = %q %q %q %v %q, want %q %q %q %v %q", i, r.URL, r.ID, r.ContentType, r.Kind, r.Body, w.url, w.id, w.ct, w.kind, w.body)
				}
				if r.Index != i || r.Format != FormatWARC || r.Source != "crawl.warc.gz" {
					t.Errorf("record %d: index %d format %v source %q", i, r.Index, r.Format, r.Source)
				}
			}
			// The GBK page decodes with the charset of the HTTP header.
			doc, err := extract.Extract(t.Context(), got[1].Body, extract.Options{Kind: got[1].Kind, ContentType: got[1].ContentType})
			if err != nil || !strings.HasPrefix(doc.Encoding, "gb") || len(doc.Blocks) == 0 || !strings.Contains(doc.Blocks[0].Text, "中文的文章") {
				t.Errorf("GBK page: err %v, doc %+v", err, doc)
			}
		})
	}
}

func TestWET(t *testing.T) {
	info := warcRecord("warcinfo", map[string]string{"WARC-Record-ID": "<urn:uuid:i>", "Content-Type": "application/warc-fields"}, "software: x\r\n")
	recs := [][]byte{info, conversion(1, "https://a.example/", "Title\nFirst line.\n"), conversion(2, "https://b.example/", "其他。\n")}
	for _, data := range [][]byte{bytes.Join(recs, nil), gzEach(t, recs...)} {
		got := readAll(t, data, "x.warc.wet.gz", FormatAuto)
		if len(got) != 2 {
			t.Fatalf("%d records, want 2", len(got))
		}
		if got[0].Kind != extract.KindText || string(got[0].Body) != "Title\nFirst line.\n" || got[0].URL != "https://a.example/" || got[0].Date != "2026-01-02T03:04:05Z" {
			t.Errorf("record 0 = %+v", got[0])
		}
		if string(got[1].Body) != "其他。\n" || got[1].ID != "<urn:uuid:10000000-0000-0000-0000-000000000002>" {
			t.Errorf("record 1 = %+v", got[1])
		}
	}
}

func TestWARCLimit(t *testing.T) {
	big := httpResponse(1, "https://big.example/", "200 OK", "text/html", strings.Repeat("<p>big</p>", 100))
	small := httpResponse(2, "https://small.example/", "200 OK", "text/html", "<p>small</p>")
	r, err := NewReader(bytes.NewReader(append(big, small...)), "", Options{MaxBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rec, err := r.Next()
	if err != nil || !errors.Is(rec.Err, extract.ErrTooLarge) || rec.URL != "https://big.example/" {
		t.Fatalf("big record: %+v, %v; want ErrTooLarge with its URL", rec, err)
	}
	rec, err = r.Next()
	if err != nil || rec.Err != nil || string(rec.Body) != "<p>small</p>" {
		t.Fatalf("record after the big one: %+v, %v", rec, err)
	}
}

func TestWARCBroken(t *testing.T) {
	good := httpResponse(1, "https://a.example/", "200 OK", "text/html", "<p>one</p>")
	second := httpResponse(2, "https://b.example/", "200 OK", "text/html", "<p>two</p>")
	t.Run("truncated", func(t *testing.T) {
		data := append(append([]byte{}, good...), second[:len(second)-20]...)
		recs, err := readAllErr(data, "t.warc", FormatAuto)
		if err != nil || len(recs) != 2 || recs[0].Err != nil || recs[1].Err == nil || recs[1].URL != "https://b.example/" {
			t.Errorf("records %+v, err %v; want the first record, then the second with an error", recs, err)
		}
	})
	t.Run("truncated gzip", func(t *testing.T) {
		data := gzEach(t, good, second)
		recs, err := readAllErr(data[:len(data)-10], "t.warc.gz", FormatAuto)
		if err == nil || !strings.Contains(err.Error(), "gzip") {
			t.Errorf("records %d, err %v; want a gzip error", len(recs), err)
		}
	})
	t.Run("garbage", func(t *testing.T) {
		_, err := readAllErr([]byte("this is not a warc file at all, but it is named like one"), "x.warc", FormatAuto)
		if err == nil {
			t.Error("no error for a .warc file without records")
		}
	})
	t.Run("bad header then good record", func(t *testing.T) {
		bad := []byte("WARC/1.0\r\nWARC-Type response\r\nContent-Length: x\r\n\r\n\r\n\r\n")
		recs, err := readAllErr(append(bad, good...), "b.warc", FormatAuto)
		if err != nil {
			t.Fatalf("err %v", err)
		}
		last := recs[len(recs)-1]
		if last.URL != "https://a.example/" || last.Err != nil {
			t.Errorf("records %+v, want the good record last", recs)
		}
	})
}
