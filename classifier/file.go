package classifier

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// The model file format, version 2:
//
//	"winnow-model 2\n"              header line: magic and format version
//	gzip body                        deterministic: no name, no mod time
//	SHA-256 of the gzip body         32 bytes, the end of the file
//
// The gunzipped body is a sequence of fields; integers are unsigned
// varints unless noted, floats are 8-byte little-endian IEEE 754 and
// strings are a varint length and the bytes:
//
//	info: version (signed varint), trained-at flag byte (0 zero, 1 set),
//	      then unix seconds (signed varint) and nanoseconds, threshold,
//	      alpha, word cap (floats), note (string)
//	samples[content], samples[junk]
//	trans[c][c], trans[c][j], trans[j][c], trans[j][j]
//	word count, then per word (sorted): token, n[content], n[junk]
//	feature count, then per feature (sorted): token, n[content], n[junk]
//	pin count, then per pinned line (sorted by key): key, label byte
//	      (0 content, 1 junk)
//
// The pin keys are the lines' [PinKey] strings themselves, not hashes: the
// table is small (at most [MaxPins] lines), and a string cannot collide.
// Version 1 is version 2 without the pins section; [Load] reads both (a
// version 1 file has no pinned lines), [Save] writes version 2.
//
// Token counts and sums are derived from the token entries on load.
const (
	magic         = "winnow-model"
	formatVersion = 2
	minVersion    = 1 // the oldest format version Load reads
)

// Limits on what Load accepts, so that a hostile file cannot make it
// allocate without bound.
const (
	// MaxModelFile is the largest model file Load reads, in bytes. Load
	// holds the whole file in memory.
	MaxModelFile = 1 << 30
	// MaxModelBody is the largest decompressed body Load decodes, in bytes.
	MaxModelBody = 1 << 30
	// MaxModelTokens is the largest vocabulary (words and features) Load
	// accepts.
	MaxModelTokens = 1 << 23
	maxToken       = 1 << 16 // longest token or note, in bytes
	maxCount       = 1 << 53 // largest count (exact in a float64)
)

// ErrBadModel is matched, with [errors.Is], by every error [Load] returns
// for a file that is not a valid model: truncated, foreign, of an
// unsupported format version, or corrupt.
var ErrBadModel = errors.New("classifier: bad model file")

// badModelError is a load error; it matches ErrBadModel.
type badModelError struct {
	path string // file name, if known
	msg  string
	err  error
}

func (e *badModelError) Error() string {
	s := "classifier: bad model file"
	if e.path != "" {
		s += " " + e.path
	}
	s += ": " + e.msg
	if e.err != nil {
		s += ": " + e.err.Error()
	}
	return s
}

func (e *badModelError) Is(target error) bool { return target == ErrBadModel }
func (e *badModelError) Unwrap() error        { return e.err }

func badModel(err error, format string, args ...any) error {
	return &badModelError{msg: fmt.Sprintf(format, args...), err: err}
}

// Save writes m to w in the model file format. The output depends only on
// the model: the same model always gives the same bytes. Save does not
// close w.
func Save(w io.Writer, m *Model) error {
	var body bytes.Buffer
	zw, err := gzip.NewWriterLevel(&body, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	enc := encoder{w: bw}
	enc.model(m)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	sum := sha256.Sum256(body.Bytes())
	if _, err := fmt.Fprintf(w, "%s %d\n", magic, formatVersion); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if _, err := w.Write(body.Bytes()); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if _, err := w.Write(sum[:]); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer // errors are sticky and reported by Flush
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(v uint64) { e.w.Write(binary.AppendUvarint(e.buf[:0], v)) }
func (e *encoder) varint(v int64)   { e.w.Write(binary.AppendVarint(e.buf[:0], v)) }
func (e *encoder) float(f float64) {
	e.w.Write(binary.LittleEndian.AppendUint64(e.buf[:0], math.Float64bits(f)))
}
func (e *encoder) str(s string) { e.uvarint(uint64(len(s))); e.w.WriteString(s) }

func (e *encoder) model(m *Model) {
	in := m.info
	e.varint(in.Version)
	if in.TrainedAt.IsZero() {
		e.w.WriteByte(0)
	} else {
		e.w.WriteByte(1)
		e.varint(in.TrainedAt.Unix())
		e.uvarint(uint64(in.TrainedAt.Nanosecond()))
	}
	e.float(in.Threshold)
	e.float(in.Alpha)
	e.float(in.WordCap)
	e.str(in.Note)
	e.uvarint(uint64(m.samples[0]))
	e.uvarint(uint64(m.samples[1]))
	for a := range 2 {
		for b := range 2 {
			e.uvarint(uint64(m.trans[a][b]))
		}
	}
	e.tokens(m.words)
	e.tokens(m.feats)
	e.pins(m.pins)
}

func (e *encoder) pins(m map[string]Label) {
	keys := slices.Sorted(maps.Keys(m))
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.w.WriteByte(byte(m[k]))
	}
}

func (e *encoder) tokens(m map[string]entry) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		n := m[k].n
		e.str(k)
		e.uvarint(uint64(n[0]))
		e.uvarint(uint64(n[1]))
	}
}

// Load reads a model written by [Save]. Every error for a file that is not
// a valid model matches [ErrBadModel]; Load never panics, and reads at most
// [MaxModelFile] bytes. Load does not close r.
func Load(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxModelFile+1))
	if err != nil {
		return nil, fmt.Errorf("classifier: load: %w", err)
	}
	if len(data) > MaxModelFile {
		return nil, badModel(nil, "larger than %d bytes", MaxModelFile)
	}
	if len(data) == 0 {
		return nil, badModel(nil, "empty file")
	}
	line, rest, ok := bytes.Cut(data, []byte("\n"))
	name, ver, _ := bytes.Cut(line, []byte(" "))
	if string(name) != magic {
		if !ok && bytes.HasPrefix([]byte(magic), line) {
			return nil, badModel(nil, "truncated header")
		}
		return nil, badModel(nil, "not a winnow model (no %q header)", magic)
	}
	if !ok {
		return nil, badModel(nil, "truncated header")
	}
	v, err := strconv.Atoi(string(ver))
	if err != nil {
		return nil, badModel(nil, "malformed format version %.20q", ver)
	}
	if v < minVersion || v > formatVersion {
		return nil, badModel(nil, "unsupported format version %d (want %d to %d)", v, minVersion, formatVersion)
	}
	if len(rest) < sha256.Size {
		return nil, badModel(nil, "truncated (no checksum)")
	}
	body, sum := rest[:len(rest)-sha256.Size], rest[len(rest)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, badModel(nil, "checksum mismatch (truncated or corrupt)")
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, badModel(err, "body")
	}
	zr.Multistream(false)
	d := decoder{r: bufio.NewReader(io.LimitReader(zr, MaxModelBody)), version: v}
	m, err := d.model()
	if err != nil {
		return nil, badModel(err, "body")
	}
	// The body must end here, and the gzip stream must be complete.
	if _, err := d.r.ReadByte(); err != io.EOF {
		return nil, badModel(err, "body: trailing data")
	}
	return m, nil
}

type decoder struct {
	r       *bufio.Reader
	version int // format version of the file
}

var errOverflow = errors.New("value out of range")

func eofIsUnexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func (d *decoder) uvarint(limit uint64) (uint64, error) {
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		return 0, eofIsUnexpected(err)
	}
	if v > limit {
		return 0, errOverflow
	}
	return v, nil
}

func (d *decoder) count() (int64, error) {
	v, err := d.uvarint(maxCount)
	return int64(v), err
}

func (d *decoder) float() (float64, error) {
	var b [8]byte
	if _, err := io.ReadFull(d.r, b[:]); err != nil {
		return 0, eofIsUnexpected(err)
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errors.New("non-finite number")
	}
	return f, nil
}

func (d *decoder) str() (string, error) {
	n, err := d.uvarint(maxToken)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		return "", eofIsUnexpected(err)
	}
	return string(b), nil
}

func (d *decoder) model() (*Model, error) {
	var in Info
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		return nil, eofIsUnexpected(err)
	}
	in.Version = v
	flag, err := d.r.ReadByte()
	if err != nil {
		return nil, eofIsUnexpected(err)
	}
	switch flag {
	case 0:
	case 1:
		sec, err := binary.ReadVarint(d.r)
		if err != nil {
			return nil, eofIsUnexpected(err)
		}
		nsec, err := d.uvarint(999_999_999)
		if err != nil {
			return nil, err
		}
		in.TrainedAt = time.Unix(sec, int64(nsec)).UTC()
		if in.TrainedAt.IsZero() {
			return nil, errors.New("trained-at flag set for the zero time")
		}
	default:
		return nil, fmt.Errorf("bad trained-at flag %d", flag)
	}
	if in.Threshold, err = d.float(); err != nil {
		return nil, err
	}
	if in.Alpha, err = d.float(); err != nil {
		return nil, err
	}
	if in.WordCap, err = d.float(); err != nil {
		return nil, err
	}
	if !(in.Threshold > 0 && in.Threshold <= 1) || !(in.Alpha > 0) || !(in.WordCap > 0) {
		return nil, fmt.Errorf("bad settings: threshold %g, alpha %g, word cap %g", in.Threshold, in.Alpha, in.WordCap)
	}
	if in.Note, err = d.str(); err != nil {
		return nil, err
	}
	m := &Model{info: in}
	for l := range 2 {
		if m.samples[l], err = d.count(); err != nil {
			return nil, err
		}
	}
	for a := range 2 {
		for b := range 2 {
			if m.trans[a][b], err = d.count(); err != nil {
				return nil, err
			}
		}
	}
	if m.words, err = d.tokens(MaxModelTokens); err != nil {
		return nil, err
	}
	if m.feats, err = d.tokens(MaxModelTokens - len(m.words)); err != nil {
		return nil, err
	}
	if d.version >= 2 {
		if m.pins, err = d.pins(); err != nil {
			return nil, err
		}
	}
	m.init()
	return m, nil
}

// pins reads the pins section: at most MaxPins keys in increasing order,
// each a key PinKey could have made, no longer than MaxPinText, with a
// valid label.
func (d *decoder) pins() (map[string]Label, error) {
	n, err := d.uvarint(MaxPins)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	m := make(map[string]Label, min(n, 1<<10))
	prev := ""
	for i := uint64(0); i < n; i++ {
		key, err := d.str()
		if err != nil {
			return nil, err
		}
		switch {
		case len(key) > MaxPinText:
			return nil, fmt.Errorf("pinned line of %d bytes", len(key))
		case !pinKeyValid(key):
			return nil, fmt.Errorf("malformed pinned line %.40q", key)
		case i > 0 && key <= prev:
			return nil, fmt.Errorf("pinned lines out of order at %.40q", key)
		}
		b, err := d.r.ReadByte()
		if err != nil {
			return nil, eofIsUnexpected(err)
		}
		l := Label(b)
		if !l.valid() {
			return nil, fmt.Errorf("pinned line %.40q: bad label %d", key, b)
		}
		m[key] = l
		prev = key
	}
	return m, nil
}

func (d *decoder) tokens(limit int) (map[string]entry, error) {
	n, err := d.uvarint(uint64(limit))
	if err != nil {
		return nil, err
	}
	// Do not trust n for the allocation: the map grows as entries arrive.
	m := make(map[string]entry, min(n, 1<<16))
	prev := ""
	var total [2]int64
	for i := uint64(0); i < n; i++ {
		tok, err := d.str()
		if err != nil {
			return nil, err
		}
		if i > 0 && tok <= prev {
			return nil, fmt.Errorf("tokens out of order at %q", tok)
		}
		var e entry
		for l := range 2 {
			if e.n[l], err = d.count(); err != nil {
				return nil, err
			}
			total[l] += e.n[l]
			if total[l] > maxCount {
				return nil, errOverflow
			}
		}
		if e.n[0] == 0 && e.n[1] == 0 {
			return nil, fmt.Errorf("token %q with zero counts", tok)
		}
		m[tok] = e
		prev = tok
	}
	return m, nil
}

// SaveFile writes m to the named file atomically: it writes a temporary
// file in the same directory, syncs it to disk and renames it over path,
// so that a crash leaves either the old file or the new one, never a
// broken one. The file is created with mode 0644.
func SaveFile(path string, m *Model) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriter(f)
	if err := Save(bw, m); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("classifier: save: %w", err)
	}
	// Make the rename durable; not all systems can sync a directory.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// LoadFile reads a model file written by [SaveFile] or [Save]. Errors are
// as for [Load], with the file name.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("classifier: load: %w", err)
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		if be, ok := err.(*badModelError); ok {
			be.path = path
			return nil, be
		}
		return nil, fmt.Errorf("classifier: load %s: %w", path, err)
	}
	return m, nil
}
