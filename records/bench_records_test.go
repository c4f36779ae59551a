package records

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkRead measures reading records (no cleaning) from WARC, gzip'ed
// WARC and JSON lines, over a sweep of page sizes.
func BenchmarkRead(b *testing.B) {
	for _, size := range []int{4 << 10, 64 << 10, 512 << 10} {
		page := "<html><body>" + strings.Repeat("<p>Some article text, with punctuation.</p>", size/45) + "</body></html>"
		var warc, jsonl bytes.Buffer
		var recs [][]byte
		for i := range 50 {
			rec := httpResponse(i, fmt.Sprintf("https://e.example/%d", i), "200 OK", "text/html", page)
			recs = append(recs, rec)
			warc.Write(rec)
			line, _ := json.Marshal(map[string]any{"id": i, "html": page})
			jsonl.Write(append(line, '\n'))
		}
		inputs := []struct {
			name string
			data []byte
		}{
			{"warc", warc.Bytes()},
			{"warc.gz", gzEach(b, recs...)},
			{"jsonl", jsonl.Bytes()},
		}
		for _, in := range inputs {
			b.Run(fmt.Sprintf("%s/%dKiB", in.name, size>>10), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(50 * len(page)))
				for b.Loop() {
					r, err := Open(bytes.NewReader(in.data), "", FormatAuto)
					if err != nil {
						b.Fatal(err)
					}
					n := 0
					for {
						rec, err := r.Next()
						if err == io.EOF {
							break
						}
						if err != nil || rec.Err != nil {
							b.Fatal(err, rec.Err)
						}
						n++
					}
					r.Close()
					if n != 50 {
						b.Fatalf("%d records", n)
					}
				}
			})
		}
	}
}
