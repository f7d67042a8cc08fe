// Package closures sets options from closures and helpers.
package closures

import (
	"net"
	"syscall"
)

func Tune(c *net.TCPConn) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	fd := int(f.Fd())
	apply := func(opt, v int) error { return syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, opt, v) }
	return apply(syscall.TCP_NODELAY, 1)
}

func TuneGood(c *net.TCPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	fd := int(f.Fd())
	apply := func(opt, v int) error {
		defer syscall.SetNonblock(fd, true) // undoes what Fd did
		return syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, opt, v)
	}
	return apply(syscall.TCP_NODELAY, 1)
}

// The descriptor goes through a helper.
func Idle(c *net.TCPConn) error {
	f, err := c.File() // want `is used to set socket options`
	if err != nil {
		return err
	}
	defer f.Close()
	return setIdle(f.Fd(), 30)
}

func setIdle(fd uintptr, secs int) error {
	return syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_KEEPIDLE, secs)
}

// The file kept in a struct and closed by a method.
type tuned struct{ f interface{ Close() error } }

func Keep(c *net.TCPConn) (*tuned, error) {
	f, err := c.File()
	if err != nil {
		return nil, err
	}
	return &tuned{f: f}, nil
}

func (t *tuned) Close() error { return t.f.Close() }
