// Command rdbset writes the test pages that readeck's go-readability shares
// with Mozilla's Readability as a corpus that winnow eval reads
// (DIR/html/<id>.html.gz and DIR/ground-truth.json), from the module cache
// at the go-readability version this module pins:
//
//	go run ./cmd/rdbset --out /tmp/readability-set
//	(cd .. && go run ./cmd/winnow eval --split all /tmp/readability-set)
//
// Each page's truth is the text of the article Readability extracts from it
// (its test expectation), not a human labelling: the set probes how winnow
// generalises to real article pages (mostly English news, a few Chinese,
// Japanese and others). Never use it to compare readeck's go-readability
// with other extractors, since there its score would be its own test
// expectation. Pages under a size rule are left out: Readability's
// synthetic unit-test pages, and three small real ones (see
// bench.ReadabilityMinSourceBytes). rdbset refuses to write into a
// directory that already holds a ground-truth.json.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/winnowlabs/winnow/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := bench.RunSetCommand(ctx, "rdbset", "directory to write the corpus to (made if need be; must not hold a ground-truth.json)", bench.BuildReadabilitySet, os.Args[1:], os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "rdbset:", err)
		os.Exit(1)
	}
}
