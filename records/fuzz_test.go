package records

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/winnowlabs/winnow/internal/corpustest"
)

// fuzzRead reads every record of data in format f and checks the reader's
// contract: no panic, bodies within the limit, an end in bounded steps.
func fuzzRead(t *testing.T, data []byte, f Format) {
	const max = 1 << 16
	r, err := NewReader(bytes.NewReader(data), "fuzz", Options{Format: f, MaxBytes: max})
	if err != nil {
		return
	}
	defer r.Close()
	for i := 0; ; i++ {
		if i > len(data)+2 {
			t.Fatalf("more records (%d) than input bytes (%d)", i, len(data))
		}
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if _, err := r.Next(); err == nil {
				t.Fatal("Next after a fatal error returned a record")
			}
			return
		}
		if rec == nil || int64(len(rec.Body)) > max || (rec.Err != nil && len(rec.Body) > 0) {
			t.Fatalf("bad record %+v", rec)
		}
	}
}

func FuzzWARC(f *testing.F) {
	recs, _ := sampleWARC(f)
	f.Add(bytes.Join(recs, nil))
	f.Add(gzEach(f, recs...))
	f.Add(conversion(1, "https://a/", "text\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatWARC) })
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"html": "<p>x</p>", "url": "u", "id": 1}` + "\n" + `{"text": "y"}`))
	f.Add([]byte("{\n}\n[]\nnull\n{\"text\": null}"))
	f.Add(corpustest.Gzip(f, []byte(`{"text": "z"}`)))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatJSONL) })
}

func FuzzAuto(f *testing.F) {
	f.Add([]byte("<html><p>x</p></html>"))
	f.Add(zst(f, []byte(`{"text": "z"}`)))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatAuto) })
}
