package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHealthReady(t *testing.T) {
	s := MustOpenServer(t, Config{})
	if r := do(t, "GET", s.URL()+"/healthz", nil); r.Status != 200 {
		t.Errorf("healthz: %d %s", r.Status, r.Body)
	}
	r := do(t, "GET", s.URL()+"/readyz", nil)
	if r.Status != 200 || !strings.Contains(string(r.Body), `"model_version":1`) {
		t.Errorf("readyz: %d %s", r.Status, r.Body)
	}
	// While shutting down, readyz says so (the handler, as a load balancer
	// still connected would see it).
	s.closing.Store(true)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 503 {
		t.Errorf("readyz while closing: %d", rec.Code)
	}
	s.closing.Store(false)
}

// slowBody is a request body that sends its first byte and then waits
// for release before sending the rest: the request is in flight meanwhile.
type slowBody struct {
	first   []byte
	rest    []byte
	release chan struct{}
	sent    chan struct{}
	once    sync.Once
}

func newSlowBody(page string) *slowBody {
	return &slowBody{first: []byte(page[:1]), rest: []byte(page[1:]), release: make(chan struct{}), sent: make(chan struct{})}
}

func (b *slowBody) Read(p []byte) (int, error) {
	if len(b.first) > 0 {
		n := copy(p, b.first)
		b.first = b.first[n:]
		return n, nil
	}
	b.once.Do(func() { close(b.sent) })
	<-b.release
	if len(b.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, b.rest)
	b.rest = b.rest[n:]
	return n, nil
}

const page = "<html><head><title>T</title></head><body><p>Sea otters hold hands while they sleep so that they do not drift apart, researchers said.</p></body></html>"

// startSlow starts a /v1/clean request whose body waits; it returns the
// body (close release to finish) and the channel of the response status.
func startSlow(t *testing.T, s *Server) (*slowBody, chan int) {
	t.Helper()
	body := newSlowBody(page)
	done := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", s.URL()+"/v1/clean", body)
		req.Header.Set("Content-Type", "text/html")
		resp, err := client.Do(req)
		if err != nil {
			done <- -1
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	select {
	case <-body.sent:
	case <-time.After(10 * time.Second):
		t.Fatal("slow request never reached the handler")
	}
	time.Sleep(20 * time.Millisecond) // the handler is reading the body
	return body, done
}

func TestOverload(t *testing.T) {
	s := MustOpenServer(t, Config{MaxInFlight: 1, MaxQueue: -1})
	body, done := startSlow(t, s)
	start := time.Now()
	r := do(t, "POST", s.URL()+"/v1/clean", strings.NewReader(page), "Content-Type: text/html")
	wantError(t, r, 503, codeOverloaded)
	if r.Header.Get("Retry-After") == "" || time.Since(start) > 2*time.Second {
		t.Errorf("overload answer took %v, Retry-After %q", time.Since(start), r.Header.Get("Retry-After"))
	}
	// Health and metrics are not throttled.
	if r := do(t, "GET", s.URL()+"/healthz", nil); r.Status != 200 {
		t.Errorf("healthz under load: %d", r.Status)
	}
	close(body.release)
	if st := <-done; st != 200 {
		t.Errorf("slow request: %d", st)
	}
	// With a queue, a waiting request is refused after QueueWait.
	s2 := MustOpenServer(t, Config{MaxInFlight: 1, MaxQueue: 1, QueueWait: 50 * time.Millisecond})
	body, done = startSlow(t, s2)
	wantError(t, do(t, "POST", s2.URL()+"/v1/classify", strings.NewReader(`{"lines":[]}`)), 503, codeOverloaded)
	close(body.release)
	<-done
}

func TestDeadline(t *testing.T) {
	s := MustOpenServer(t, Config{RequestTimeout: 30 * time.Millisecond, QueueWait: time.Millisecond})
	body, done := startSlow(t, s)
	time.Sleep(50 * time.Millisecond)
	close(body.release)
	if st := <-done; st != 503 {
		t.Errorf("request past its deadline: %d, want 503", st)
	}
}

// TestGracefulShutdown closes the server while a request is in flight:
// the request finishes, new connections are refused, Close returns nil.
func TestGracefulShutdown(t *testing.T) {
	s := MustOpenServer(t, Config{})
	body, done := startSlow(t, s)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) with a request in flight", err)
	default:
	}
	if _, err := http.Get(s.URL() + "/healthz"); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	close(body.release)
	if st := <-done; st != 200 {
		t.Errorf("in-flight request: %d, want 200", st)
	}
	if err := <-closed; err != nil {
		t.Errorf("Close: %v", err)
	}

	// A request that outlasts ShutdownTimeout is cut off and Close reports it.
	s2 := MustOpenServer(t, Config{ShutdownTimeout: 50 * time.Millisecond})
	body, done = startSlow(t, s2)
	if err := s2.Close(); err == nil {
		t.Error("Close with a stuck request: no error")
	}
	close(body.release)
	<-done
}

// TestConcurrentTrainClean cleans and classifies from several goroutines
// while the model is retrained: no races (go test -race), every answer
// 200, and each client sees model versions only grow.
func TestConcurrentTrainClean(t *testing.T) {
	s := MustOpenServer(t, trainingConfig(t))
	const trains, clients, rounds = 6, 4, 8
	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds*2+trains)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range trains {
			r := postJSON(t, s.URL()+"/v1/train", trainBody(corrections, map[string]any{"unlearn": i%3 == 2, "weight": 5}), bearer)
			if r.Status != 200 {
				errs <- fmt.Errorf("train %d: %d %s", i, r.Status, r.Body)
			}
		}
	}()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := int64(0)
			for i := range rounds {
				var r *response
				var v int64
				if (c+i)%2 == 0 {
					r = do(t, "POST", s.URL()+"/v1/clean", strings.NewReader(page), "Content-Type: text/html")
					var got cleanResponse
					json.Unmarshal(r.Body, &got)
					v = got.ModelVersion
				} else {
					r = postJSON(t, s.URL()+"/v1/classify", map[string]any{"lines": []string{"Sign in", "Sea otters sleep holding hands."}})
					var got classifyResponse
					json.Unmarshal(r.Body, &got)
					v = got.ModelVersion
				}
				if r.Status != 200 {
					errs <- fmt.Errorf("client %d: %d %s", c, r.Status, r.Body)
				}
				if v < last {
					errs <- fmt.Errorf("client %d: model version went back from %d to %d", c, last, v)
				}
				last = v
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if v := modelInfo(t, s).Version; v != 1+trains {
		t.Errorf("version %d after %d trainings", v, trains)
	}
}

func TestMetrics(t *testing.T) {
	s := MustOpenServer(t, trainingConfig(t))
	do(t, "POST", s.URL()+"/v1/clean", strings.NewReader(page), "Content-Type: text/html")
	do(t, "POST", s.URL()+"/v1/clean?format=xml", strings.NewReader(page))
	mustTrain(t, s, trainBody(corrections, nil))
	do(t, "GET", s.URL()+"/no/such/path", nil)
	r := do(t, "GET", s.URL()+"/metrics", nil)
	if r.Status != 200 {
		t.Fatalf("metrics: %d", r.Status)
	}
	for _, want := range []string{
		`winnow_http_requests_total{method="POST",route="/v1/clean",status="200"} 1`,
		`winnow_http_requests_total{method="POST",route="/v1/clean",status="400"} 1`,
		`winnow_http_requests_total{method="GET",route="other",status="404"} 1`,
		`winnow_http_request_duration_seconds_bucket{route="/v1/clean",le="+Inf"} 2`,
		`winnow_pages_cleaned_total{kind="html"} 1`,
		`winnow_training_events_total{event="learn",result="ok"} 1`,
		`winnow_trained_samples_total 3`,
		`winnow_model_version 2`,
		`winnow_http_request_bytes_total`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(r.Body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestRequestLog checks one JSON log line per request, with its id.
func TestRequestLog(t *testing.T) {
	var buf syncBuffer
	s := MustOpenServer(t, Config{Logger: jsonLogger(&buf)})
	r := do(t, "POST", s.URL()+"/v1/clean", strings.NewReader(page), "Content-Type: text/html")
	id := r.Header.Get("X-Request-Id")
	if id == "" {
		t.Fatal("no X-Request-Id")
	}
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	if len(lines) != 1 || lines[0]["request_id"] != id || lines[0]["status"] != float64(200) || lines[0]["route"] != "/v1/clean" {
		t.Errorf("request log lines %v, want one with id %s", lines, id)
	}
}

// TestPanic checks a handler panic becomes a generic 500, logged.
func TestPanic(t *testing.T) {
	var buf syncBuffer
	s := MustOpenServer(t, Config{Logger: jsonLogger(&buf)})
	s.router.Get("/boom", func(http.ResponseWriter, *http.Request) { panic(errors.New("secret detail")) })
	r := do(t, "GET", s.URL()+"/boom", nil)
	wantError(t, r, 500, codeInternal)
	if strings.Contains(string(r.Body), "secret") || !strings.Contains(buf.String(), "secret detail") {
		t.Errorf("body %s; the cause must be logged, not sent", r.Body)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New(Config{QueueWait: time.Minute, RequestTimeout: time.Second, DefaultModel: MustSmallModel(t)}); err == nil {
		t.Error("queue wait longer than the request timeout: no error")
	}
	s := MustOpenServer(t, Config{})
	s2, err := New(Config{Addr: s.Addr().String(), DefaultModel: MustSmallModel(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Open(); err == nil {
		s2.Close()
		t.Error("Open on a port in use: no error")
	}
	if err := s2.Close(); err != nil {
		t.Errorf("Close of a server never opened: %v", err)
	}
	c := Config{}.withDefaults()
	if c.MaxBodyBytes != 8<<20 || c.TrainWeight != 20 || c.MaxQueue != 4*c.MaxInFlight || c.Logger == nil {
		t.Errorf("defaults: %+v", c)
	}
}
