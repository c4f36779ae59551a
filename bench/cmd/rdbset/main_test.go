package main

import (
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"help", []string{"-h"}, flag.ErrHelp.Error()},
		{"no out", nil, "usage: rdbset --out DIR"},
		{"an argument", []string{"--out", t.TempDir(), "extra"}, "usage: rdbset --out DIR"},
		{"unknown flag", []string{"--force"}, "flag provided but not defined: -force"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			err := run(context.Background(), tt.args, &stderr)
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("run(%q) = %v, want %q", tt.args, err, tt.wantErr)
			}
			if errors.Is(err, flag.ErrHelp) && !strings.Contains(stderr.String(), "-out") {
				t.Errorf("-h printed %q, want the usage", stderr.String())
			}
		})
	}
}
