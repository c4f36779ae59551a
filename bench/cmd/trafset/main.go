// Command trafset writes go-trafilatura's own comparison set, the pages and
// "with"/"without" snippets its authors evaluate extractors on, as a corpus
// that winnow eval reads (DIR/html/<id>.html.gz and DIR/ground-truth.json),
// from the module cache at the go-trafilatura version this module pins:
//
//	go run ./cmd/trafset --out /tmp/trafilatura-set
//	(cd .. && go run ./cmd/winnow eval --split dev /tmp/trafilatura-set)
//
// The bench's --trafilatura-set runs the same set beside the peers.
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
	err := bench.RunSetCommand(ctx, "trafset", "directory to write the corpus to (made if need be)", bench.BuildTrafilaturaSet, os.Args[1:], os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "trafset:", err)
		os.Exit(1)
	}
}
