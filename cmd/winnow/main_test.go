package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// seedPath is the seed page (a Traditional-Chinese text export full of junk),
// relative to the package directory.
const seedPath = "../../testdata/seed/seed.txt"

// Lines of the seed page: one from the article, one of injected SEO spam.
const (
	seedArticleLine = "二、InstructGPT及其相關工作"
	seedSpamLine    = "中文字幕理论片,69视频免费在线观看"
)

// result is the outcome of one in-process run of the command.
type result struct {
	err    error
	code   int
	stdout string
	stderr string // includes what exitCode printed
}

// runCmd runs the command in-process with args and stdin, and maps its error
// to an exit status the way main does.
func runCmd(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, stdin, &stdout, &stderr)
	code := exitCode(err, &stderr)
	return result{err: err, code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// mustRun runs the command and fails the test unless it exits 0.
func mustRun(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	r := runCmd(t, stdin, args...)
	if r.code != 0 {
		t.Fatalf("winnow %s: exit %d, err %v\nstderr:\n%s", strings.Join(args, " "), r.code, r.err, r.stderr)
	}
	return r
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		want       int
		wantStderr string // substring; "" means stderr must stay empty
	}{
		{name: "nil", err: nil, want: 0},
		{name: "usage", err: &usageError{"bad flag"}, want: 2, wantStderr: "winnow: bad flag"},
		{name: "failed inputs already reported", err: errFailed, want: 1},
		{name: "help", err: errHelp, want: 0},
		{name: "other", err: io.ErrUnexpectedEOF, want: 1, wantStderr: "winnow: unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := exitCode(tt.err, &stderr); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
			if tt.wantStderr == "" && stderr.Len() > 0 {
				t.Errorf("stderr = %q, want nothing", stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

// TestUsageErrors checks the exit status of calls that are wrong or ask for help.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string // substring of stderr
	}{
		{name: "no command", args: nil, want: 2, wantStderr: "no command given"},
		{name: "unknown command", args: []string{"frobnicate"}, want: 2, wantStderr: `unknown command "frobnicate"`},
		{name: "help command", args: []string{"help"}, want: 0},
		{name: "-h as command", args: []string{"-h"}, want: 0},
		{name: "clean -h", args: []string{"clean", "-h"}, want: 0, wantStderr: "Usage: winnow clean"},
		{name: "clean --help", args: []string{"clean", "--help"}, want: 0, wantStderr: "-format"},
		{name: "train -h", args: []string{"train", "-h"}, want: 0, wantStderr: "Usage: winnow train"},
		{name: "label -h", args: []string{"label", "-h"}, want: 0, wantStderr: "Usage: winnow label"},
		{name: "eval -h", args: []string{"eval", "-h"}, want: 0, wantStderr: "Usage: winnow eval"},
		{name: "clean unknown flag", args: []string{"clean", "--bogus", seedPath}, want: 2, wantStderr: "-bogus"},
		{name: "clean unknown format", args: []string{"clean", "--format", "xml", seedPath}, want: 2, wantStderr: `unknown format "xml"`},
		{name: "clean unknown input", args: []string{"clean", "--input", "pdf", seedPath}, want: 2},
		{name: "clean threshold above 1", args: []string{"clean", "--threshold", "2", seedPath}, want: 2, wantStderr: "threshold"},
		{name: "clean threshold below 0", args: []string{"clean", "--threshold", "-0.1", seedPath}, want: 2, wantStderr: "threshold"},
		{name: "clean threshold not a number", args: []string{"clean", "--threshold", "high", seedPath}, want: 2},
		{name: "train unknown flag", args: []string{"train", "--nope"}, want: 2},
		{name: "train no out", args: []string{"train", "--in", "testdata/train.jsonl"}, want: 2, wantStderr: "--out is required"},
		{name: "train no in", args: []string{"train", "--out", "x.model"}, want: 2, wantStderr: "give --in, --corpus or --unlearn"},
		{name: "label no corpus", args: []string{"label"}, want: 2, wantStderr: "at least one corpus"},
		{name: "label bad split", args: []string{"label", "--split", "test", "x"}, want: 2, wantStderr: `label: --split "test"`},
		{name: "label bad mode", args: []string{"label", "--mode", "pdf", "x"}, want: 2, wantStderr: "--mode"},
		{name: "eval no corpus", args: []string{"eval"}, want: 2, wantStderr: "at least one corpus"},
		{name: "eval bad split", args: []string{"eval", "--split", "test", "x"}, want: 2, wantStderr: `eval: --split "test"`},
		{name: "eval bad input", args: []string{"eval", "--input", "pdf", "x"}, want: 2, wantStderr: "--input"},
		{name: "eval fold out of range", args: []string{"eval", "--fold", "3/3", "x"}, want: 2, wantStderr: `eval: fold "3/3"`},
		{name: "eval exclude-fold not k/n", args: []string{"eval", "--exclude-fold", "half", "x"}, want: 2, wantStderr: `fold "half"`},
		{name: "label fold of one", args: []string{"label", "--fold", "0/1", "x"}, want: 2, wantStderr: `label: fold "0/1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, nil, tt.args...)
			if r.code != tt.want {
				t.Errorf("winnow %q: exit %d, want %d (err %v)\nstderr:\n%s", tt.args, r.code, tt.want, r.err, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.wantStderr) {
				t.Errorf("winnow %q: stderr = %q, want it to contain %q", tt.args, r.stderr, tt.wantStderr)
			}
		})
	}
}

func TestHelpPrintsUsageOnStdout(t *testing.T) {
	r := mustRun(t, nil, "help")
	if !strings.Contains(r.stdout, "winnow clean") {
		t.Errorf("help stdout = %q, want the usage", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("help stderr = %q, want nothing", r.stderr)
	}
}

// TestHelpListsEveryCommand checks that the top-level usage names every
// subcommand that run dispatches.
func TestHelpListsEveryCommand(t *testing.T) {
	r := mustRun(t, nil, "help")
	for _, cmd := range []string{"clean", "train", "label", "eval", "help"} {
		if !strings.Contains(r.stdout, "winnow "+cmd) {
			t.Errorf("help does not mention %q:\n%s", "winnow "+cmd, r.stdout)
		}
	}
}

// jsonUnmarshal decodes a JSON document held in a string.
func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
