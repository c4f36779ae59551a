package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/records"
)

func init() {
	register.DoFn3x1[context.Context, Page, func(string), error](&cleanFn{})
	register.Emitter1[string]()
}

// Counters of the namespace "winnow", summed over all workers.
var (
	files      = beam.NewCounter(Namespace, "files")       // files opened
	fileErrors = beam.NewCounter(Namespace, "file_errors") // files whose content broke off (also counted in errors)
	pages      = beam.NewCounter(Namespace, "pages")       // records cleaned or failed, one output line each
	pageErrors = beam.NewCounter(Namespace, "errors")      // output lines with an "error" field
	kept       = beam.NewCounter(Namespace, "kept_blocks")
	dropped    = beam.NewCounter(Namespace, "dropped_blocks")
	inBytes    = beam.NewCounter(Namespace, "bytes") // record bodies, decompressed from the container
	pageBytes  = beam.NewDistribution(Namespace, "page_bytes")
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "winnow"

// models holds the models loaded in this process, by path ("" is the
// embedded default): a model is loaded once per worker process and shared
// by every DoFn instance, as a *classifier.Model is immutable.
var models = struct {
	sync.Mutex
	m map[string]*classifier.Model
}{m: map[string]*classifier.Model{}}

// loadModel returns the model at path (any Beam filesystem: local, gs://,
// s3://), or the embedded default model for "".
func loadModel(ctx context.Context, path string) (*classifier.Model, error) {
	if path == "" {
		return classifier.Default()
	}
	models.Lock()
	defer models.Unlock()
	if m := models.m[path]; m != nil {
		return m, nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("pipeline: model %s: %w", path, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("pipeline: model %s: %w", path, err)
	}
	defer rc.Close()
	m, err := classifier.Load(rc)
	if err != nil {
		return nil, fmt.Errorf("pipeline: model %s: %w", path, err)
	}
	models.m[path] = m
	return m, nil
}

// cleanFn cleans one Page with the library and emits its JSON line (without
// the newline), exactly as `winnow clean --format jsonl` writes it: a
// record that failed gives a line with an "error" field and the pipeline
// goes on.
type cleanFn struct {
	Blocks    bool    `json:"blocks"`
	Fast      bool    `json:"fast"`
	Threshold float64 `json:"threshold"`
	ModelPath string  `json:"model_path"`

	opts winnow.Options
	buf  []byte
}

func (f *cleanFn) Setup(ctx context.Context) error {
	m, err := loadModel(ctx, f.ModelPath)
	if err != nil {
		return err
	}
	f.opts = winnow.Options{Model: m, Fast: f.Fast, Threshold: f.Threshold}
	return nil
}

func (f *cleanFn) ProcessElement(ctx context.Context, p Page, emit func(string)) error {
	rec, err := p.Record()
	var res *winnow.Result
	switch {
	case err != nil:
	case rec.Err != nil:
		err = rec.Err
	default:
		o := f.opts
		o.Kind = rec.Kind // KindAuto for single pages: sniffed
		o.ContentType = rec.ContentType
		o.URL = rec.URL
		inBytes.Inc(ctx, int64(len(rec.Body)))
		pageBytes.Update(ctx, int64(len(rec.Body)))
		res, err = winnow.CleanBytes(ctx, rec.Body, &o)
		if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return err // the bundle was cancelled: not the page's fault
		}
	}
	if rec == nil {
		rec = &records.Record{Source: p.Source, Index: p.Index, Format: records.Format(p.Format), URL: p.URL, ID: p.ID}
	}
	pages.Inc(ctx, 1)
	if err != nil {
		pageErrors.Inc(ctx, 1)
		res = nil
	} else {
		var k, d int64
		for i := range res.Blocks {
			if res.Blocks[i].InText() {
				k++
			} else {
				d++
			}
		}
		kept.Inc(ctx, k)
		dropped.Inc(ctx, d)
	}
	f.buf, err = records.AppendJSON(f.buf[:0], rec, res, err, records.JSONOptions{Blocks: f.Blocks})
	if err != nil {
		return fmt.Errorf("pipeline: %s: %w", rec.Label(), err)
	}
	emit(string(f.buf[:len(f.buf)-1])) // without the newline: the sink adds it
	return nil
}
