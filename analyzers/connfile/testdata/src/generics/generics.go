// Package generics sets options in generic code.
package generics

import (
	"net"
	"syscall"
)

type Option[V ~int] struct {
	Level, Name int
	Value       V
}

func Apply[V ~int](c *net.TCPConn, opts ...Option[V]) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	defer f.Close()
	for _, o := range opts {
		if err := syscall.SetsockoptInt(int(f.Fd()), o.Level, o.Name, int(o.Value)); err != nil {
			return err
		}
	}
	return nil
}

func ApplyGood[V ~int](c *net.TCPConn, opts ...Option[V]) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	for _, o := range opts {
		var serr error
		if err := raw.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), o.Level, o.Name, int(o.Value)) }); err != nil {
			return err
		}
		if serr != nil {
			return serr
		}
	}
	return nil
}

// Identity through a generic helper still reaches Setsockopt.
func id[T any](t T) T { return t }

func ViaID(c *net.TCPConn) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(id(int(f.Fd())), syscall.SOL_SOCKET, syscall.SO_KEEPALIVE, 1)
}
