package server

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
)

// corrections are a few labelled lines an operator might send.
var corrections = []map[string]any{
	{"text": "Download the Otterly app for exclusive VIP stories", "label": "junk", "page": "fix1"},
	{"text": "Sea otters use rocks as tools to open clams and mussels along the shore.", "label": "content", "page": "fix1"},
	{"text": "Otterly VIP members read ad-free", "label": "junk", "page": "fix1"},
}

func trainBody(samples []map[string]any, extra map[string]any) map[string]any {
	b := map[string]any{"samples": samples}
	for k, v := range extra {
		b[k] = v
	}
	return b
}

// mustTrain posts a training request and returns its answer.
func mustTrain(tb testing.TB, s *Server, body map[string]any) trainResponse {
	tb.Helper()
	r := postJSON(tb, s.URL()+"/v1/train", body, bearer)
	if r.Status != 200 {
		tb.Fatalf("train: %d %s", r.Status, r.Body)
	}
	var got trainResponse
	r.JSON(tb, &got)
	return got
}

func pJunk(tb testing.TB, s *Server, line string) float64 {
	tb.Helper()
	r := postJSON(tb, s.URL()+"/v1/classify", map[string]any{"lines": []string{line}})
	var got classifyResponse
	r.JSON(tb, &got)
	return got.Lines[0].PJunk
}

func TestTrainAuth(t *testing.T) {
	body := trainBody(corrections, nil)
	t.Run("no token configured", func(t *testing.T) {
		s := MustOpenServer(t, Config{ModelPath: filepath.Join(t.TempDir(), "m")})
		wantError(t, postJSON(t, s.URL()+"/v1/train", body, bearer), 403, codeForbidden)
		wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{}, bearer), 403, codeForbidden)
	})
	t.Run("no model path", func(t *testing.T) {
		s := MustOpenServer(t, Config{AdminToken: testToken})
		wantError(t, postJSON(t, s.URL()+"/v1/train", body, bearer), 403, codeForbidden)
	})
	s := MustOpenServer(t, trainingConfig(t))
	for name, header := range map[string]string{
		"missing":      "",
		"wrong":        "Authorization: Bearer not-the-token",
		"prefix":       "Authorization: Bearer " + testToken[:5],
		"wrong scheme": "Authorization: Basic " + testToken,
	} {
		t.Run(name, func(t *testing.T) {
			var h []string
			if header != "" {
				h = append(h, header)
			}
			r := postJSON(t, s.URL()+"/v1/train", body, h...)
			wantError(t, r, 401, codeUnauthorized)
			if r.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{}, h...), 401, codeUnauthorized)
		})
	}
	if v := modelInfo(t, s).Version; v != 1 {
		t.Fatalf("refused requests changed the model: version %d", v)
	}
	mustTrain(t, s, body)
}

func TestTrain(t *testing.T) {
	cfg := trainingConfig(t)
	s := MustOpenServer(t, cfg)
	base := MustSmallModel(t).Info()
	const probe = "Download the Otterly app for exclusive VIP stories"
	before := pJunk(t, s, probe)

	got := mustTrain(t, s, trainBody(corrections, map[string]any{"weight": 50, "note": "otter fixes"}))
	if got.Version != 2 || got.PreviousVersion != 1 || got.Weight != 50 || got.Learned != 3 ||
		got.Samples.Junk != base.Samples[classifier.Junk]+100 || got.Samples.Content != base.Samples[classifier.Content]+50 {
		t.Fatalf("train answer %+v (base %+v)", got, base.Samples)
	}
	if after := pJunk(t, s, probe); !(after > before) {
		t.Errorf("p_junk of a line learned as junk went from %.3f to %.3f", before, after)
	}
	// The model served, on disk and described are the new one.
	disk, err := classifier.LoadFile(cfg.ModelPath)
	if err != nil || disk.Info().Version != 2 || disk.Info().Note != "otter fixes" {
		t.Fatalf("model file: %v %+v", err, disk.Info())
	}
	mi := modelInfo(t, s)
	if mi.Version != 2 || mi.Path != cfg.ModelPath || fmt.Sprint(mi.History) != "[1]" || !mi.Training || mi.TrainedAt == nil ||
		mi.Samples.Junk != got.Samples.Junk || mi.Vocabulary != got.Vocabulary || len(mi.Classes) != 2 {
		t.Errorf("GET /v1/model: %+v", mi)
	}

	// The default weight, and features given by the caller.
	got = mustTrain(t, s, trainBody([]map[string]any{{"text": "Related stories", "label": 1, "features": []string{"#tag=li", "link=high"}}}, nil))
	if got.Version != 3 || got.Weight != 20 || got.Samples.Junk != base.Samples[classifier.Junk]+120 {
		t.Errorf("default weight: %+v", got)
	}

	// Unlearning with the same weight takes the first request back exactly.
	got = mustTrain(t, s, trainBody(corrections, map[string]any{"weight": 50, "unlearn": true}))
	if got.Version != 4 || got.Unlearned != 3 || got.Samples.Content != base.Samples[classifier.Content] || got.Samples.Junk != base.Samples[classifier.Junk]+20 {
		t.Errorf("unlearn: %+v", got)
	}
}

// TestTrainInvalid checks that every bad training request is refused with
// its status and changes nothing: not the model served, not the file.
func TestTrainInvalid(t *testing.T) {
	cfg := trainingConfig(t)
	cfg.MaxSamples = 5
	s := MustOpenServer(t, cfg)
	mustTrain(t, s, trainBody(corrections, nil)) // so there is a file to compare
	file, err := os.ReadFile(cfg.ModelPath)
	if err != nil {
		t.Fatal(err)
	}
	ok := corrections[0]
	many := make([]map[string]any, 6)
	for i := range many {
		many[i] = ok
	}
	tests := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"no samples", trainBody(nil, nil), 422, codeInvalidSamples},
		{"missing label", trainBody([]map[string]any{{"text": "x"}}, nil), 422, codeInvalidSamples},
		{"bad label", trainBody([]map[string]any{{"text": "x", "label": "spam"}}, nil), 422, codeInvalidSamples},
		{"no text", trainBody([]map[string]any{ok, {"text": "  ", "label": "junk"}}, nil), 422, codeInvalidSamples},
		{"line break", trainBody([]map[string]any{{"text": "a\nb", "label": "junk"}}, nil), 422, codeInvalidSamples},
		{"empty feature", trainBody([]map[string]any{{"text": "a", "label": "junk", "features": []string{""}}}, nil), 422, codeInvalidSamples},
		{"weight zero or less", trainBody(corrections, map[string]any{"weight": -1}), 422, codeInvalidSamples},
		{"weight too large", trainBody(corrections, map[string]any{"weight": 100000}), 422, codeInvalidSamples},
		{"unlearn never learned", trainBody([]map[string]any{{"text": "zebra quokka narwhal", "label": "content"}}, map[string]any{"unlearn": true}), 422, codeInvalidSamples},
		{"unlearn too often", trainBody(corrections, map[string]any{"unlearn": true, "weight": 1000}), 422, codeInvalidSamples},
		{"too many samples", trainBody(many, nil), 413, codeTooLarge},
		{"unknown field", trainBody(corrections, map[string]any{"weigth": 3}), 400, codeBadRequest},
		{"unknown sample field", trainBody([]map[string]any{{"text": "a", "label": "junk", "lable": "x"}}, nil), 400, codeBadRequest},
		{"malformed", "not an object", 400, codeBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, postJSON(t, s.URL()+"/v1/train", tt.body, bearer), tt.status, tt.code)
		})
	}
	wantError(t, do(t, "POST", s.URL()+"/v1/train", bytes.NewReader([]byte(`{"samples": [`)), bearer), 400, codeBadRequest)
	if v := modelInfo(t, s).Version; v != 2 {
		t.Errorf("version %d after refused requests, want 2", v)
	}
	if after, _ := os.ReadFile(cfg.ModelPath); !bytes.Equal(after, file) {
		t.Error("a refused request changed the model file")
	}
}

func TestRollback(t *testing.T) {
	cfg := trainingConfig(t)
	cfg.History = 3
	s := MustOpenServer(t, cfg)
	base := MustSmallModel(t).Info()
	wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{}, bearer), 404, codeNotFound)

	v2 := mustTrain(t, s, trainBody(corrections, nil))
	mustTrain(t, s, trainBody(corrections, nil)) // v3

	// No body: back to the newest kept version (2), installed as version 4.
	r := do(t, "POST", s.URL()+"/v1/model/rollback", nil, bearer)
	var rb rollbackResponse
	r.JSON(t, &rb)
	if r.Status != 200 || rb.Version != 4 || rb.RestoredFrom != 2 || rb.Previous != 3 {
		t.Fatalf("rollback: %d %+v", r.Status, rb)
	}
	mi := modelInfo(t, s)
	if mi.Version != 4 || mi.Samples != v2.Samples {
		t.Errorf("after rollback: %+v, want the samples of version 2 %+v", mi, v2.Samples)
	}
	// To a named version: the base model.
	r = postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{"version": 1}, bearer)
	r.JSON(t, &rb)
	if r.Status != 200 || rb.Version != 5 || rb.RestoredFrom != 1 {
		t.Fatalf("rollback to 1: %d %+v", r.Status, rb)
	}
	disk, err := classifier.LoadFile(cfg.ModelPath)
	if err != nil || disk.Info().Version != 5 || disk.Info().Samples != base.Samples {
		t.Errorf("model file after rollback: %v %+v", err, disk.Info())
	}
	// Only the newest 3 previous versions are kept.
	if h := modelInfo(t, s).History; fmt.Sprint(h) != "[2 3 4]" {
		t.Errorf("history %v, want [2 3 4]", h)
	}
	wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{"version": 1}, bearer), 404, codeNotFound)
	wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{"version": -1}, bearer), 400, codeBadRequest)
	wantError(t, postJSON(t, s.URL()+"/v1/model/rollback", map[string]any{"versoin": 2}, bearer), 400, codeBadRequest)
}

// TestPersistence checks a restarted server (a new Server on the same
// path) serves the trained model and keeps its history.
func TestPersistence(t *testing.T) {
	cfg := trainingConfig(t)
	s := MustOpenServer(t, cfg)
	trained := mustTrain(t, s, trainBody(corrections, nil))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	cfg.DefaultModel = classifier.NewCounts().Model() // must not be used: the file exists
	s2 := MustOpenServer(t, cfg)
	mi := modelInfo(t, s2)
	if mi.Version != trained.Version || mi.Samples != trained.Samples || fmt.Sprint(mi.History) != "[1]" {
		t.Fatalf("after restart: %+v, want %+v", mi, trained)
	}
	r := do(t, "POST", s2.URL()+"/v1/model/rollback", nil, bearer)
	if r.Status != 200 {
		t.Fatalf("rollback after restart: %d %s", r.Status, r.Body)
	}
	// A model file that exists but is broken stops the server from starting
	// rather than being replaced.
	os.WriteFile(cfg.ModelPath, []byte("winnow-model 1\ngarbage"), 0o644)
	if _, err := New(cfg); err == nil {
		t.Error("New over a corrupt model file: no error")
	}
}
