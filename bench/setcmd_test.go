package bench

import (
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

func TestRunSetCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		wantErr string
		wantOut string // the directory build is called with; "" when it must not be called
	}{
		{"help", []string{"-h"}, flag.ErrHelp.Error(), ""},
		{"no out", nil, "usage: someset --out DIR", ""},
		{"an argument", []string{"--out", dir, "extra"}, "usage: someset --out DIR", ""},
		{"unknown flag", []string{"--force"}, "flag provided but not defined: -force", ""},
		{"out", []string{"--out", dir}, "built", dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			called := ""
			build := func(_ context.Context, outDir string, w io.Writer) error {
				called = outDir
				return errors.New("built")
			}
			err := RunSetCommand(context.Background(), "someset", "where to write", build, tt.args, &stderr)
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("RunSetCommand(%q) = %v, want %q", tt.args, err, tt.wantErr)
			}
			if called != tt.wantOut {
				t.Errorf("build called with %q, want %q", called, tt.wantOut)
			}
			if errors.Is(err, flag.ErrHelp) && !strings.Contains(stderr.String(), "where to write") {
				t.Errorf("-h printed %q, want the usage", stderr.String())
			}
		})
	}
}
