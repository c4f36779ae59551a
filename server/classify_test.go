package server

import (
	"bytes"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
)

func TestClassify(t *testing.T) {
	s := MustOpenServer(t, Config{})
	lines := []string{
		"Sign in",
		"Home > World > Science",
		"",
		"Sea otters hold hands while they sleep so that they do not drift apart on the current, researchers at the marine institute said on Tuesday.",
		"   ",
		"The animals also keep a favourite rock in a loose pouch of skin under each forearm,\nand use it to crack open shellfish.",
		"Share on Facebook | Share on X",
	}
	r := postJSON(t, s.URL()+"/v1/classify", map[string]any{"lines": lines})
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var got classifyResponse
	r.JSON(t, &got)
	if len(got.Lines) != len(lines) || got.ModelVersion != 1 || got.Threshold != MustSmallModel(t).Info().Threshold {
		t.Fatalf("%+v: want %d lines, version 1, the model's threshold", got, len(lines))
	}
	for i, l := range got.Lines {
		blank := i == 2 || i == 4
		if l.Empty != blank || (blank && (l.Label != classifier.Junk || l.PJunk != 1)) || l.PJunk < 0 || l.PJunk > 1 {
			t.Errorf("line %d %q: %+v", i, lines[i], l)
		}
	}
	if got.Lines[3].Label != classifier.Content || got.Lines[0].Label != classifier.Junk {
		t.Errorf("article line %+v, menu line %+v: want content and junk", got.Lines[3], got.Lines[0])
	}

	// A threshold of 1 makes every line with text content.
	r = postJSON(t, s.URL()+"/v1/classify?threshold=1", map[string]any{"lines": lines[:2]})
	r.JSON(t, &got)
	for _, l := range got.Lines {
		if l.Label != classifier.Content && l.PJunk < 1 {
			t.Errorf("threshold 1: %+v", l)
		}
	}
	// No lines is an empty answer.
	r = postJSON(t, s.URL()+"/v1/classify", map[string]any{"lines": []string{}})
	r.JSON(t, &got)
	if r.Status != 200 || len(got.Lines) != 0 {
		t.Errorf("no lines: %d %s", r.Status, r.Body)
	}
}

func TestClassifyErrors(t *testing.T) {
	s := MustOpenServer(t, Config{MaxBodyBytes: 1 << 10})
	tests := []struct {
		name   string
		body   string
		status int
		code   string
	}{
		{"no lines field", `{}`, 400, codeBadRequest},
		{"lines not strings", `{"lines": [1, 2]}`, 400, codeBadRequest},
		{"unknown field", `{"lines": [], "line": []}`, 400, codeBadRequest},
		{"malformed", `{"lines": [`, 400, codeBadRequest},
		{"too large", `{"lines": ["` + string(bytes.Repeat([]byte("a"), 2<<10)) + `"]}`, 413, codeTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, "POST", s.URL()+"/v1/classify", bytes.NewReader([]byte(tt.body)), "Content-Type: application/json")
			wantError(t, r, tt.status, tt.code)
		})
	}
	r := do(t, "POST", s.URL()+"/v1/classify", bytes.NewReader([]byte(`{"lines":["x"]}`)), "Content-Encoding: deflate")
	wantError(t, r, 415, codeUnsupported)
}
