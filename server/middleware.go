package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// observe logs one line per request and records its metrics: route,
// status, latency, body bytes read. It also returns the request id in
// the X-Request-Id header.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := middleware.GetReqID(r.Context())
		w.Header().Set("X-Request-Id", id)
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		body := &countingBody{ReadCloser: r.Body}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = body
		}
		s.metrics.inFlight.Inc()
		defer func() {
			s.metrics.inFlight.Dec()
			status := ww.Status()
			if status == 0 {
				status = http.StatusOK
			}
			route := "other"
			if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" && status != http.StatusNotFound {
				route = rc.RoutePattern()
			}
			d := time.Since(start)
			s.metrics.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
			s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
			s.metrics.bytesIn.Add(float64(body.n))
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("request_id", id),
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.String("route", route),
				slog.Int("status", status),
				slog.Int64("bytes_in", body.n),
				slog.Int("bytes_out", ww.BytesWritten()),
				slog.Duration("duration", d),
				slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(ww, r)
	})
}

// countingBody counts the bytes read from a request body.
type countingBody struct {
	io.ReadCloser
	n int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	return n, err
}

// recoverer turns a panic in a handler into a logged 500 with the
// generic message: the client never sees a stack trace.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if rec == http.ErrAbortHandler {
				panic(rec)
			}
			s.log.LogAttrs(r.Context(), slog.LevelError, "panic",
				slog.String("request_id", middleware.GetReqID(r.Context())),
				slog.String("path", r.URL.Path), slog.Any("panic", rec))
			s.writeError(w, r, errorf(http.StatusInternalServerError, codeInternal, internalMessage))
		}()
		next.ServeHTTP(w, r)
	})
}

// deadline bounds the processing of one request with Config.RequestTimeout.
func (s *Server) deadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// throttle admits at most Config.MaxInFlight requests at once; others wait
// up to Config.QueueWait, at most Config.MaxQueue of them, and are refused
// with 503 "overloaded" (and Retry-After) rather than queued without bound.
func (s *Server) throttle(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, err := s.limit.acquire(r.Context())
		if err != nil {
			s.metrics.rejected.WithLabelValues(err.Error()).Inc()
			s.writeError(w, r, errorf(http.StatusServiceUnavailable, codeOverloaded, "too many requests in flight (%s); retry later", err))
			return
		}
		defer release()
		next.ServeHTTP(w, r)
	})
}

// limiter is a counting semaphore with a bounded, time-limited queue.
type limiter struct {
	slots chan struct{} // a token per request in flight
	queue chan struct{} // a token per request waiting
	wait  time.Duration
}

func newLimiter(inFlight, queue int, wait time.Duration) *limiter {
	if inFlight < 1 || queue < 0 {
		panic("server: limiter needs at least one slot and a non-negative queue")
	}
	return &limiter{slots: make(chan struct{}, inFlight), queue: make(chan struct{}, queue), wait: wait}
}

var (
	errQueueFull = errors.New("queue full")
	errQueueWait = errors.New("queue wait exceeded")
)

// acquire takes a slot, waiting in the queue if need be. It returns the
// function that gives the slot back.
func (l *limiter) acquire(ctx context.Context) (func(), error) {
	release := func() { <-l.slots }
	select {
	case l.slots <- struct{}{}:
		return release, nil
	default:
	}
	select {
	case l.queue <- struct{}{}:
	default:
		return nil, errQueueFull
	}
	defer func() { <-l.queue }()
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		return nil, errQueueWait
	case <-ctx.Done():
		return nil, errQueueWait
	}
}

// requireAdmin lets a request through only with the admin bearer token:
// with no token configured (or no model path to save to), training is off
// and the answer is 403; a missing or wrong token is 401. The comparison
// takes the same time whatever the token.
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	want := sha256.Sum256([]byte(s.cfg.AdminToken))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.AdminToken == "" {
			s.writeError(w, r, errorf(http.StatusForbidden, codeForbidden, "training is off: the server has no admin token (WINNOW_ADMIN_TOKEN or --admin-token-file)"))
			return
		}
		auth := r.Header.Get("Authorization")
		scheme, token, ok := strings.Cut(auth, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			s.writeError(w, r, errorf(http.StatusUnauthorized, codeUnauthorized, "want Authorization: Bearer <admin token>"))
			return
		}
		got := sha256.Sum256([]byte(strings.TrimSpace(token)))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			s.writeError(w, r, errorf(http.StatusUnauthorized, codeUnauthorized, "wrong admin token"))
			return
		}
		if s.store.Path() == "" {
			s.writeError(w, r, errorf(http.StatusForbidden, codeForbidden, "training is off: the server has no model path (--model) to save to"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
