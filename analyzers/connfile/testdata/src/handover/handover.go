// Package handover passes a listener's socket to a child process.
package handover

import (
	"net"
	"os"
	"os/exec"
)

func Restart(c *net.TCPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.Command(os.Args[0])
	cmd.ExtraFiles = []*os.File{f}
	return cmd.Start()
}

// Handed over with append: passed on, quiet.
func RestartAppend(cmd *exec.Cmd, c *net.UnixConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	cmd.ExtraFiles = append(cmd.ExtraFiles, f)
	return cmd.Start()
}
