// Package pipeline is winnow on Apache Beam: it reads WARC, WET and
// JSON-lines files matched by a glob, cleans every record with the winnow
// library and writes the results as sharded JSON lines, with counters.
//
// The steps, each usable on its own:
//
//	fileio.MatchFiles(glob) → Reshuffle → ReadMatches   the files, spread over the workers
//	Read: readFn                                        one file, record by record (streamed)
//	[Reshuffle]                                         optional: spread the records of few big files
//	Clean: cleanFn                                      winnow.CleanBytes, records.AppendJSON
//	WriteSharded                                        PREFIX-SSSSS-of-NNNNN.jsonl
//
// A file is read by one worker, as a stream: a worker holds one record of
// it at a time. The records of a file are cleaned on the worker that reads
// it (the steps are fused) unless Config.Reshuffle is set, which pays for
// encoding every page once to spread the cleaning of a few large files over
// all workers.
//
// Each output line is what `winnow clean --format jsonl` prints for the same
// record; lines are grouped into shards by their hash, so their order is not
// the input order.
package pipeline

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/winnowlabs/winnow/records"
)

// Config is what a run reads, how it cleans, and where it writes.
type Config struct {
	// Input is a glob of input files on any Beam filesystem (a local path,
	// gs://bucket/crawl/*.warc.gz, s3://...). It must match something.
	Input string
	// Format is the container of every input file; FormatAuto detects it per
	// file from its first bytes and its name (see records.Detect).
	Format records.Format
	// MaxBytes bounds one record's body; larger records become error lines.
	// Default 0: the library's 32 MiB.
	MaxBytes int64
	// Output is the prefix of the output files.
	Output string
	// Suffix ends the output file names. Default ".jsonl".
	Suffix string
	// Shards is the number of output files. Default 1.
	Shards int
	// Blocks adds every block with its label and P(junk) to the lines.
	Blocks bool
	// Fast skips the line classifier (stage 1 alone).
	Fast bool
	// Threshold is the P(junk) at or above which a block is dropped.
	// Default 0: the model's.
	Threshold float64
	// Model is the path of a model file on any Beam filesystem, read once
	// per worker process. Default "": the model embedded in the binary.
	Model string
	// Reshuffle spreads the records over the workers between reading and
	// cleaning (useful when there are fewer files than workers).
	Reshuffle bool
}

func (c *Config) check() error {
	if c.Input == "" {
		return fmt.Errorf("pipeline: no input glob")
	}
	if c.Output == "" {
		return fmt.Errorf("pipeline: no output prefix")
	}
	if c.Shards < 0 {
		return fmt.Errorf("pipeline: %d shards", c.Shards)
	}
	if c.Threshold < 0 || c.Threshold > 1 {
		return fmt.Errorf("pipeline: threshold %v is not a probability", c.Threshold)
	}
	return nil
}

// Read returns the PCollection<Page> of the records of the files matching
// glob. Each file is read by one worker; the files are shuffled first so
// that they are spread over the workers.
func Read(s beam.Scope, glob string, format records.Format, maxBytes int64) beam.PCollection {
	s = s.Scope("winnow.Read")
	matches := fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow())
	matches = beam.Reshuffle(s, matches)
	// The records package detects gzip and zstd from the magic bytes (and
	// reads .warc.gz member by member), so Beam must not decompress.
	files := fileio.ReadMatches(s, matches, fileio.ReadUncompressed())
	return beam.ParDo(s, &readFn{Format: int(format), MaxBytes: maxBytes}, files)
}

// Clean returns the PCollection<string> of the JSON lines (without newline)
// of the pages: the cleaned article, or the error.
func Clean(s beam.Scope, pages beam.PCollection, cfg Config) beam.PCollection {
	s = s.Scope("winnow.Clean")
	return beam.ParDo(s, &cleanFn{Blocks: cfg.Blocks, Fast: cfg.Fast, Threshold: cfg.Threshold, ModelPath: cfg.Model}, pages)
}

// Build adds the whole pipeline to s: read, clean, write. It returns the
// PCollection<string> of the output files written.
func Build(s beam.Scope, cfg Config) (beam.PCollection, error) {
	if err := cfg.check(); err != nil {
		return beam.PCollection{}, err
	}
	pages := Read(s, cfg.Input, cfg.Format, cfg.MaxBytes)
	if cfg.Reshuffle {
		pages = beam.Reshuffle(s.Scope("winnow.SpreadPages"), pages)
	}
	lines := Clean(s, pages, cfg)
	suffix := cfg.Suffix
	if suffix == "" {
		suffix = ".jsonl"
	}
	shards := cfg.Shards
	if shards == 0 {
		shards = 1
	}
	return WriteSharded(s, cfg.Output, suffix, shards, lines), nil
}

// New returns a new pipeline for cfg.
func New(cfg Config) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	if _, err := Build(s, cfg); err != nil {
		return nil, err
	}
	return p, nil
}

// Counters returns the committed (or, where the runner gives none, the
// attempted) values of the pipeline's counters, by name ("pages", "errors",
// "kept_blocks", ...), summed over the steps. A nil result gives nil.
func Counters(res beam.PipelineResult) map[string]int64 {
	if res == nil {
		return nil
	}
	out := map[string]int64{}
	q := res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == Namespace })
	for _, c := range q.Counters() {
		out[c.Name()] += c.Result()
	}
	return out
}

// Run builds the pipeline for cfg and runs it on the named runner, then
// returns its counters.
func Run(ctx context.Context, runner string, cfg Config) (map[string]int64, error) {
	p, err := New(cfg)
	if err != nil {
		return nil, err
	}
	res, err := beam.Run(ctx, runner, p)
	if err != nil {
		return nil, err
	}
	return Counters(res), nil
}
