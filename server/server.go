package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/winnowlabs/winnow/classifier"
)

// Config configures a [Server]. The zero value means the defaults given
// on each field, so a Config can be built from flags, environment
// variables or JSON without repeating them.
type Config struct {
	// Addr is the address to listen on. Default "127.0.0.1:8080"; ":0"
	// picks a free port (see [Server.Addr]).
	Addr string
	// ModelPath is the model file: loaded when it exists, written
	// (atomically) by training, with previous versions kept in
	// ModelPath+".history". Default "": serve the default model in memory,
	// with training off.
	ModelPath string
	// DefaultModel is served when ModelPath does not exist yet. Default
	// nil: the model embedded in package classifier.
	DefaultModel *classifier.Model
	// History is the number of previous model versions kept. Default 5;
	// negative keeps none.
	History int
	// AdminToken is the bearer token that /v1/train and /v1/model/rollback
	// require. Default "": training is off (403).
	AdminToken string

	// MaxBodyBytes is the largest request body, in bytes, as sent (a gzip
	// body counts compressed; what it expands to is bounded by the page
	// limits of package extract). Default 8 MiB.
	MaxBodyBytes int64
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are the
	// http.Server timeouts. Defaults 5 s, 30 s, 60 s and 120 s.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// RequestTimeout is the processing deadline of one request, after
	// which it fails with 503 "timeout". Default 30 s.
	RequestTimeout time.Duration
	// ShutdownTimeout is how long Close waits for requests in flight.
	// Default 15 s.
	ShutdownTimeout time.Duration
	// MaxInFlight is the number of requests to the /v1 endpoints processed
	// at once. Default 4 × GOMAXPROCS.
	MaxInFlight int
	// MaxQueue is the number of requests that may wait for a slot; beyond
	// it a request is refused at once with 503 "overloaded". Default
	// 4 × MaxInFlight; negative: no waiting at all.
	MaxQueue int
	// QueueWait is how long a request waits for a slot before it is refused
	// with 503 "overloaded". Default 1 s.
	QueueWait time.Duration
	// MaxSamples is the largest number of samples in one /v1/train request.
	// Default 10,000.
	MaxSamples int
	// TrainWeight is how many times each sample of /v1/train is counted
	// when the request gives no weight, so that a few corrections count
	// against a model learned from hundreds of thousands of lines.
	// Default 20.
	TrainWeight int
	// MaxTrainWeight is the largest weight a /v1/train request may give.
	// Default 1000.
	MaxTrainWeight int
	// Logger receives one line per request and the server's events.
	// Default nil: discard.
	Logger *slog.Logger
}

// withDefaults returns c with zero fields set to their defaults.
func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 8 << 20
	}
	def(&c.ReadHeaderTimeout, 5*time.Second)
	def(&c.ReadTimeout, 30*time.Second)
	def(&c.WriteTimeout, 60*time.Second)
	def(&c.IdleTimeout, 120*time.Second)
	def(&c.RequestTimeout, 30*time.Second)
	def(&c.ShutdownTimeout, 15*time.Second)
	def(&c.QueueWait, time.Second)
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	switch {
	case c.MaxQueue == 0:
		c.MaxQueue = 4 * c.MaxInFlight
	case c.MaxQueue < 0:
		c.MaxQueue = 0
	}
	if c.MaxSamples <= 0 {
		c.MaxSamples = 10_000
	}
	if c.MaxTrainWeight <= 0 {
		c.MaxTrainWeight = 1000
	}
	if c.TrainWeight <= 0 {
		c.TrainWeight = min(20, c.MaxTrainWeight)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// Server is the winnow HTTP service: cleaning, classifying and training
// over HTTP. Build one with [New], start it with [Server.Open] and stop it
// with [Server.Close]; or use [Server.Handler] in a server of your own.
type Server struct {
	cfg     Config
	log     *slog.Logger
	store   *Store
	metrics *metrics
	router  *chi.Mux
	limit   *limiter

	httpServer *http.Server
	ln         net.Listener
	served     chan error // Serve's result
	closing    atomic.Bool
	closeOnce  sync.Once
	closeErr   error
}

// New builds a server from cfg: it opens the model store (see
// [OpenStore]) and registers the routes. It does not listen yet.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if cfg.QueueWait > cfg.RequestTimeout {
		return nil, fmt.Errorf("server: queue wait %v is longer than the request timeout %v", cfg.QueueWait, cfg.RequestTimeout)
	}
	store, err := OpenStore(cfg.ModelPath, cfg.History, cfg.DefaultModel)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger,
		store:   store,
		metrics: newMetrics(),
		limit:   newLimiter(cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait),
	}
	s.metrics.modelVersion.Set(float64(store.Model().Info().Version))
	s.routes()
	return s, nil
}

// routes registers the middleware and the endpoints.
func (s *Server) routes() {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.observe, s.recoverer)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errorf(http.StatusNotFound, codeNotFound, "no endpoint %s", r.URL.Path))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errorf(http.StatusMethodNotAllowed, codeMethod, "method %s not allowed on %s", r.Method, r.URL.Path))
	})
	r.Get("/healthz", s.handleHealth)
	r.Get("/readyz", s.handleReady)
	r.Handle("/metrics", s.metrics.handler())
	r.Get("/", s.handleUI)     // the review page (ui.go)
	r.Get("/ui/*", s.handleUI) // its script and style
	r.Route("/v1", func(r chi.Router) {
		r.Use(middleware.RequestSize(s.cfg.MaxBodyBytes), s.throttle, s.deadline)
		r.Post("/clean", s.handleClean)
		r.Post("/classify", s.handleClassify)
		r.Get("/model", s.handleModel)
		r.Group(func(r chi.Router) {
			r.Use(s.requireAdmin)
			r.Post("/train", s.handleTrain)
			r.Post("/model/rollback", s.handleRollback)
		})
	})
	s.router = r
}

// Handler returns the server's handler, for use in an http.Server of
// your own (Open does not need to be called then).
func (s *Server) Handler() http.Handler { return s.router }

// Store returns the server's model store.
func (s *Server) Store() *Store { return s.store }

// Open listens on Config.Addr and serves in the background. It returns
// once the listener is open, so a port clash fails here and, with ":0",
// [Server.Addr] is the port picked.
func (s *Server) Open() error {
	if s.ln != nil {
		return errors.New("server: already open")
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	s.ln = ln
	s.httpServer = &http.Server{
		Handler:           s.router,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.served = make(chan error, 1)
	go func() { s.served <- s.httpServer.Serve(ln) }()
	s.log.Info("listening", "addr", ln.Addr().String(), "model", s.store.Path(),
		"model_version", s.store.Model().Info().Version, "training", s.trainingOn())
	return nil
}

// Addr returns the address the server listens on (nil before Open).
func (s *Server) Addr() net.Addr {
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// URL returns "http://" and the listening address.
func (s *Server) URL() string { return "http://" + s.Addr().String() }

// Close stops the server gracefully: /readyz turns 503, no new
// connections are accepted, and requests in flight get up to
// Config.ShutdownTimeout to finish before their connections are closed.
// Calling Close more than once returns the first result.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	return s.Shutdown(ctx)
}

// Shutdown is Close with the caller's deadline.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closeOnce.Do(func() {
		s.closing.Store(true)
		if s.httpServer == nil {
			return
		}
		err := s.httpServer.Shutdown(ctx)
		if err != nil {
			s.log.Warn("shutdown deadline passed; closing connections", "error", err)
			s.httpServer.Close()
		}
		if serr := <-s.served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
			err = errors.Join(err, serr)
		}
		if err != nil {
			s.closeErr = fmt.Errorf("server: shutdown: %w", err)
		}
		s.log.Info("stopped")
	})
	return s.closeErr
}

// trainingOn reports whether /v1/train can work: a token and a path.
func (s *Server) trainingOn() bool { return s.cfg.AdminToken != "" && s.store.Path() != "" }

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	switch {
	case s.closing.Load():
		s.writeError(w, r, errorf(http.StatusServiceUnavailable, "shutting_down", "the server is shutting down"))
	case s.store.Model() == nil:
		s.writeError(w, r, errorf(http.StatusServiceUnavailable, "not_ready", "no model loaded"))
	default:
		writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "model_version": s.store.Model().Info().Version})
	}
}
