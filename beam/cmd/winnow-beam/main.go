// Command winnow-beam cleans crawl output with winnow on Apache Beam: WARC,
// WET or JSON-lines files matched by a glob in, sharded JSON lines out, on
// any Beam runner (Prism, in-process, by default; Flink, Spark, Dataflow).
//
//	winnow-beam --input 'crawl/*.warc.gz' --output out/clean --shards 16
//	winnow-beam --runner dataflow --project P --region R \
//	    --staging_location gs://B/staging --temp_location gs://B/tmp \
//	    --input 'gs://B/crawl/*.warc.gz' --output gs://B/clean/part --shards 256
//
// Output files are PREFIX-SSSSS-of-NNNNN.jsonl, one JSON object a line as
// `winnow clean --format jsonl` writes it. The counters (namespace "winnow":
// files, pages, errors, kept_blocks, dropped_blocks, bytes, ...) are printed
// on stderr at the end when the runner reports them. Besides the flags
// below, every Beam flag of the linked runners is accepted (--runner,
// --endpoint, --environment_type, --project, --region, ...).
//
// Exit status: 0 when the pipeline succeeded (records that failed are error
// lines, counted in "errors"), 1 when it failed, 2 for a usage error.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // runners, gs:// and local files

	"github.com/winnowlabs/winnow/beam/pipeline"
	"github.com/winnowlabs/winnow/records"
)

var (
	input     = flag.String("input", "", "glob of the input files: local, gs:// or s3:// (required)")
	format    = flag.String("format", "auto", "input format: auto, warc, wet or jsonl (auto: per file, from its bytes and name)")
	output    = flag.String("output", "", "prefix of the output files: PREFIX-SSSSS-of-NNNNN.jsonl (required)")
	shards    = flag.Int("shards", 16, "number of output files")
	blocks    = flag.Bool("blocks", false, "add every block with its label and P(junk) to the output lines")
	fast      = flag.Bool("fast", false, "stage 1 only: skip the line classifier")
	threshold = flag.Float64("threshold", 0, "P(junk) at or above which a block inside the article is dropped (default: the model's for text, 0.6 for the default model; 0.85 for HTML)")
	model     = flag.String("model", "", "model file, read by every worker (default: the model embedded in the binary)")
	maxBytes  = flag.Int64("max_bytes", 0, "largest record body, in bytes (default: 32 MiB); larger records are error lines")
	reshuffle = flag.Bool("reshuffle", false, "spread the records over the workers before cleaning (for fewer files than workers)")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: winnow-beam --input GLOB --output PREFIX [--format auto|warc|wet|jsonl] [--shards N] [--blocks] [beam flags]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init() // a worker binary started by a runner does not return from here

	f, err := records.ParseFormat(*format)
	if err == nil && f == records.FormatPage {
		err = fmt.Errorf("format page is for single pages; use auto")
	}
	if err != nil {
		usage(err)
	}
	if flag.NArg() > 0 {
		usage(fmt.Errorf("unexpected arguments %q", flag.Args()))
	}
	if *shards < 1 {
		usage(fmt.Errorf("--shards must be at least 1"))
	}
	cfg := pipeline.Config{
		Input: *input, Format: f, MaxBytes: *maxBytes, Output: *output, Shards: *shards,
		Blocks: *blocks, Fast: *fast, Threshold: *threshold, Model: *model, Reshuffle: *reshuffle,
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		usage(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "winnow-beam: %v\n", err)
		os.Exit(1)
	}
	if c := pipeline.Counters(res); len(c) > 0 {
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range c {
				if !yield(k) {
					return
				}
			}
		})
		fmt.Fprintf(os.Stderr, "winnow-beam: %v:", time.Since(start).Round(time.Millisecond))
		for _, k := range keys {
			fmt.Fprintf(os.Stderr, " %s=%d", k, c[k])
		}
		fmt.Fprintln(os.Stderr)
	}
}

func usage(err error) {
	fmt.Fprintf(os.Stderr, "winnow-beam: %v\n", err)
	os.Exit(2)
}
