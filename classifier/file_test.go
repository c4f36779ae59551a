package classifier

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// richModel has every kind of field set.
func richModel(t testing.TB) *Model {
	t.Helper()
	c := NewCounts()
	c.Learn(placeholderSamples(t)...)
	c.LearnSequence([]Label{Junk, Junk, Content, Content, Content, Junk})
	return c.ModelWith(Info{
		Version:   3,
		TrainedAt: time.Date(2025, 11, 28, 18, 12, 0, 123456789, time.FixedZone("X", 3600)),
		Threshold: 0.6,
		Alpha:     0.5,
		WordCap:   10,
		Note:      "test model ✓",
	})
}

func TestSaveLoadRoundTrip(t *testing.T) {
	for name, m := range map[string]*Model{
		"empty": NewCounts().Model(),
		"tiny":  tinyCounts().Model(),
		"rich":  richModel(t),
	} {
		t.Run(name, func(t *testing.T) {
			b1 := mustSave(t, m)
			if !bytes.Equal(b1, mustSave(t, m)) {
				t.Fatal("Save is not deterministic")
			}
			m2, err := Load(bytes.NewReader(b1))
			if err != nil {
				t.Fatal(err)
			}
			if b2 := mustSave(t, m2); !bytes.Equal(b1, b2) {
				t.Error("bytes differ after Load → Save")
			}
			if m.Info().TrainedAt.Equal(m2.Info().TrainedAt) != true || m.Info().Note != m2.Info().Note {
				t.Errorf("Info %+v, loaded %+v", m.Info(), m2.Info())
			}
			for _, text := range []string{"Share on Facebook", "The committee published its report", "首页"} {
				if a, b := m.LogOdds(text, []string{"tag=li"}), m2.LogOdds(text, []string{"tag=li"}); a != b {
					t.Errorf("LogOdds(%q) = %g, loaded %g", text, a, b)
				}
			}
		})
	}
}

func TestLoadTruncated(t *testing.T) {
	b := mustSave(t, richModel(t))
	for n := 0; n < len(b); n++ {
		m, err := Load(bytes.NewReader(b[:n]))
		if err == nil || m != nil {
			t.Fatalf("Load of %d of %d bytes: no error", n, len(b))
		}
		if !errors.Is(err, ErrBadModel) {
			t.Fatalf("Load of %d bytes: %v does not match ErrBadModel", n, err)
		}
	}
}

func TestLoadCorrupt(t *testing.T) {
	good := mustSave(t, richModel(t))
	header := len("winnow-model 1\n")
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		return b
	}
	tests := []struct {
		name    string
		in      []byte
		wantMsg string
	}{
		{"empty", nil, "empty file"},
		{"foreign", []byte("PK\x03\x04 this is a zip file\n and more"), "not a winnow model"},
		{"HTML", []byte("<!doctype html><html></html>\n"), "not a winnow model"},
		{"wrong version", append([]byte("winnow-model 2\n"), good[header:]...), "unsupported format version 2"},
		{"bad version", append([]byte("winnow-model x\n"), good[header:]...), "malformed format version"},
		{"flipped body byte", flip(header + 20), "checksum mismatch"},
		{"flipped checksum byte", flip(len(good) - 1), "checksum mismatch"},
		{"extra byte", append(bytes.Clone(good), 0), "checksum mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tt.in))
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not match ErrBadModel", err)
			}
			if !strings.HasPrefix(err.Error(), "classifier: ") || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q, want it to contain %q", err, tt.wantMsg)
			}
		})
	}
}

// withBody builds a file with a valid header and checksum around a body.
func withBody(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	zw.Write(body)
	zw.Close()
	return appendChecksum(append([]byte("winnow-model 1\n"), buf.Bytes()...), len("winnow-model 1\n"))
}

func TestLoadHostileBody(t *testing.T) {
	// A valid header and checksum around bodies that lie: the decoder
	// must reject them without allocating what they claim.
	settings := []byte{0, 0} // version 0, no trained-at
	settings = append(settings, le(0.5)...)
	settings = append(settings, le(1)...)
	settings = append(settings, le(12)...)
	settings = append(settings, 0)               // empty note
	counts := []byte{0, 0, 0, 0, 0, 0}           // samples, transitions
	huge := []byte{0xff, 0xff, 0xff, 0xff, 0x0f} // 2^32−1
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		body []byte
	}{
		{"empty body", nil},
		{"huge note length", cat([]byte{0, 0}, le(0.5), le(1), le(12), huge)},
		{"huge word count", cat(settings, counts, huge)},
		{"huge token length", cat(settings, counts, []byte{1}, huge)},
		{"NaN threshold", cat([]byte{0, 0}, le(nan()), le(1), le(12), []byte{0}, counts, []byte{0, 0})},
		{"zero alpha", cat([]byte{0, 0}, le(0.5), le(0), le(12), []byte{0}, counts, []byte{0, 0})},
		{"tokens out of order", cat(settings, counts, []byte{2, 1, 'b', 1, 0, 1, 'a', 1, 0, 0})},
		{"duplicate tokens", cat(settings, counts, []byte{2, 1, 'a', 1, 0, 1, 'a', 1, 0, 0})},
		{"zero counts", cat(settings, counts, []byte{1, 1, 'a', 0, 0, 0})},
		{"trailing data", cat(settings, counts, []byte{0, 0, 7})},
		{"bad time flag", cat([]byte{0, 9}, le(0.5), le(1), le(12), []byte{0}, counts, []byte{0, 0})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(withBody(tt.body)))
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not match ErrBadModel", err)
			}
		})
	}
	// The smallest valid body loads.
	if _, err := Load(bytes.NewReader(withBody(cat(settings, counts, []byte{0, 0})))); err != nil {
		t.Errorf("minimal body: %v", err)
	}
}

func TestSaveFileLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.model")
	m := richModel(t)
	if err := SaveFile(path, m); err != nil {
		t.Fatal(err)
	}
	// Overwrite: the rename replaces the file.
	if err := SaveFile(path, m); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temp files left behind: %v", entries)
	}
	m2, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustSave(t, m), mustSave(t, m2)) {
		t.Error("LoadFile differs from the saved model")
	}

	if err := SaveFile(filepath.Join(dir, "missing", "m.model"), m); err == nil {
		t.Error("SaveFile into a missing directory: no error")
	}
	if _, err := LoadFile(filepath.Join(dir, "nope")); err == nil || errors.Is(err, ErrBadModel) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadFile of a missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.model")
	os.WriteFile(bad, []byte("hello\n"), 0o644)
	if _, err := LoadFile(bad); !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), bad) {
		t.Errorf("LoadFile of a foreign file: %v", err)
	}
}

func FuzzLoadModel(f *testing.F) {
	f.Add(mustSave(f, richModel(f)))
	f.Add(mustSave(f, tinyCounts().Model()))
	f.Add(mustSave(f, NewCounts().Model()))
	f.Add([]byte("winnow-model 1\n"))
	f.Add([]byte("not a model"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not match ErrBadModel", err)
			}
			return
		}
		b1 := mustSave(t, m)
		m2, err := Load(bytes.NewReader(b1))
		if err != nil {
			t.Fatalf("reload: %v", err)
		}
		if !bytes.Equal(b1, mustSave(t, m2)) {
			t.Fatal("save → load → save differs")
		}
		m.PJunk("some text 模型", []string{"tag=li"})
		m.Smooth([]float64{0.1, 0.9})
	})
}

// FuzzLoadModelBody fuzzes the decoder behind a valid header and checksum,
// which FuzzLoadModel's mutations rarely get past.
func FuzzLoadModelBody(f *testing.F) {
	for _, m := range []*Model{richModel(f), tinyCounts().Model()} {
		b := mustSave(f, m)
		zr, err := gzip.NewReader(bytes.NewReader(b[len("winnow-model 1\n") : len(b)-32]))
		if err != nil {
			f.Fatal(err)
		}
		body, _ := io.ReadAll(zr)
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := Load(bytes.NewReader(withBody(body)))
		if err != nil {
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not match ErrBadModel", err)
			}
			return
		}
		b1 := mustSave(t, m)
		m2, err := Load(bytes.NewReader(b1))
		if err != nil {
			t.Fatalf("reload: %v", err)
		}
		if !bytes.Equal(b1, mustSave(t, m2)) {
			t.Fatal("save → load → save differs")
		}
		m.PJunk("some text 模型", []string{"tag=li"})
	})
}
