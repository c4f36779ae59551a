package records

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/winnowlabs/winnow/internal/corpustest"
)

// warcRecord returns one WARC/1.0 record with the given type, extra header
// lines and block.
func warcRecord(typ string, headers map[string]string, block string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\n", typ)
	for _, k := range []string{"WARC-Target-URI", "WARC-Record-ID", "WARC-Date", "Content-Type", "WARC-Refers-To"} {
		if v, ok := headers[k]; ok {
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.Bytes()
}

// httpResponse returns a WARC response record of an HTTP response.
func httpResponse(n int, url, status, contentType, body string) []byte {
	block := "HTTP/1.1 " + status + "\r\n"
	if contentType != "" {
		block += "Content-Type: " + contentType + "\r\n"
	}
	block += fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
	return warcRecord("response", map[string]string{
		"WARC-Target-URI": url,
		"WARC-Record-ID":  fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", n),
		"WARC-Date":       "2026-01-02T03:04:05Z",
		"Content-Type":    "application/http; msgtype=response",
	}, block)
}

// conversion returns a WET conversion record.
func conversion(n int, url, text string) []byte {
	return warcRecord("conversion", map[string]string{
		"WARC-Target-URI": url,
		"WARC-Record-ID":  fmt.Sprintf("<urn:uuid:10000000-0000-0000-0000-%012d>", n),
		"WARC-Date":       "2026-01-02T03:04:05Z",
		"Content-Type":    "text/plain",
	}, text)
}

// gzEach gzips each record as its own member, as .warc.gz files are.
func gzEach(t testing.TB, recs ...[]byte) []byte {
	t.Helper()
	var out []byte
	for _, r := range recs {
		out = append(out, corpustest.Gzip(t, r)...)
	}
	return out
}

// zst returns data zstd-compressed.
func zst(t testing.TB, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

// readAll reads every record of data, failing on a fatal error.
func readAll(t testing.TB, data []byte, name string, f Format) []*Record {
	t.Helper()
	recs, err := readAllErr(data, name, f)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return recs
}

// readAllErr reads records until the end or a fatal error.
func readAllErr(data []byte, name string, f Format) ([]*Record, error) {
	r, err := Open(bytes.NewReader(data), name, f)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var recs []*Record
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}
