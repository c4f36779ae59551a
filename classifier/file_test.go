package classifier

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
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
	if err := c.Pin(Sample{Text: "Share this article", Label: Junk}, Sample{Text: "Newsletter: sign up below", Label: Content},
		Sample{Text: "首頁", Label: Junk}); err != nil {
		t.Fatal(err)
	}
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
	header := len("winnow-model 2\n")
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
		{"wrong version", append([]byte("winnow-model 3\n"), good[header:]...), "unsupported format version 3"},
		{"version 0", append([]byte("winnow-model 0\n"), good[header:]...), "unsupported format version 0"},
		{"v2 body as version 1", append([]byte("winnow-model 1\n"), good[header:]...), "trailing data"},
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

// withBody builds a version 1 file with a valid header and checksum around
// a body.
func withBody(body []byte) []byte { return withBodyVersion(1, body) }

// withBodyVersion builds a file of a format version with a valid header and
// checksum around a body.
func withBodyVersion(version int, body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	zw.Write(body)
	zw.Close()
	header := fmt.Sprintf("winnow-model %d\n", version)
	return appendChecksum(append([]byte(header), buf.Bytes()...), len(header))
}

// bodyOf returns the gunzipped body of a model file.
func bodyOf(t testing.TB, file []byte) []byte {
	t.Helper()
	_, rest, _ := bytes.Cut(file, []byte("\n"))
	zr, err := gzip.NewReader(bytes.NewReader(rest[:len(rest)-32]))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return body
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

	// Version 2: the pins section after the tokens.
	v2 := func(pins ...byte) []byte { return withBodyVersion(2, cat(settings, counts, []byte{0, 0}, pins)) }
	for _, tt := range []struct {
		name string
		pins []byte
	}{
		{"no pins section", nil},
		{"huge pin count", huge},
		{"pin count over MaxPins", binary.AppendUvarint(nil, MaxPins+1)},
		{"truncated pin", []byte{1, 3, 'a', 'b'}},
		{"no pin label", []byte{1, 1, 'a'}},
		{"bad pin label", []byte{1, 1, 'a', 2}},
		{"empty pin key", []byte{1, 0, 0}},
		{"pin key with outer space", []byte{1, 2, 'a', ' ', 0}},
		{"pin key with a tab", []byte{1, 3, 'a', '\t', 'b', 0}},
		{"pin key not UTF-8", []byte{1, 1, 0xff, 0}},
		{"pins out of order", []byte{2, 1, 'b', 0, 1, 'a', 1}},
		{"duplicate pins", []byte{2, 1, 'a', 0, 1, 'a', 1}},
		{"huge pin key length", cat([]byte{1}, huge)},
		{"pin trailing data", []byte{1, 1, 'a', 1, 0}},
	} {
		t.Run("v2 "+tt.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(v2(tt.pins...))); !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not match ErrBadModel", err)
			}
		})
	}
	m, err := Load(bytes.NewReader(v2(2, 1, 'a', 1, 3, 'b', ' ', 'c', 0)))
	if err != nil {
		t.Fatalf("version 2 with pins: %v", err)
	}
	if l, ok := m.Pinned("A"); !ok || l != Junk || m.Info().Pinned != 2 {
		t.Errorf("Pinned(A) = %v %v, Info.Pinned %d", l, ok, m.Info().Pinned)
	}
	if l, ok := m.Pinned(" B   c"); !ok || l != Content {
		t.Errorf("Pinned(B c) = %v %v", l, ok)
	}
}

// TestLoadVersion1 checks that the embedded default model loads and
// round-trips through Save, and that a version 1 file (no pins section:
// a version 2 model with no pins once its empty pins section is cut off)
// still loads as the same model.
func TestLoadVersion1(t *testing.T) {
	def, err := Load(bytes.NewReader(defaultModelData))
	if err != nil {
		t.Fatal(err)
	}
	if def.Info().Pinned != 0 || def.Info().Vocabulary == 0 {
		t.Errorf("default model: %+v", def.Info())
	}
	// Saved again it is version 2, with the same model in it.
	b := mustSave(t, def)
	if !bytes.HasPrefix(b, []byte("winnow-model 2\n")) {
		t.Fatalf("Save wrote %.20q", b)
	}
	def2, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Share on Facebook", "The committee published its report"} {
		if a, b := def.PJunk(text, []string{"tag=li"}), def2.PJunk(text, []string{"tag=li"}); a != b {
			t.Errorf("PJunk(%q) = %g, after saving again %g", text, a, b)
		}
	}

	m := tinyCounts().Model()
	body := bodyOf(t, mustSave(t, m))
	if body[len(body)-1] != 0 {
		t.Fatal("a model without pins does not end with an empty pins section")
	}
	m1, err := Load(bytes.NewReader(withBody(body[:len(body)-1])))
	if err != nil {
		t.Fatalf("version 1: %v", err)
	}
	if !bytes.Equal(mustSave(t, m), mustSave(t, m1)) {
		t.Error("version 1 file loads as a different model")
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
	f.Add([]byte("winnow-model 2\n"))
	f.Add(defaultModelData)
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
// The first byte of the input chooses the format version (odd: 1, even: 2).
func FuzzLoadModelBody(f *testing.F) {
	for _, m := range []*Model{richModel(f), tinyCounts().Model()} {
		body := bodyOf(f, mustSave(f, m))
		f.Add(append([]byte{2}, body...))
		f.Add(append([]byte{1}, body[:len(body)-1]...)) // tiny: the version 1 body
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		version := 2 - int(in[0]&1)
		m, err := Load(bytes.NewReader(withBodyVersion(version, in[1:])))
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
		// Every pin loaded that PinKey could have made is found by its text.
		for key, l := range m.pins {
			if PinKey(key) != key {
				continue
			}
			if got, ok := m.Pinned(key); !ok || got != l {
				t.Fatalf("pin %q: Pinned = %v %v, want %v", key, got, ok, l)
			}
		}
	})
}
