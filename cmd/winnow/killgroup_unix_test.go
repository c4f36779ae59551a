//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTextExporterKillsGroup checks that a text export command killed for
// taking too long takes what it started with it.
func TestTextExporterKillsGroup(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	e := textExporter{cmd: fmt.Sprintf("sleep 30 & echo $! > %s; wait", pidFile), timeout: 300 * time.Millisecond}
	if _, err := e.export(t.Context(), []byte("<p>A page.</p>")); err == nil {
		t.Fatal("export by a command past its time: no error")
	}
	raw, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if !alive(pid) {
			return
		}
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the command's child %d still runs after its command was killed", pid)
		}
	}
}

// alive reports whether process pid runs: it exists and, where /proc tells,
// is no zombie waiting for a parent that was killed to be reaped.
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !errors.Is(err, os.ErrNotExist) || !dirExists("/proc/self")
	}
	// The state follows the command name, which ends in ')'.
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

// dirExists reports whether dir is a directory.
func dirExists(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}
