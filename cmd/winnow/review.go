package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"github.com/winnowlabs/winnow/server"
)

const reviewUsage = `Usage: winnow review [--model PATH] [--addr HOST:PORT] [--no-browser] FILE

Open the review page (see README, "Review page") on FILE: a local server
shows the page's blocks as winnow decides them; click the wrong ones and
press t to teach the model. The page opens in your browser, or the URL is
printed when no browser can be opened. Ctrl-C stops the server.

With --model, corrections are saved to PATH as new model versions (the
previous ones kept in PATH.history, for Undo); when PATH does not exist yet
the embedded default model is reviewed and the first Teach writes PATH.
Without --model the page is read-only: it shows what the embedded model does.

Flags:
`

// reviewPagePath is where the review server serves FILE; the page loads it
// from there (the URL's fragment says so).
const reviewPagePath = "/review/page"

// openBrowser opens url in the user's browser; replaced in tests.
var openBrowser = systemBrowser

// runReview is "winnow review FILE": a server on a loopback port with the
// API, the review page and FILE, until ctx is cancelled (Ctrl-C).
func runReview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("review", stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, reviewUsage)
		fs.PrintDefaults()
	}
	modelPath := fs.String("model", "", "model file to teach: loaded if it exists, written by Teach (default: the embedded model, read-only)")
	addr := fs.String("addr", "127.0.0.1:0", "address to listen on (default: a free loopback port)")
	noBrowser := fs.Bool("no-browser", false, "do not open a browser; print the URL only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &usageError{"review: want one FILE"}
	}
	file := fs.Arg(0)
	const maxPage = 8 << 20 // the server's default body limit
	page, err := readReviewFile(file, maxPage)
	if err != nil {
		return err
	}

	cfg := server.Config{Addr: *addr, ModelPath: *modelPath, MaxBodyBytes: maxPage}
	token := ""
	if *modelPath != "" {
		// A token for this run only, handed to the page in the URL's
		// fragment (which the browser does not send to the server).
		b := make([]byte, 16)
		rand.Read(b)
		token = hex.EncodeToString(b)
		cfg.AdminToken = token
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+reviewPagePath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(page)
	})
	mux.Handle("/", srv.Handler())
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("review: %w", err)
	}
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 2 * time.Minute}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	frag := url.Values{"src": {reviewPagePath}, "name": {filepath.Base(file)}}
	if token != "" {
		frag.Set("token", token)
	}
	u := "http://" + ln.Addr().String() + "/#" + frag.Encode()
	mode := "read-only (no --model)"
	if *modelPath != "" {
		mode = "teaching " + *modelPath
	}
	fmt.Fprintf(stdout, "Reviewing %s, %s. Ctrl-C stops.\n", file, mode)
	opened := false
	if !*noBrowser {
		if err := openBrowser(u); err != nil {
			fmt.Fprintf(stderr, "winnow: review: no browser opened: %v\n", err)
		} else {
			opened = true
		}
	}
	if opened {
		fmt.Fprintf(stdout, "Opened in your browser: %s\n", u)
	} else {
		fmt.Fprintf(stdout, "Open this URL in a browser: %s\n", u)
	}

	select {
	case <-ctx.Done():
	case err := <-served:
		return fmt.Errorf("review: %w", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = hs.Shutdown(sctx)
	if err != nil {
		hs.Close()
	}
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	srv.Close()
	if err != nil {
		return fmt.Errorf("review: stop: %w", err)
	}
	return nil
}

// readReviewFile reads FILE (- for stdin is not offered: the page is
// re-read by the browser) up to max bytes.
func readReviewFile(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("review: %s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("review: %s is larger than %d bytes", name, max)
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("review: %s is empty", name)
	}
	return b, nil
}

// systemBrowser opens url with the desktop's opener: xdg-open (Linux and
// the BSDs, when a display is set), open (macOS) or the URL handler
// (Windows). It fails when there is no such program, no display, or the
// opener fails within a few seconds.
func systemBrowser(u string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		// Without a display xdg-open falls back to a text browser in this
		// terminal, which would fight with the server's output.
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("no display (DISPLAY and WAYLAND_DISPLAY are not set)")
		}
		cmd = exec.Command("xdg-open", u)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(cmd.Path), err)
		}
		return nil
	case <-time.After(3 * time.Second):
		return nil // still running: a browser that stays in the foreground
	}
}
