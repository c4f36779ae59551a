package server

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnowlabs/winnow/classifier"
)

// TestLoad measures the server on the fixture pages: a fixed number of
// POST /v1/clean requests (gzipped HTML, as a crawler sends them) from a
// few concurrent clients, on 127.0.0.1 only, within a time bound. It
// reports requests/s and p50/p99 latency. Skipped unless WINNOW_LOAD=1:
//
//	WINNOW_LOAD=1 go test -run TestLoad -v ./server/
//
// WINNOW_LOAD_N (default 2000) and WINNOW_LOAD_CLIENTS (default 8) change
// the request count and concurrency.
func TestLoad(t *testing.T) {
	if os.Getenv("WINNOW_LOAD") != "1" {
		t.Skip("set WINNOW_LOAD=1 to run the load check")
	}
	n := envInt(t, "WINNOW_LOAD_N", 2000)
	clients := envInt(t, "WINNOW_LOAD_CLIENTS", 8)
	const bound = 5 * time.Minute
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := MustOpenServer(t, Config{Addr: "127.0.0.1:0", DefaultModel: model, MaxInFlight: clients, MaxQueue: clients})
	var pages [][]byte
	var bytesIn int
	for _, name := range fixtures(t) {
		pages = append(pages, fixture(t, name))
		bytesIn += len(pages[len(pages)-1])
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: time.Minute}
	lat := make([]time.Duration, n)
	var next, failed atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || time.Since(start) > bound {
					return
				}
				req, _ := http.NewRequest("POST", s.URL()+"/v1/clean", bytes.NewReader(pages[i%len(pages)]))
				req.Header.Set("Content-Type", "text/html")
				req.Header.Set("Content-Encoding", "gzip")
				t0 := time.Now()
				resp, err := hc.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				lat[i] = time.Since(t0)
				if err != nil || resp.StatusCode != 200 {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if int(next.Load()) < n {
		t.Fatalf("only %d of %d requests within %v", next.Load(), n, bound)
	}
	if f := failed.Load(); f > 0 {
		t.Errorf("%d of %d requests failed", f, n)
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("%d requests (%d fixture pages, %d KiB gzipped), %d clients, GOMAXPROCS %d: %.1f requests/s, p50 %v, p99 %v, max %v",
		n, len(pages), bytesIn>>10, clients, runtime.GOMAXPROCS(0), float64(n)/elapsed.Seconds(),
		q(0.50).Round(100*time.Microsecond), q(0.99).Round(100*time.Microsecond), lat[len(lat)-1].Round(100*time.Microsecond))
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}
