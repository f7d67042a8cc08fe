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

// Reading an option through Fd switches the socket to blocking mode too.
func Read(c *net.TCPConn) (int, error) {
	f, err := c.File() // want `c.File\(\) is used to read socket options through Fd`
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return unix.GetsockoptInt(int(f.Fd()), unix.IPPROTO_TCP, unix.TCP_KEEPIDLE)
}
