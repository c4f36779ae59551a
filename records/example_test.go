package records_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/records"
)

// Example reads JSON lines, cleans each record and writes it back as a JSON
// line with the input's other fields kept.
func Example() {
	in := `{"id": 1, "lang": "en", "text": "Menu\nOtters hold hands while they sleep, so that they do not drift apart.\nCopyright"}
{"id": 2, "html": 5}
`
	r, err := records.Open(strings.NewReader(in), "pages.jsonl", records.FormatAuto)
	if err != nil {
		panic(err)
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		var res *winnow.Result
		cleanErr := rec.Err
		if cleanErr == nil {
			res, cleanErr = winnow.CleanBytes(context.Background(), rec.Body, &winnow.Options{Kind: rec.Kind, ContentType: rec.ContentType, URL: rec.URL, Fast: true})
		}
		line, err := records.AppendJSON(nil, rec, res, cleanErr, records.JSONOptions{})
		if err != nil {
			panic(err)
		}
		os.Stdout.Write(line)
	}
	fmt.Println("done")
	// Output:
	// {"id":1,"lang":"en","title":"","text":"Otters hold hands while they sleep, so that they do not drift apart."}
	// {"id":2,"error":"records: line 2: the page is not a JSON string: json: cannot unmarshal number into Go value of type string"}
	// done
}
