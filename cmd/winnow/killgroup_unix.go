//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// killGroup makes c's process lead a process group of its own, and its
// cancellation kill the whole group: what a shell command starts (the tool
// in "sleep 1; lynx -dump -stdin", a pipeline's other side) dies with it.
func killGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error { return syscall.Kill(-c.Process.Pid, syscall.SIGKILL) }
}
