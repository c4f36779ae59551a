//go:build !unix

package main

import "os/exec"

// killGroup leaves c as it is: outside Unix a cancelled command's own
// process is killed, and WaitDelay bounds the wait for what it started.
func killGroup(c *exec.Cmd) {}
