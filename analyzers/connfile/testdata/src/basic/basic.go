// Package basic sets socket options through File().Fd().
package basic

import (
	"net"
	"syscall"
	"time"
)

func KeepAlive(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd \(the connection's socket switches to blocking mode`
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_KEEPINTVL, 15)
}

func KeepAliveGood(c *net.TCPConn) error {
	return c.SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Interval: 15 * time.Second})
}

func NoDelay(c *net.TCPConn) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	fd := f.Fd()
	err = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
	f.Close()
	return err
}

func NoDelayGood(c *net.TCPConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	err = raw.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
	})
	if err != nil {
		return err
	}
	return serr
}

// A Unix socket's buffer, set through Fd and never closed: two mistakes.
func Buffer(c *net.UnixConn) {
	f, _ := c.File() // want `c.File\(\) is used to set socket options` `c.File\(\) is never closed \(the duplicate descriptor leaks and keeps the socket open after the connection is closed\)`
	syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_SNDBUF, 1<<20)
}

// Fd for something other than a socket option: only the leak matters,
// and the file is closed.
func Name(c *net.UDPConn) string {
	f, err := c.File()
	if err != nil {
		return ""
	}
	defer f.Close()
	return f.Name()
}
