package records

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"url": "https://a.example/", "id": "a1", "html": "<p>Hello.</p>", "lang": "en", "meta": {"depth": 2, "tags": ["x", "y"]}}`,
		``,
		`   `,
		`{"id": 42, "text": "Line one.\nLine two.", "content_type": "text/plain; charset=utf-8"}`,
		`not json`,
		`{"url": "https://c.example/"}`,
		`{"html": 5}`,
		`[1, 2]`,
		`{"text": "last line without newline"}`,
	}, "\n")
	for _, data := range [][]byte{[]byte(in), corpustest.Gzip(t, []byte(in)), zst(t, []byte(in))} {
		recs := readAll(t, data, "in.jsonl", FormatAuto)
		if len(recs) != 7 {
			t.Fatalf("%d records, want 7", len(recs))
		}
		r := recs[0]
		if r.Err != nil || r.Kind != extract.KindHTML || string(r.Body) != "<p>Hello.</p>" || r.URL != "https://a.example/" || r.ID != "a1" {
			t.Errorf("record 0 = %+v", r)
		}
		if _, ok := r.Fields["html"]; ok {
			t.Errorf("record 0: html kept in Fields")
		}
		if string(r.Fields["lang"]) != `"en"` || string(r.Fields["meta"]) != `{"depth": 2, "tags": ["x", "y"]}` {
			t.Errorf("record 0 fields = %q, want lang and meta untouched", r.Fields)
		}
		r = recs[1]
		if r.Err != nil || r.Kind != extract.KindText || string(r.Body) != "Line one.\nLine two." || r.ID != "42" || r.ContentType != "text/plain; charset=utf-8" || r.Index != 1 {
			t.Errorf("record 1 = %+v", r)
		}
		for i, want := range []string{"line 5: bad JSON", "line 6: no \"html\" or \"text\"", "line 7: the page is not a JSON string", "line 8: bad JSON"} {
			r := recs[2+i]
			if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
				t.Errorf("record %d: err %v, want %q", 2+i, r.Err, want)
			}
		}
		if r := recs[3]; r.URL != "https://c.example/" {
			t.Errorf("a failed line keeps its url: got %q", r.URL)
		}
		if r := recs[6]; r.Err != nil || string(r.Body) != "last line without newline" {
			t.Errorf("last record = %+v", r)
		}
	}
}

func TestJSONLTooLong(t *testing.T) {
	long, _ := json.Marshal(map[string]string{"html": strings.Repeat("x", 3000)})
	data := string(long) + "\n" + `{"text": "after"}` + "\n"
	r, err := NewReader(strings.NewReader(data), "x.jsonl", Options{MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil || !errors.Is(rec.Err, extract.ErrTooLarge) {
		t.Fatalf("long line: %+v, %v; want ErrTooLarge", rec, err)
	}
	rec, err = r.Next()
	if err != nil || rec.Err != nil || string(rec.Body) != "after" {
		t.Fatalf("line after the long one: %+v, %v", rec, err)
	}
	// A line longer than the line limit is skipped to its end.
	huge := `{"html": "` + strings.Repeat("y", int(maxLine(1000))+10) + `"}` + "\n" + `{"text": "next"}`
	r, _ = NewReader(strings.NewReader(huge), "y.jsonl", Options{MaxBytes: 1000})
	rec, err = r.Next()
	if err != nil || !errors.Is(rec.Err, extract.ErrTooLarge) {
		t.Fatalf("huge line: %+v, %v; want ErrTooLarge", rec, err)
	}
	rec, err = r.Next()
	if err != nil || string(rec.Body) != "next" {
		t.Fatalf("line after the huge one: %+v, %v", rec, err)
	}
}
