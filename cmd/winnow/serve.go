package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/server"
)

// serveUsage heads "winnow serve -h".
const serveUsage = `Usage: winnow serve [--addr HOST:PORT] [--model PATH] [flags]

Serve the HTTP API (docs/api.md): POST /v1/clean, /v1/classify, /v1/train,
/v1/model/rollback; GET /v1/model, /healthz, /readyz, /metrics.

The model at --model is loaded when the file exists, else the embedded
default model is served; training saves new versions to --model (atomically)
and keeps the previous ones in --model.history. Training needs an admin
token (WINNOW_ADMIN_TOKEN or --admin-token-file) and --model.

Every flag can also be set by an environment variable: WINNOW_ and the flag
name in capitals with - as _ (WINNOW_ADDR, WINNOW_MAX_BODY, ...). A flag on
the command line wins over the variable.

Flags:
`

// runServe is "winnow serve": it serves until ctx is cancelled (SIGINT or
// SIGTERM in main), then shuts down gracefully.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, logFormat, logLevel, err := parseServe(args, os.Getenv, stderr)
	if err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return &usageError{fmt.Sprintf("serve: log level %q: want debug, info, warn or error", logLevel)}
	}
	hopts := &slog.HandlerOptions{Level: level}
	switch logFormat {
	case "text":
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, hopts))
	case "json":
		cfg.Logger = slog.New(slog.NewJSONHandler(stderr, hopts))
	default:
		return &usageError{fmt.Sprintf("serve: log format %q: want text or json", logFormat)}
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	if err := srv.Open(); err != nil {
		return err
	}
	<-ctx.Done()
	cfg.Logger.Info("shutting down", "timeout", cfg.ShutdownTimeout)
	return srv.Close()
}

// parseServe builds the server's configuration from args and, for flags
// not given, the environment (getenv). It returns the config, the log
// format and the log level.
func parseServe(args []string, getenv func(string) string, stderr io.Writer) (server.Config, string, string, error) {
	var cfg server.Config
	fs := newFlagSet("serve", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "address to listen on (:8080 for all interfaces, :0 for a free port)")
	fs.StringVar(&cfg.ModelPath, "model", "", "model file: loaded if it exists, written by training (default: the embedded model, training off)")
	fs.IntVar(&cfg.History, "history", server.DefaultHistory, "previous model versions kept for rollback (negative: none)")
	tokenFile := fs.String("admin-token-file", "", "file holding the admin bearer token for /v1/train and rollback (or set WINNOW_ADMIN_TOKEN)")
	maxBody := byteSize(8 << 20)
	fs.Var(&maxBody, "max-body", "largest request body, as sent (e.g. 8MiB, 512KiB, 1000000)")
	fs.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", 5*time.Second, "time to read a request's headers")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", 30*time.Second, "time to read a whole request")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", 60*time.Second, "time from the end of the request headers to the end of the answer")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 120*time.Second, "how long an idle keep-alive connection stays open")
	fs.DurationVar(&cfg.RequestTimeout, "request-timeout", 30*time.Second, "processing deadline of one request (503 past it)")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "how long shutdown waits for requests in flight")
	fs.IntVar(&cfg.MaxInFlight, "max-inflight", 0, "requests processed at once (default 4 × CPUs)")
	fs.IntVar(&cfg.MaxQueue, "max-queue", 0, "requests that may wait for a slot before 503 (default 4 × max-inflight; negative: none)")
	fs.DurationVar(&cfg.QueueWait, "queue-wait", time.Second, "how long a request waits for a slot before 503")
	fs.IntVar(&cfg.MaxSamples, "max-samples", 10_000, "largest number of samples in one /v1/train request")
	fs.IntVar(&cfg.TrainWeight, "train-weight", 20, "times each /v1/train sample counts when the request gives no weight")
	fs.IntVar(&cfg.MaxTrainWeight, "max-train-weight", 1000, "largest weight a /v1/train request may give")
	logFormat := fs.String("log-format", "text", "log format: text or json (logs go to stderr)")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return cfg, "", "", err
	}
	if fs.NArg() > 0 {
		return cfg, "", "", &usageError{fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0))}
	}
	if err := flagsFromEnv(fs, getenv); err != nil {
		return cfg, "", "", err
	}
	cfg.MaxBodyBytes = int64(maxBody)
	cfg.AdminToken = getenv("WINNOW_ADMIN_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return cfg, "", "", fmt.Errorf("serve: admin token: %w", err)
		}
		cfg.AdminToken = strings.TrimSpace(string(b))
		if cfg.AdminToken == "" {
			return cfg, "", "", fmt.Errorf("serve: admin token file %s is empty", *tokenFile)
		}
	}
	return cfg, *logFormat, *logLevel, nil
}

// envName is the environment variable of a flag: WINNOW_MAX_BODY for max-body.
func envName(flagName string) string {
	return "WINNOW_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// flagsFromEnv sets each flag not given on the command line from its
// environment variable, when that is set.
func flagsFromEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		v := getenv(envName(f.Name))
		if err != nil || given[f.Name] || v == "" {
			return
		}
		if e := fs.Set(f.Name, v); e != nil {
			err = &usageError{fmt.Sprintf("serve: %s=%q: %v", envName(f.Name), v, e)}
		}
	})
	return err
}

// byteSize is a flag of a number of bytes, with an optional KB/KiB/MB/MiB/GB/GiB suffix.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}}
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			num, mult = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return fmt.Errorf("want a positive size such as 8MiB")
	}
	*b = byteSize(n * mult)
	return nil
}
