package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/records"
)

// pipeline cleans the records of a list of inputs on several workers and
// writes the results in input order. Memory is bounded: at most window
// records are between the reader and the writer at any time (queued,
// being cleaned, or waiting in the reorder buffer for an earlier one).
type pipeline struct {
	files    []string
	stdin    io.Reader
	inFormat records.Format
	opts     winnow.Options // Kind, URL, Model, Threshold, Fast; per record copies
	workers  int
	out      *cleanWriter
	stderr   io.Writer
	quiet    bool

	bytesRead atomic.Int64 // input bytes read, compressed, for the progress bar
}

// job is one record on its way through the pipeline.
type job struct {
	seq int
	rec *records.Record
	res *winnow.Result
	err error
}

// stats are the run's counts, for the progress bar and the summary.
type stats struct {
	pages, errors, kept, dropped int
	start                        time.Time
}

func (p *pipeline) run(parent context.Context) error {
	// ctx also stops the reader and the workers when the output fails.
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if p.opts.Model == nil && !p.opts.Fast {
		// Load the default model once, before the workers race for it.
		m, err := classifier.Default()
		if err != nil {
			return fmt.Errorf("default model: %w", err)
		}
		p.opts.Model = m
	}
	window := 4 * p.workers
	if window < 16 {
		window = 16
	}
	slots := make(chan struct{}, window) // one per record in flight
	jobs := make(chan *job, p.workers)
	results := make(chan *job, window)

	go p.read(ctx, slots, jobs)
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(ctx, jobs, results)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	st := stats{start: time.Now()}
	prog := newProgress(p, &st)
	pending := map[int]*job{}
	next := 0
	stopped := false // cancelled: write nothing after the first unfinished record
	var werr error
	for j := range results {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if stopped || werr != nil {
				continue
			}
			if isCancel(ctx, j.err) {
				stopped = true
				continue
			}
			if werr = p.emit(j, &st, prog); werr != nil {
				cancel()
			}
		}
		prog.update(false)
	}
	prog.finish()
	if err := p.out.close(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("write output: %w", werr)
	}
	if !p.quiet {
		st.summary(p.stderr, p.bytesRead.Load())
	}
	if err := parent.Err(); err != nil {
		return err
	}
	if st.errors > 0 {
		return errFailed
	}
	return nil
}

// isCancel reports whether err is the run being cancelled (not a failure of
// the record).
func isCancel(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errNotRun))
}

// errNotRun marks a record that was read but not cleaned because the run
// was cancelled.
var errNotRun = errors.New("not cleaned: interrupted")

// emit writes one finished record and counts it.
func (p *pipeline) emit(j *job, st *stats, prog *progress) error {
	st.pages++
	if j.err != nil {
		st.errors++
		prog.clear()
		fmt.Fprintf(p.stderr, "winnow: %s: %v\n", j.rec.Label(), j.err)
		return p.out.writeError(j.rec, j.err)
	}
	for i := range j.res.Blocks {
		if j.res.Blocks[i].InText() {
			st.kept++
		} else {
			st.dropped++
		}
	}
	return p.out.write(j.rec, j.res)
}

// read opens the inputs in order and sends their records to jobs, taking a
// slot for each; it closes jobs at the end or when ctx is cancelled.
func (p *pipeline) read(ctx context.Context, slots chan struct{}, jobs chan<- *job) {
	defer close(jobs)
	seq := 0
	send := func(j *job) bool {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return true
		case <-ctx.Done():
			// The slot is taken but the job never reaches the writer;
			// the writer stops at the gap anyway.
			return false
		}
	}
	for _, name := range p.files {
		if ctx.Err() != nil {
			return
		}
		if !p.readFile(ctx, name, send) {
			return
		}
	}
}

// readFile sends the records of one input; false means stop.
func (p *pipeline) readFile(ctx context.Context, name string, send func(*job) bool) bool {
	failed := func(err error) bool {
		return send(&job{rec: &records.Record{Source: name, Format: records.FormatPage}, err: err})
	}
	var in io.Reader = p.stdin
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return failed(err)
		}
		defer fh.Close()
		in = fh
	}
	// With several workers this goroutine only splits JSON lines and the
	// workers decode them (Record.Decode), so that decoding is not a serial
	// bottleneck. With one worker, decoding here keeps it in parallel with
	// the cleaning instead.
	lazy := p.workers > 1
	rd, err := records.NewReader(&countingReader{r: in, n: &p.bytesRead}, name, records.Options{Format: p.inFormat, Lazy: lazy})
	if err != nil {
		return failed(err)
	}
	defer rd.Close()
	for {
		if ctx.Err() != nil {
			return false
		}
		rec, err := rd.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return failed(err)
		}
		if !send(&job{rec: rec}) {
			return false
		}
	}
}

// work decodes and cleans the records of jobs and sends them on to results.
func (p *pipeline) work(ctx context.Context, jobs <-chan *job, results chan<- *job) {
	for {
		var j *job
		select {
		case j = <-jobs:
		case <-ctx.Done():
			return
		}
		if j == nil {
			return // jobs closed
		}
		if j.err == nil {
			j.rec.Decode() // the JSON line of a lazy record; sets j.rec.Err
		}
		switch {
		case j.err != nil:
		case j.rec.Err != nil:
			j.err = j.rec.Err
		case ctx.Err() != nil:
			j.err = errNotRun
		default:
			o := p.opts
			if o.Kind == extract.KindAuto {
				o.Kind = j.rec.Kind
			}
			o.ContentType = j.rec.ContentType
			if j.rec.URL != "" {
				o.URL = j.rec.URL
			}
			j.res, j.err = winnow.CleanBytes(ctx, j.rec.Body, &o)
		}
		j.rec.Body = nil // the page is not needed any more
		results <- j
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
