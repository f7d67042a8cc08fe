// Package lib hands out descriptors and sets options on them.
package lib

import (
	"net"
	"os"
	"syscall"
)

// Dup returns the duplicate: closing it is the caller's job.
func Dup(c *net.TCPConn) (*os.File, error) { return c.File() }

// SetNoDelay sets an option on a descriptor it is given.
func SetNoDelay(fd uintptr) error {
	return syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
}
