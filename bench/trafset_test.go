package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/eval"
)

func TestWriteTrafilaturaSet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "trafilatura-set")
	n, missing, err := WriteTrafilaturaSet(filepath.Join("testdata", "trafset"), out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !slices.Equal(missing, []string{"example.com.gone.html"}) {
		t.Errorf("%d pages, missing %q; want 2, [example.com.gone.html]", n, missing)
	}
	c, err := eval.LoadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Pages) != 2 {
		t.Fatalf("corpus has %d pages, want 2", len(c.Pages))
	}
	otter, ok := c.Page("example.de.otter")
	if !ok || otter.URL != "https://example.de/otter" || !otter.SnippetsOnly ||
		!slices.Equal(otter.With, []string{"Fischotter halten sich", "an den Pfoten"}) ||
		!slices.Equal(otter.Without, []string{"Impressum", "Newsletter"}) {
		t.Errorf("otter page = %+v, %v", otter, ok)
	}
	raw, err := c.ReadPage("example.com.mock")
	if err != nil || !strings.Contains(string(raw), "from the mock directory") {
		t.Errorf("mock page: %q, %v", raw, err)
	}
}

func TestWriteTrafilaturaSetErrors(t *testing.T) {
	tests := []struct{ name, data string }{
		{"no map", "package main\n\nvar other = 1\n"},
		{"not Go", "package main\n\nvar comparisonData = map[string]E{\n"},
		{"empty map", "package main\n\nvar comparisonData = map[string]E{}\n"},
		{"no file", "package main\n\nvar comparisonData = map[string]E{\"u\": {With: []string{\"a\"}}}\n"},
		{"a path", "package main\n\nvar comparisonData = map[string]E{\"u\": {File: \"../x.html\"}}\n"},
		{"not a string", "package main\n\nvar comparisonData = map[string]E{\"u\": {File: name}}\n"},
		{"two pages of one id", "package main\n\nvar comparisonData = map[string]E{\"u\": {File: \"a.html\"}, \"v\": {File: \"a.htm\"}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod := t.TempDir()
			dir := filepath.Join(mod, "scripts", "comparison")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "data.go"), []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"a.html", "a.htm"} {
				p := filepath.Join(mod, "test-files", "comparison", name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte("<p>x</p>"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, err := WriteTrafilaturaSet(mod, filepath.Join(t.TempDir(), "out")); err == nil || !strings.HasPrefix(err.Error(), "bench: trafilatura set: ") {
				t.Errorf("err = %v, want a trafilatura set error", err)
			}
		})
	}
}

// TestTrafilaturaSetPinned reads the comparison set of the go-trafilatura
// version this module pins, from the module cache, as the bench's
// --trafilatura-set does: it fails if a new version changes the layout.
func TestTrafilaturaSetPinned(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and compresses about 130 MB")
	}
	mod, err := TrafilaturaModuleDir(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n, missing, err := WriteTrafilaturaSet(mod, filepath.Join(t.TempDir(), "trafilatura-set"))
	if err != nil {
		t.Fatal(err)
	}
	if n < 900 || len(missing) > 10 {
		t.Errorf("%d pages, %d missing (%q); want about 980 pages", n, len(missing), missing)
	}
	var report strings.Builder
	if err := BuildTrafilaturaSet(context.Background(), filepath.Join(t.TempDir(), "again"), &report); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(": %d pages from %s\n", n, mod); !strings.Contains(report.String(), want) {
		t.Errorf("BuildTrafilaturaSet reported %q, want %q", report.String(), want)
	}
}

// TestGoCommandError checks that a failing go command's error says why, also
// when go reports on standard output (go mod download -json).
func TestGoCommandError(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	_, err := goCommand(context.Background(), "mod", "download", "-json", "example.com/no/such/module@v1.0.0")
	if err == nil {
		t.Fatal("no error for a module that cannot be downloaded")
	}
	t.Log(err)
	if msg := err.Error(); !strings.Contains(msg, "GOPROXY=off") {
		t.Errorf("error %q does not say what went wrong", msg)
	}
}
