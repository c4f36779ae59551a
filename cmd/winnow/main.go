// Command winnow cleans scraped pages: it keeps the article and drops the
// menus, prompts, related lists and other junk around it.
//
// Usage:
//
//	winnow clean [flags] [FILE...]   clean pages (HTML or text, gzip or not; - or none for stdin)
//	winnow train --in FILE --out MODEL   build or update a line model from labelled lines
//	winnow label CORPUS... --out FILE   labelled lines from corpora with article bodies
//	winnow eval CORPUS...            score winnow on corpora
//	winnow help                      show this help
//
// Run "winnow clean -h" for the flags of a command.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError marks an error in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// errFailed reports that some inputs failed after their errors were already
// printed (exit status 1, nothing more to print).
var errFailed = errors.New("some inputs failed")

// exitCode prints err (unless already reported) and maps it to an exit status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "winnow: %s\n", ue.msg)
		return 2
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, errHelp):
		return 0
	default:
		fmt.Fprintf(stderr, "winnow: %v\n", err)
		return 1
	}
}

// errHelp is returned after help was printed on request.
var errHelp = errors.New("help requested")

const usage = `winnow separates the article from the chaff on scraped pages.

Usage:
  winnow clean [flags] [FILE...]   clean pages (HTML or text, gzip or not); no FILE or - reads stdin
  winnow train --in FILE --out M   build or update a line model from labelled lines
  winnow label CORPUS... --out F   labelled lines from corpora with article bodies
  winnow eval CORPUS...            score winnow on corpora (shingle F1, snippets, pages/s)
  winnow serve [flags]             serve the HTTP API (docs/api.md)
  winnow review [--model M] FILE   review FILE in a browser: flip wrong blocks, teach the model
  winnow help                      show this help

Run "winnow COMMAND -h" for a command's flags.
`

// run is the whole command; main only maps its error to an exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "clean":
		return runClean(ctx, rest, stdin, stdout, stderr)
	case "train":
		return runTrain(ctx, rest, stdout, stderr)
	case "label":
		return runLabel(ctx, rest, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "review":
		return runReview(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return &usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
