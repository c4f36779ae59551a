package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const reviewTestPage = `<html><head><title>Otters</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Sea otters</h1>
<p>Sea otters often hold hands while they sleep, so that the current does not carry them apart.</p>
<p>A group of resting otters is called a raft, and some rafts hold more than a hundred animals.</p>
</article></body></html>`

// startReview runs "winnow review args..." with openBrowser replaced by
// open, and returns the URL the command gave the browser (or printed),
// its output, and stop, which cancels it and returns run's error.
func startReview(t *testing.T, open func(string) error, args ...string) (string, *lockedBuffer, *lockedBuffer, func() error) {
	t.Helper()
	saved := openBrowser
	t.Cleanup(func() { openBrowser = saved })
	openBrowser = open
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"review"}, args...), strings.NewReader(""), &stdout, &stderr) }()
	stopped := false
	var result error
	stop := func() error {
		if !stopped {
			stopped = true
			cancel()
			select {
			case result = <-done:
			case <-time.After(15 * time.Second):
				result = errors.New("review did not stop")
			}
		}
		return result
	}
	t.Cleanup(func() { stop() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := stdout.String()
		if i := strings.Index(out, "http://"); i >= 0 && strings.HasSuffix(out, "\n") {
			return strings.TrimSpace(out[i:]), &stdout, &stderr, stop
		}
		select {
		case err := <-done:
			t.Fatalf("review ended: %v; stdout %q stderr %q", err, out, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("no URL printed: stdout %q stderr %q", stdout.String(), stderr.String())
	return "", nil, nil, nil
}

func get(t *testing.T, u string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

func writePage(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "otters.html")
	if err := os.WriteFile(p, []byte(reviewTestPage), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReview: the command serves the page, the file and the API on a
// loopback port, hands the browser a URL that loads the file with a token
// for teaching, and stops on cancel (Ctrl-C).
func TestReview(t *testing.T) {
	page := writePage(t)
	modelPath := filepath.Join(t.TempDir(), "m.model")
	var opened []string
	u, stdout, _, stop := startReview(t, func(u string) error { opened = append(opened, u); return nil },
		"--model", modelPath, page)
	if len(opened) != 1 || opened[0] != u {
		t.Fatalf("browser opened %q, printed %q", opened, u)
	}
	if !strings.Contains(stdout.String(), "Opened in your browser: "+u) || !strings.Contains(stdout.String(), "teaching "+modelPath) {
		t.Errorf("stdout %q", stdout.String())
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Hostname() != "127.0.0.1" || pu.Path != "/" {
		t.Fatalf("URL %q: %v", u, err)
	}
	frag, _ := url.ParseQuery(pu.Fragment)
	base := "http://" + pu.Host
	if frag.Get("src") != "/review/page" || frag.Get("name") != "otters.html" || len(frag.Get("token")) != 32 {
		t.Fatalf("fragment %q", pu.Fragment)
	}
	if code, ct, body := get(t, base+"/"); code != 200 || !strings.HasPrefix(ct, "text/html") || !bytes.Contains(body, []byte("winnow review")) {
		t.Errorf("GET /: %d %s %.80s", code, ct, body)
	}
	if code, _, body := get(t, base+frag.Get("src")); code != 200 || string(body) != reviewTestPage {
		t.Errorf("GET %s: %d %q", frag.Get("src"), code, body)
	}
	if code, _, body := get(t, base+"/v1/model"); code != 200 || !bytes.Contains(body, []byte(`"training":true`)) {
		t.Errorf("GET /v1/model: %d %s", code, body)
	}
	// The token in the fragment is the admin token: an admin request with
	// it gets past the check (a rollback with nothing kept is a 404), one
	// with another token does not (learning on the default model would make
	// this test slow under -race; the page's teach is tested in server/).
	for token, want := range map[string]int{frag.Get("token"): 404, "wrong": 401} {
		req, _ := http.NewRequest("POST", base+"/v1/model/rollback", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("rollback with token %q: %d, want %d", token, resp.StatusCode, want)
		}
	}
	if err := stop(); err != nil {
		t.Errorf("stop: %v", err)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the server still answers after stop")
	}
}

// TestReviewNoBrowser: when no browser can be opened, or --no-browser is
// given, the URL is printed; without --model the page is read-only (no
// token in the URL, training off).
func TestReviewNoBrowser(t *testing.T) {
	page := writePage(t)
	u, stdout, stderr, stop := startReview(t, func(string) error { return errors.New("no display") }, page)
	if !strings.Contains(stdout.String(), "Open this URL in a browser: "+u) || !strings.Contains(stdout.String(), "read-only") {
		t.Errorf("stdout %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "no browser opened: no display") {
		t.Errorf("stderr %q", stderr.String())
	}
	pu, _ := url.Parse(u)
	if frag, _ := url.ParseQuery(pu.Fragment); frag.Has("token") {
		t.Errorf("a token in the URL of a read-only review: %q", u)
	}
	if code, _, body := get(t, "http://"+pu.Host+"/v1/model"); code != 200 || !bytes.Contains(body, []byte(`"training":false`)) {
		t.Errorf("GET /v1/model: %d %s", code, body)
	}
	if err := stop(); err != nil {
		t.Errorf("stop: %v", err)
	}

	called := false
	u, stdout, _, stop = startReview(t, func(string) error { called = true; return nil }, "--no-browser", page)
	if called || !strings.Contains(stdout.String(), "Open this URL in a browser: "+u) {
		t.Errorf("--no-browser: opener called %v, stdout %q", called, stdout.String())
	}
	stop()
}

func TestReviewErrors(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.html")
	os.WriteFile(empty, nil, 0o644)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "want one FILE"},
		{[]string{"a.html", "b.html"}, 2, "want one FILE"},
		{[]string{"--bogus", "a.html"}, 2, "bogus"},
		{[]string{filepath.Join(t.TempDir(), "missing.html")}, 1, "no such file"},
		{[]string{empty}, 1, "is empty"},
	} {
		var stderr bytes.Buffer
		err := run(context.Background(), append([]string{"review"}, tc.args...), strings.NewReader(""), io.Discard, &stderr)
		if code := exitCode(err, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("review %q: exit %d, stderr %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}
