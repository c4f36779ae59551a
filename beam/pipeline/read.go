package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/winnowlabs/winnow/extract"
	"github.com/winnowlabs/winnow/records"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*Page)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Page), error](&readFn{})
	register.Emitter1[Page]()
}

// Page is one record of an input file as it travels through the pipeline:
// a [records.Record] in a shape Beam can encode (plain fields, the error as
// its message). Between fused steps it is passed in memory; it is encoded
// only across a shuffle (see [Config].Reshuffle).
type Page struct {
	// Source is the file's path, as the glob matched it.
	Source string
	// Index is the record's position in Source, from 0.
	Index int
	// Format is the container: a records.Format.
	Format int
	// URL, ID, Date and ContentType are the record's (see records.Record).
	URL         string
	ID          string
	Date        string
	ContentType string
	// Kind is the body's type: an extract.Kind.
	Kind int
	// Body is the page, decompressed from the container.
	Body []byte
	// Fields are the other fields of a JSON line, as one JSON object (nil
	// for WARC records and single pages).
	Fields []byte
	// Err is the reason the record could not be read ("" when it could).
	Err string
}

// pageOf converts a record read from a file.
func pageOf(rec *records.Record) (Page, error) {
	p := Page{
		Source:      rec.Source,
		Index:       rec.Index,
		Format:      int(rec.Format),
		URL:         rec.URL,
		ID:          rec.ID,
		Date:        rec.Date,
		ContentType: rec.ContentType,
		Kind:        int(rec.Kind),
		Body:        rec.Body,
	}
	if rec.Fields != nil {
		b, err := json.Marshal(rec.Fields)
		if err != nil {
			return p, err
		}
		p.Fields = b
	}
	if rec.Err != nil {
		p.Err = rec.Err.Error()
	}
	return p, nil
}

// Record converts p back to the library's record, with its read error.
func (p *Page) Record() (*records.Record, error) {
	rec := &records.Record{
		Source:      p.Source,
		Index:       p.Index,
		Format:      records.Format(p.Format),
		URL:         p.URL,
		ID:          p.ID,
		Date:        p.Date,
		ContentType: p.ContentType,
		Kind:        extract.Kind(p.Kind),
		Body:        p.Body,
	}
	if p.Fields != nil {
		if err := json.Unmarshal(p.Fields, &rec.Fields); err != nil {
			return nil, fmt.Errorf("pipeline: fields of %s: %w", rec.Label(), err)
		}
	}
	if p.Err != "" {
		rec.Err = errors.New(p.Err)
	}
	return rec, nil
}

// readFn reads the records of one file, one at a time, and emits them as
// Pages. A file that cannot be opened fails the bundle (the runner retries
// it); a file whose content is broken (a truncated gzip stream, a corrupt
// WARC record) gives the records before the break and then one error Page
// for the file, as `winnow clean` does, and the pipeline goes on.
type readFn struct {
	// Format is the container format of every file: a records.Format
	// (FormatAuto detects it per file).
	Format int `json:"format"`
	// MaxBytes bounds one record's body (0: the library's default, 32 MiB).
	MaxBytes int64 `json:"max_bytes"`
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Page)) error {
	name := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: open %s: %w", name, err)
	}
	defer rc.Close()
	files.Inc(ctx, 1)
	broken := func(err error) {
		fileErrors.Inc(ctx, 1)
		emit(Page{Source: name, Format: int(records.FormatPage), Err: err.Error()})
	}
	rd, err := records.NewReader(rc, name, records.Options{Format: records.Format(f.Format), MaxBytes: f.MaxBytes})
	if err != nil {
		broken(err)
		return nil
	}
	defer rd.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			broken(err)
			return nil
		}
		p, err := pageOf(rec)
		if err != nil {
			p.Body, p.Fields, p.Err = nil, nil, err.Error()
		}
		emit(p)
	}
}
