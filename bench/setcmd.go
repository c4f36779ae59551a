package bench

import (
	"context"
	"flag"
	"fmt"
	"io"
)

// SetBuilder writes an evaluation set to outDir and reports on w what it
// wrote ([BuildTrafilaturaSet], [BuildReadabilitySet]).
type SetBuilder func(ctx context.Context, outDir string, w io.Writer) error

// RunSetCommand is the body of a command that writes an evaluation set
// (cmd/trafset, cmd/rdbset): it parses args, whose one flag --out DIR
// (described by outHelp) says where, and calls build with stderr for its
// report. -h prints the usage on stderr and returns [flag.ErrHelp]; a
// missing --out or an argument returns a usage error that names the
// command.
func RunSetCommand(ctx context.Context, name, outHelp string, build SetBuilder, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", outHelp)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("usage: %s --out DIR", name)
	}
	return build(ctx, *out, stderr)
}
