package server

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnowlabs/winnow/classifier"
)

// DefaultHistory is the number of previous model versions a [Store] keeps.
const DefaultHistory = 5

// ErrNoVersion is returned by [Store.Rollback] for a version that is not
// kept.
var ErrNoVersion = errors.New("server: no such model version")

// ErrNotPersistent is returned by [Store.Update] and [Store.Rollback] on a
// store with no model path: what is trained there could not outlive the
// process, so it is refused rather than silently lost.
var ErrNotPersistent = errors.New("server: no model path: training is off")

// Store holds the model the server answers with, and retrains it safely
// while requests are served.
//
// The current model is an immutable *classifier.Model behind an atomic
// pointer: readers load it once per request and never see a half-updated
// model. Updates are copy-on-write and serialised by a mutex: copy the
// counts, learn, freeze a new model, save it (atomically, temporary file
// then rename), and only then swap it in. An update that fails at any step
// changes nothing, on disk or in memory.
//
// Beside the model file PATH the store keeps the previous versions in the
// directory PATH.history, as files v<VERSION>.model, at most History of
// them. Store is safe for concurrent use.
type Store struct {
	path     string // model file; "" for an in-memory store
	keep     int    // previous versions kept
	cur      atomic.Pointer[classifier.Model]
	mu       sync.Mutex // serialises updates, rollbacks and history files
	fromDisk bool       // the current model is the file at path (guarded by mu)
	infos    sync.Map   // int64 version → classifier.Info of a kept version (see VersionInfos)

	// save writes a model file; classifier.SaveFile, replaced in tests to
	// simulate a failing disk.
	save func(path string, m *classifier.Model) error
}

// OpenStore loads the model at path when the file exists, or starts from
// def (the embedded default model when def is nil) when it does not.
// A file that exists but cannot be read is an error: the store never
// starts over a user's model it failed to read, since its next save would
// replace it. An empty path gives an in-memory store that serves def and
// refuses updates with [ErrNotPersistent]. history is the number of
// previous versions kept (0 means [DefaultHistory], negative keeps none).
func OpenStore(path string, history int, def *classifier.Model) (*Store, error) {
	if history == 0 {
		history = DefaultHistory
	}
	s := &Store{path: path, keep: max(history, 0), save: classifier.SaveFile}
	if path != "" {
		m, err := classifier.LoadFile(path)
		switch {
		case err == nil:
			s.cur.Store(m)
			s.fromDisk = true
			return s, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("server: model: %w", err)
		}
	}
	if def == nil {
		var err error
		if def, err = classifier.Default(); err != nil {
			return nil, fmt.Errorf("server: default model: %w", err)
		}
	}
	s.cur.Store(def)
	return s, nil
}

// Model returns the current model. It never returns nil for an opened store.
func (s *Store) Model() *classifier.Model { return s.cur.Load() }

// Path returns the model file's path ("" for an in-memory store).
func (s *Store) Path() string { return s.path }

// historyDir is the directory of previous versions.
func (s *Store) historyDir() string { return s.path + ".history" }

func (s *Store) versionFile(v int64) string {
	return filepath.Join(s.historyDir(), "v"+strconv.FormatInt(v, 10)+".model")
}

// Versions returns the kept previous versions, oldest first.
func (s *Store) Versions() ([]int64, error) {
	if s.path == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(s.historyDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("server: model history: %w", err)
	}
	var vs []int64
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, "v") || !strings.HasSuffix(name, ".model") {
			continue
		}
		v, err := strconv.ParseInt(strings.TrimSuffix(name[1:], ".model"), 10, 64)
		if err == nil {
			vs = append(vs, v)
		}
	}
	slices.Sort(vs)
	return vs, nil
}

// Update builds a new model from a copy of the current model's counts:
// fn changes the counts (returning an error leaves everything as it was),
// the new model gets the next version number and note, is saved, and
// becomes current. The previous model is kept in the history.
func (s *Store) Update(fn func(*classifier.Counts) error, note string) (*classifier.Model, error) {
	if s.path == "" {
		return nil, ErrNotPersistent
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.cur.Load()
	counts := old.Counts()
	if err := fn(counts); err != nil {
		return nil, err
	}
	info := old.Info()
	info.Version = s.nextVersion(old)
	info.TrainedAt = time.Now().UTC()
	info.Note = note
	return s.install(counts.ModelWith(info))
}

// Rollback makes a kept previous version current again. version 0 means
// the newest kept version. The restored model is installed as a new
// version (the next number, with the restored counts and settings), so
// versions only grow and the model it replaces stays in the history.
// It returns the new model and the version it was restored from.
func (s *Store) Rollback(version int64) (*classifier.Model, int64, error) {
	if s.path == "" {
		return nil, 0, ErrNotPersistent
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.Versions()
	if err != nil {
		return nil, 0, err
	}
	if version == 0 {
		if len(vs) == 0 {
			return nil, 0, ErrNoVersion
		}
		version = vs[len(vs)-1]
	}
	if !slices.Contains(vs, version) {
		return nil, 0, ErrNoVersion
	}
	old, err := classifier.LoadFile(s.versionFile(version))
	if err != nil {
		return nil, 0, fmt.Errorf("server: rollback: %w", err)
	}
	info := old.Info()
	info.Version = s.nextVersion(s.cur.Load())
	info.TrainedAt = time.Now().UTC()
	info.Note = fmt.Sprintf("rollback to version %d", version)
	if old.Info().Note != "" {
		info.Note += ": " + old.Info().Note
	}
	m, err := s.install(old.Counts().ModelWith(info))
	return m, version, err
}

// nextVersion is one more than the largest version current or kept, so a
// version number is never reused. Called with mu held.
func (s *Store) nextVersion(cur *classifier.Model) int64 {
	v := cur.Info().Version
	if vs, _ := s.Versions(); len(vs) > 0 {
		v = max(v, vs[len(vs)-1])
	}
	return v + 1
}

// install keeps the current model in the history, saves m to the model
// path and makes it current, then trims the history. The order makes a
// crash at any point safe: the model file is always a whole model (the
// old one until the rename, the new one after), and the old model is in
// the history before the new one replaces it. Called with mu held.
func (s *Store) install(m *classifier.Model) (*classifier.Model, error) {
	cur := s.cur.Load()
	if s.keep > 0 {
		if err := s.keepVersion(cur); err != nil {
			return nil, err
		}
	}
	if err := s.save(s.path, m); err != nil {
		return nil, fmt.Errorf("server: save model: %w", err)
	}
	s.cur.Store(m)
	s.fromDisk = true
	s.trim()
	return m, nil
}

// keepVersion writes the current model into the history. When the
// current model is the model file, the file is hard-linked (cheap, and
// the link survives the rename that replaces the file); otherwise, or if
// linking fails, the model is saved afresh.
func (s *Store) keepVersion(cur *classifier.Model) error {
	if err := os.MkdirAll(s.historyDir(), 0o755); err != nil {
		return fmt.Errorf("server: model history: %w", err)
	}
	dst := s.versionFile(cur.Info().Version)
	s.infos.Store(cur.Info().Version, cur.Info())
	if s.fromDisk {
		os.Remove(dst) // a stale file of the same version (from a hand-edited history)
		if err := os.Link(s.path, dst); err == nil {
			return nil
		}
	}
	if err := s.save(dst, cur); err != nil {
		return fmt.Errorf("server: model history: %w", err)
	}
	return nil
}

// trim removes the oldest kept versions beyond the limit, and temporary
// files left by a crash during a save. Failures only leave extra files.
func (s *Store) trim() {
	vs, err := s.Versions()
	if err != nil {
		return
	}
	for len(vs) > s.keep {
		os.Remove(s.versionFile(vs[0]))
		vs = vs[1:]
	}
	s.removeTemps()
}

// removeTemps removes the temporary files classifier.SaveFile leaves
// behind when the process dies mid-save (".NAME.tmp*"), older than a
// minute so that a concurrent save by another process is not disturbed.
func (s *Store) removeTemps() {
	for _, dir := range []string{filepath.Dir(s.path), s.historyDir()} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), ".tmp") {
				continue
			}
			base := strings.TrimPrefix(e.Name(), ".")
			if dir == filepath.Dir(s.path) && !strings.HasPrefix(base, filepath.Base(s.path)+".tmp") {
				continue
			}
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}
