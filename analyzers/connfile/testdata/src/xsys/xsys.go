// Package xsys uses golang.org/x/sys/unix.
package xsys

import (
	"net"

	"golang.org/x/sys/unix"
)

func Idle(c *net.TCPConn) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.SetsockoptInt(int(f.Fd()), unix.IPPROTO_TCP, unix.TCP_KEEPIDLE, 30)
}

// Reading an option is not reported (a known limit).
func Read(c *net.TCPConn) (int, error) {
	f, err := c.File()
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return unix.GetsockoptInt(int(f.Fd()), unix.IPPROTO_TCP, unix.TCP_KEEPIDLE)
}
