package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"runtime/debug"
	"strings"
)

// ModuleDir returns the directory of the module modPath (such as
// [TrafilaturaModule]) in the module cache, downloading it if need be
// (`go mod download`), at the version whose code the bench runs: the one
// built into the running program, or (in a test binary, which records no
// dependencies) the one the module of the working directory requires.
func ModuleDir(ctx context.Context, modPath string) (string, error) {
	version := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == modPath {
				version = d.Version
			}
		}
	}
	if version == "" {
		out, err := goCommand(ctx, "list", "-m", "-f", "{{.Version}}", modPath)
		if err != nil {
			return "", err
		}
		version = strings.TrimSpace(string(out))
	}
	out, err := goCommand(ctx, "mod", "download", "-json", modPath+"@"+version)
	if err != nil {
		return "", err
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return "", fmt.Errorf("bench: go mod download %s: %w", modPath, err)
	}
	if mod.Error != "" || mod.Dir == "" {
		return "", fmt.Errorf("bench: go mod download %s: no directory (%s)", modPath, mod.Error)
	}
	return mod.Dir, nil
}

// goCommand runs the go command with args and returns its standard output.
// On failure the error carries what go said: its standard error, or (for
// go mod download -json, which reports there) the Error of its JSON.
func goCommand(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		var report struct{ Error string }
		if json.Unmarshal(out, &report) == nil && report.Error != "" {
			msg = strings.TrimSpace(msg + " " + report.Error)
		}
		return nil, fmt.Errorf("bench: go %s: %w: %s", strings.Join(args, " "), err, msg)
	}
	return out, nil
}
