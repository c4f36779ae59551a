// Command trafset writes go-trafilatura's own comparison set, the pages and
// "with"/"without" snippets its authors evaluate extractors on, as a corpus
// that winnow eval reads (DIR/html/<id>.html.gz and DIR/ground-truth.json),
// from the module cache at the go-trafilatura version this module pins:
//
//	go run ./cmd/trafset --out /tmp/trafilatura-set
//	go run ../cmd/winnow eval --split dev /tmp/trafilatura-set
//
// The bench's --trafilatura-set runs the same set beside the peers.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/winnowlabs/winnow/bench"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "trafset:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("trafset", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to write the corpus to (made if need be)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("usage: trafset --out DIR")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	mod, err := bench.TrafilaturaModuleDir(ctx)
	if err != nil {
		return err
	}
	n, missing, err := bench.WriteTrafilaturaSet(mod, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s: %d pages from %s\n", *out, n, mod)
	if len(missing) > 0 {
		fmt.Fprintf(stderr, "%d entries without their file: %s\n", len(missing), strings.Join(missing, ", "))
	}
	return nil
}
