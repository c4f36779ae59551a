package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/labels"
	"github.com/winnowlabs/winnow/training"
)

const testToken = "s3cret-admin-token"

// smallModel is a model learned from the hand-labelled English lines: it
// trains and saves in milliseconds, where the embedded default model takes
// seconds under the race detector.
var smallModel = sync.OnceValues(func() (*classifier.Model, error) {
	f, err := os.Open("../testdata/labelled/en.jsonl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	samples, err := classifier.ReadSamples(f)
	if err != nil {
		return nil, err
	}
	if samples, err = labels.WithTextFeatures(samples); err != nil {
		return nil, err
	}
	c := classifier.NewCounts()
	training.LearnPages(c, samples)
	return c.ModelWith(classifier.Info{Version: 1, Note: "test model"}), nil
})

// MustSmallModel returns the small test model.
func MustSmallModel(tb testing.TB) *classifier.Model {
	tb.Helper()
	m, err := smallModel()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// MustOpenServer starts a real server on a loopback port with cfg (the
// small model, a fresh model path and the test token unless cfg says
// otherwise) and closes it when the test ends.
func MustOpenServer(tb testing.TB, cfg Config) *Server {
	tb.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.DefaultModel == nil {
		cfg.DefaultModel = MustSmallModel(tb)
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// trainingConfig is a Config with a model path in a temporary directory
// and the admin token.
func trainingConfig(tb testing.TB) Config {
	return Config{ModelPath: filepath.Join(tb.TempDir(), "winnow.model"), AdminToken: testToken}
}

// response is what a test request got back.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it is not JSON.
func (r *response) JSON(tb testing.TB, v any) {
	tb.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		tb.Fatalf("Content-Type %q, want application/json; body %s", ct, r.Body)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		tb.Fatalf("decode %s: %v", r.Body, err)
	}
}

var client = &http.Client{Timeout: 60 * time.Second}

// do sends a request; headers are given as "Name: value" strings.
func do(tb testing.TB, method, url string, body io.Reader, headers ...string) *response {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read: %v", method, url, err)
	}
	return &response{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// postJSON sends v as a JSON body.
func postJSON(tb testing.TB, url string, v any, headers ...string) *response {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return do(tb, "POST", url, bytes.NewReader(b), append([]string{"Content-Type: application/json"}, headers...)...)
}

const bearer = "Authorization: Bearer " + testToken

// wantError checks a response is the JSON error shape with status and code.
func wantError(tb testing.TB, r *response, status int, code string) {
	tb.Helper()
	if r.Status != status {
		tb.Fatalf("status %d, want %d; body %s", r.Status, status, r.Body)
	}
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	r.JSON(tb, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		tb.Fatalf("error %+v, want code %q and a message", e.Error, code)
	}
	if strings.Contains(string(r.Body), "goroutine ") || strings.Contains(string(r.Body), ".go:") {
		tb.Fatalf("error body leaks internals: %s", r.Body)
	}
}

// gz compresses b.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// fixture returns the gzipped input of a testdata/pages case.
func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "pages", name, "input.html.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// fixtures returns the names of the testdata/pages cases.
func fixtures(tb testing.TB) []string {
	tb.Helper()
	m, err := filepath.Glob("../testdata/pages/*/input.html.gz")
	if err != nil || len(m) == 0 {
		tb.Fatalf("no fixture pages: %v", err)
	}
	var names []string
	for _, p := range m {
		names = append(names, filepath.Base(filepath.Dir(p)))
	}
	return names
}

// modelInfo is GET /v1/model.
func modelInfo(tb testing.TB, s *Server) modelResponse {
	tb.Helper()
	r := do(tb, "GET", s.URL()+"/v1/model", nil)
	if r.Status != 200 {
		tb.Fatalf("GET /v1/model: %d %s", r.Status, r.Body)
	}
	var m modelResponse
	r.JSON(tb, &m)
	return m
}

// syncBuffer is a bytes.Buffer safe for concurrent writes (a log sink).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// jsonLogger logs JSON lines into buf.
func jsonLogger(buf *syncBuffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(buf, nil))
}
