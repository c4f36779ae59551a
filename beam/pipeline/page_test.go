package pipeline

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/records"
)

// A record survives the trip through a Page, the shape Beam encodes.
func TestPageRoundTrip(t *testing.T) {
	for _, rec := range []*records.Record{
		{Source: "a.jsonl", Index: 3, Format: records.FormatJSONL, URL: "https://a/", ID: "7", Kind: extract.KindHTML,
			Body: []byte("<p>x</p>"), Fields: map[string]json.RawMessage{"id": json.RawMessage(`7`), "tags": json.RawMessage(`["a","b"]`)}},
		{Source: "b.warc.gz", Index: 0, Format: records.FormatWARC, URL: "https://b/", ID: "<urn:uuid:1>", Date: "2026-01-02T03:04:05Z",
			ContentType: "text/html; charset=gbk", Kind: extract.KindHTML, Body: []byte{0xc4, 0xe3}},
		{Source: "c.jsonl", Index: 1, Format: records.FormatJSONL, Err: errors.New("records: bad JSON line")},
	} {
		p, err := pageOf(rec)
		if err != nil {
			t.Fatal(err)
		}
		back, err := p.Record()
		if err != nil {
			t.Fatal(err)
		}
		if (rec.Err == nil) != (back.Err == nil) || (rec.Err != nil && rec.Err.Error() != back.Err.Error()) {
			t.Errorf("%s: error %v, want %v", rec.Label(), back.Err, rec.Err)
		}
		rec.Err, back.Err = nil, nil
		if d := cmp.Diff(rec, back, cmpopts.IgnoreUnexported(records.Record{})); d != "" {
			t.Errorf("%s: round trip (-want +got):\n%s", rec.Label(), d)
		}
	}
}
