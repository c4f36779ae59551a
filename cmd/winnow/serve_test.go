package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/classifier"
)

// lockedBuffer is a bytes.Buffer safe for the server's concurrent logging.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var listening = regexp.MustCompile(`"msg":"listening","addr":"([^"]+)"`)

// startServe runs "winnow serve args..." in-process until the test ends or
// stop is called; it returns the base URL, the log and stop, which returns
// run's error.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--log-format", "json"}, args...), strings.NewReader(""), io.Discard, &stderr)
	}()
	var stopped error
	var once sync.Once
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopped = <-done:
			case <-time.After(20 * time.Second):
				stopped = errors.New("serve did not stop")
			}
		})
		return stopped
	}
	t.Cleanup(func() { stop() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(stderr.String()); m != nil {
			return "http://" + m[1], &stderr, stop
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s", stderr.String())
	return "", nil, nil
}

func httpDo(t *testing.T, method, url, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe runs the command end to end: load a model file, clean, train
// with the token from the environment, stop on cancel (what SIGINT/SIGTERM
// do in main) and find the trained model on disk.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "winnow.model")
	mustRun(t, nil, "train", "--in", "testdata/train.jsonl", "--out", model)
	t.Setenv("WINNOW_ADMIN_TOKEN", "tok3n")
	base, logs, stop := startServe(t, "--addr", "127.0.0.1:0", "--model", model)

	if st, body := httpDo(t, "GET", base+"/healthz", ""); st != 200 {
		t.Fatalf("healthz: %d %s", st, body)
	}
	st, body := httpDo(t, "POST", base+"/v1/clean?format=text", "<html><body><article><p>Sea otters hold hands while they sleep so that they do not drift apart.</p></article></body></html>", "Content-Type: text/html")
	if st != 200 || !strings.Contains(body, "Sea otters") {
		t.Fatalf("clean: %d %s", st, body)
	}
	train := `{"samples": [{"text": "Open the app for VIP stories", "label": "junk"}], "weight": 3}`
	if st, body := httpDo(t, "POST", base+"/v1/train", train, "Authorization: Bearer wrong"); st != 401 {
		t.Errorf("train with a wrong token: %d %s", st, body)
	}
	st, body = httpDo(t, "POST", base+"/v1/train", train, "Authorization: Bearer tok3n")
	if st != 200 || !strings.Contains(body, `"version":2`) {
		t.Fatalf("train: %d %s", st, body)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	m, err := classifier.LoadFile(model)
	if err != nil || m.Info().Version != 2 {
		t.Fatalf("model file after serve: %v %+v", err, m.Info())
	}
	var requests int
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		if rec["msg"] == "request" {
			requests++
			if rec["request_id"] == "" || rec["request_id"] == nil {
				t.Errorf("request log without an id: %s", line)
			}
		}
	}
	if requests != 4 || !strings.Contains(logs.String(), `"msg":"shutting down"`) {
		t.Errorf("%d request lines, want 4; log:\n%s", requests, logs.String())
	}
}

// TestServeDefaults serves the embedded model with the address from the
// environment; with no model path and no token, training is off.
func TestServeDefaults(t *testing.T) {
	t.Setenv("WINNOW_ADDR", "127.0.0.1:0")
	t.Setenv("WINNOW_ADMIN_TOKEN", "")
	base, _, stop := startServe(t)
	if st, body := httpDo(t, "GET", base+"/v1/model", ""); st != 200 || !strings.Contains(body, `"training":false`) {
		t.Errorf("model: %d %s", st, body)
	}
	if st, body := httpDo(t, "POST", base+"/v1/train", `{"samples":[]}`, "Authorization: Bearer x"); st != 403 {
		t.Errorf("train: %d %s, want 403", st, body)
	}
	if err := stop(); err != nil {
		t.Error(err)
	}
}

func TestServeFlags(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte("  from-file\n"), 0o600)
	empty := filepath.Join(t.TempDir(), "empty")
	os.WriteFile(empty, nil, 0o600)
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	t.Run("env and flags", func(t *testing.T) {
		cfg, format, level, err := parseServe([]string{"--addr", ":9999", "--max-body", "2MiB", "--admin-token-file", tokenFile},
			env("WINNOW_ADDR", ":1", "WINNOW_MODEL", "/m", "WINNOW_READ_TIMEOUT", "7s", "WINNOW_MAX_INFLIGHT", "3",
				"WINNOW_LOG_FORMAT", "json", "WINNOW_ADMIN_TOKEN", "from-env", "WINNOW_MAX_BODY", "1KiB"), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Addr != ":9999" || cfg.ModelPath != "/m" || cfg.ReadTimeout != 7*time.Second || cfg.MaxInFlight != 3 ||
			cfg.MaxBodyBytes != 2<<20 || cfg.AdminToken != "from-file" || format != "json" || level != "info" {
			t.Errorf("config %+v format %q level %q", cfg, format, level)
		}
		cfg, _, _, err = parseServe(nil, env("WINNOW_ADMIN_TOKEN", "from-env", "WINNOW_MAX_BODY", "1000"), io.Discard)
		if err != nil || cfg.AdminToken != "from-env" || cfg.MaxBodyBytes != 1000 || cfg.Addr != "127.0.0.1:8080" {
			t.Errorf("env token: %+v %v", cfg, err)
		}
	})
	for _, tt := range []struct {
		name string
		args []string
		env  []string
		code int
	}{
		{"bad env duration", nil, []string{"WINNOW_READ_TIMEOUT", "soon"}, 2},
		{"bad env size", nil, []string{"WINNOW_MAX_BODY", "-3"}, 2},
		{"bad size", []string{"--max-body", "lots"}, nil, 2},
		{"unknown flag", []string{"--port", "80"}, nil, 2},
		{"argument", []string{"extra"}, nil, 2},
		{"missing token file", []string{"--admin-token-file", filepath.Join(t.TempDir(), "none")}, nil, 1},
		{"empty token file", []string{"--admin-token-file", empty}, nil, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := parseServe(tt.args, env(tt.env...), io.Discard)
			if code := exitCode(err, io.Discard); code != tt.code {
				t.Errorf("exit %d (%v), want %d", code, err, tt.code)
			}
		})
	}
	for _, args := range [][]string{{"--log-format", "xml"}, {"--log-level", "loud"}} {
		if r := runCmd(t, nil, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...); r.code != 2 {
			t.Errorf("serve %v: exit %d, want 2", args, r.code)
		}
	}
	if r := runCmd(t, nil, "serve", "-h"); r.code != 0 || !strings.Contains(r.stderr, "WINNOW_") {
		t.Errorf("serve -h: exit %d\n%s", r.code, r.stderr)
	}
}
