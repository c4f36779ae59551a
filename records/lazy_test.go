package records

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// readAllOpts reads every record of data with opts.
func readAllOpts(t *testing.T, data []byte, name string, opts Options) []*Record {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var recs []*Record
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		recs = append(recs, rec)
	}
}

// sameRecord fails unless got and want have the same exported fields, Err
// compared by message and by extract.ErrTooLarge.
func sameRecord(t *testing.T, i int, got, want *Record) {
	t.Helper()
	if (got.Err == nil) != (want.Err == nil) || got.Err != nil && (got.Err.Error() != want.Err.Error() || errors.Is(got.Err, extract.ErrTooLarge) != errors.Is(want.Err, extract.ErrTooLarge)) {
		t.Errorf("record %d: err %v, want %v", i, got.Err, want.Err)
	}
	g, w := *got, *want
	g.Err, w.Err = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Errorf("record %d = %+v\nwant %+v", i, g, w)
	}
}

// lazyInputs are JSON-lines streams with good, bad, blank and too long lines.
func lazyInputs(t *testing.T) map[string][]byte {
	base := strings.Join([]string{
		`{"url": "https://a.example/", "id": "a1", "html": "<p>Hello.</p>", "lang": "en", "meta": {"depth": 2, "tags": ["x", "y"]}}`,
		``,
		`   `,
		`{"id": 42, "text": "Line one.\nLine two.", "content_type": "text/plain; charset=utf-8"}`,
		`not json`,
		`{"url": "https://c.example/"}`,
		`{"html": 5, "id": "n"}`,
		`[1, 2]`,
		`null`,
		`{"html": null, "text": "\u00e9t\u00e9 \"quoted\""}`,
		`{"html": "<p>` + strings.Repeat("y", 1500) + `</p>", "url": "https://big.example/"}`,
		`{"text": "` + strings.Repeat("z", int(maxLine(1000))+10) + `"}`,
		`{"text": "last line without newline", "id": 1.5e3}`,
	}, "\n")
	return map[string][]byte{
		"in.jsonl":     []byte(base),
		"in.jsonl.gz":  corpustest.Gzip(t, []byte(base)),
		"in.jsonl.zst": zst(t, []byte(base)),
		"crlf.jsonl":   []byte(strings.ReplaceAll(base, "\n", "\r\n") + "\n"),
	}
}

func TestLazyJSONLSameAsEager(t *testing.T) {
	for name, data := range lazyInputs(t) {
		for _, max := range []int64{0, 1000} {
			t.Run(fmt.Sprintf("%s/max=%d", name, max), func(t *testing.T) {
				eager := readAllOpts(t, data, name, Options{MaxBytes: max})
				lazy := readAllOpts(t, data, name, Options{MaxBytes: max, Lazy: true})
				if len(lazy) != len(eager) {
					t.Fatalf("%d lazy records, %d eager", len(lazy), len(eager))
				}
				for i, rec := range lazy {
					// Before Decode: numbered, nothing parsed.
					if rec.Source != name || rec.Index != i || rec.Format != FormatJSONL || rec.Body != nil || rec.Fields != nil || rec.URL != "" || rec.ID != "" {
						t.Errorf("record %d before Decode = %+v", i, rec)
					}
					if rec.Err != nil && !errors.Is(rec.Err, extract.ErrTooLarge) {
						t.Errorf("record %d before Decode: err %v", i, rec.Err)
					}
				}
				// Decode after the reader has moved on (its line buffer reused).
				for i, rec := range lazy {
					if err := rec.Decode(); err != rec.Err {
						t.Errorf("record %d: Decode returned %v, Err is %v", i, err, rec.Err)
					}
					if rec.lazy != nil {
						t.Errorf("record %d: line kept after Decode", i)
					}
					sameRecord(t, i, rec, eager[i])
					// Idempotent.
					before := *rec
					if err := rec.Decode(); err != before.Err {
						t.Errorf("record %d: second Decode returned %v", i, err)
					}
					sameRecord(t, i, rec, &before)
				}
				// Decode on an eager record does nothing.
				for i, rec := range eager {
					before := *rec
					if err := rec.Decode(); err != before.Err {
						t.Errorf("eager record %d: Decode returned %v", i, err)
					}
					sameRecord(t, i, rec, &before)
				}
			})
		}
	}
}

func TestLazyFixtureDetails(t *testing.T) {
	data := lazyInputs(t)["in.jsonl"]
	recs := readAllOpts(t, data, "in.jsonl", Options{Lazy: true, MaxBytes: 1000})
	for _, r := range recs {
		r.Decode()
	}
	if r := recs[0]; r.Err != nil || string(r.Body) != "<p>Hello.</p>" || string(r.Fields["meta"]) != `{"depth": 2, "tags": ["x", "y"]}` || r.Fields["html"] != nil {
		t.Errorf("record 0 = %+v", r)
	}
	if r := recs[4]; r.ID != "n" || r.Err == nil || !strings.Contains(r.Err.Error(), "line 7: the page is not a JSON string") {
		t.Errorf("record 4 = %+v", r)
	}
	if r := recs[7]; r.Err != nil || r.Kind != extract.KindText || string(r.Body) != `été "quoted"` {
		t.Errorf("record 7 = %+v", r)
	}
	for _, i := range []int{8, 9} {
		if r := recs[i]; !errors.Is(r.Err, extract.ErrTooLarge) || r.Body != nil {
			t.Errorf("record %d: %+v, want ErrTooLarge", i, r)
		}
	}
	if r := recs[8]; r.URL != "https://big.example/" {
		t.Errorf("record 8: url %q", r.URL)
	}
	if r := recs[10]; r.Err != nil || r.ID != "1.5e3" || r.Index != 10 {
		t.Errorf("last record = %+v", r)
	}
}

// Decoding on other goroutines, as a pipeline's workers do, gives the eager records.
func TestLazyDecodeConcurrent(t *testing.T) {
	var lines []string
	for i := range 200 {
		b, _ := json.Marshal(map[string]any{"id": i, "html": strings.Repeat(fmt.Sprintf("<p>page %d</p>", i), i%50+1)})
		lines = append(lines, string(b))
	}
	data := []byte(strings.Join(lines, "\n"))
	eager := readAllOpts(t, data, "c.jsonl", Options{})
	r, err := NewReader(bytes.NewReader(data), "c.jsonl", Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ch := make(chan *Record, 4)
	got := make([]*Record, len(eager))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rec := range ch {
				rec.Decode()
				got[rec.Index] = rec
			}
		}()
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ch <- rec
	}
	close(ch)
	wg.Wait()
	for i := range eager {
		sameRecord(t, i, got[i], eager[i])
	}
}

// Formats other than JSON lines ignore Lazy.
func TestLazyOtherFormats(t *testing.T) {
	warc := gzEach(t,
		httpResponse(1, "https://a.example/", "200 OK", "text/html; charset=utf-8", "<p>One.</p>"),
		httpResponse(2, "https://b.example/", "200 OK", "text/html", "<p>Two.</p>"),
	)
	for _, in := range []struct {
		name string
		data []byte
	}{{"a.warc.gz", warc}, {"p.html", []byte("<p>A page.</p>")}} {
		eager := readAllOpts(t, in.data, in.name, Options{})
		lazy := readAllOpts(t, in.data, in.name, Options{Lazy: true})
		if len(lazy) != len(eager) || len(eager) == 0 {
			t.Fatalf("%s: %d lazy records, %d eager", in.name, len(lazy), len(eager))
		}
		for i := range lazy {
			sameRecord(t, i, lazy[i], eager[i])
			if err := lazy[i].Decode(); err != eager[i].Err {
				t.Errorf("%s record %d: Decode returned %v", in.name, i, err)
			}
			sameRecord(t, i, lazy[i], eager[i])
		}
	}
}
