package records

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

var testResult = &winnow.Result{Title: "T", Text: "one\ntwo", Kind: "html", Encoding: "utf-8",
	Blocks: []winnow.Block{{Text: "one", Tag: "p", Region: "inside", Label: classifier.Content, PJunk: 0.1}}}

func TestAppendJSON(t *testing.T) {
	jsonl := &Record{Format: FormatJSONL, Fields: map[string]json.RawMessage{
		"url": json.RawMessage(`"https://a.example/"`), "id": json.RawMessage(`7`),
		"meta": json.RawMessage(`{"a": [1, 2]}`), "title": json.RawMessage(`"old"`),
	}}
	warc := &Record{Format: FormatWARC, Source: "c.warc.gz", URL: "https://b.example/", ID: "<urn:uuid:x>"}
	page := &Record{Format: FormatPage, Source: "p.html"}
	tests := []struct {
		name   string
		rec    *Record
		err    error
		blocks bool
		want   string
	}{
		{"jsonl", jsonl, nil, false, `{"id":7,"meta":{"a":[1,2]},"url":"https://a.example/","title":"T","text":"one\ntwo"}`},
		{"jsonl blocks", jsonl, nil, true, `{"id":7,"meta":{"a":[1,2]},"url":"https://a.example/","title":"T","text":"one\ntwo","blocks":[{"text":"one","tag":"p","region":"inside","label":"content","p_junk":0.1}]}`},
		{"jsonl error", jsonl, errors.New("boom"), false, `{"id":7,"meta":{"a":[1,2]},"url":"https://a.example/","error":"boom"}`},
		{"warc", warc, nil, false, `{"source":"c.warc.gz","url":"https://b.example/","record_id":"\u003curn:uuid:x\u003e","title":"T","text":"one\ntwo","kind":"html","encoding":"utf-8"}`},
		{"warc error", warc, errors.New("boom"), false, `{"source":"c.warc.gz","url":"https://b.example/","record_id":"\u003curn:uuid:x\u003e","error":"boom"}`},
		{"page", page, nil, true, `{"source":"p.html","title":"T","text":"one\ntwo","kind":"html","encoding":"utf-8","blocks":[{"text":"one","tag":"p","region":"inside","label":"content","p_junk":0.1}]}`},
		{"page error", page, errors.New("boom"), false, `{"source":"p.html","error":"boom"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AppendJSON(nil, tt.rec, testResultOrNil(tt.err), tt.err, JSONOptions{Blocks: tt.blocks})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want+"\n" {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("not valid JSON")
			}
		})
	}
}

func testResultOrNil(err error) *winnow.Result {
	if err != nil {
		return nil
	}
	return testResult
}

func TestWETRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWETWriter(&buf)
	w.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	in := []*Record{
		{Format: FormatWARC, Source: "c.warc", Index: 0, URL: "https://a.example/", ID: "<urn:uuid:a>", Date: "2025-05-05T00:00:00Z"},
		{Format: FormatJSONL, Source: "p.jsonl", Index: 1, URL: "https://b.example/\r\nX-Evil: 1"},
		{Format: FormatPage, Source: "p.txt"},
	}
	texts := []string{"First article.\n第二行。", "Second.", ""}
	for i, rec := range in {
		if err := w.Write(rec, &winnow.Result{Text: texts[i]}); err != nil {
			t.Fatal(err)
		}
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("WARC/1.0\r\nWARC-Type: warcinfo\r\n")) {
		t.Errorf("output does not start with a warcinfo record:\n%.200s", out)
	}
	if bytes.Contains(out, []byte("\r\nX-Evil")) {
		t.Errorf("a header value broke its line")
	}
	got := readAll(t, out, "", FormatAuto)
	if len(got) != 3 {
		t.Fatalf("read back %d records, want 3", len(got))
	}
	for i, r := range got {
		want := texts[i]
		if want != "" {
			want += "\n"
		}
		if r.Err != nil || string(r.Body) != want || r.Kind != extract.KindText {
			t.Errorf("record %d = %+v, want text %q", i, r, want)
		}
		if !strings.HasPrefix(r.ID, "<urn:uuid:") {
			t.Errorf("record %d id %q", i, r.ID)
		}
	}
	if got[0].URL != "https://a.example/" || got[0].Date != "2025-05-05T00:00:00Z" || got[2].Date != "2026-01-02T03:04:05Z" {
		t.Errorf("url/date not kept: %+v / %+v", got[0], got[2])
	}
	if !bytes.Contains(out, []byte("WARC-Refers-To: <urn:uuid:a>\r\n")) {
		t.Errorf("no WARC-Refers-To for the WARC record")
	}
	// Same input, same ids.
	var again bytes.Buffer
	w2 := NewWETWriter(&again)
	w2.Now = w.Now
	for i, rec := range in {
		w2.Write(rec, &winnow.Result{Text: texts[i]})
	}
	if !bytes.Equal(out, again.Bytes()) {
		t.Errorf("WET output is not deterministic")
	}
}
