// Package restore puts a socket back into non-blocking mode through
// another copy of it than the file whose Fd was taken: every File() of a
// connection shares its open file description, O_NONBLOCK included, so a
// restore on any of them undoes Fd, when it comes after it on every path.
package restore

import (
	"net"
	"os"
	"syscall"
)

// name takes the socket out of non-blocking mode and leaves it so; its
// callers put it back.
func name(c *net.UDPConn) (syscall.Sockaddr, error) {
	f, err := c.File()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syscall.Getsockname(int(f.Fd()))
}

// tune sets an option and puts the socket back into non-blocking mode,
// on every path on which it does not fail.
func tune(c *net.UDPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_IP, syscall.IP_PKTINFO, 1); err != nil {
		return err
	}
	return syscall.SetNonblock(int(f.Fd()), true)
}

// Setup is miekg/dns's shape after its fix: name's Fd is undone by tune,
// in each case the switch handles.
func Setup(c *net.UDPConn) error {
	sa, err := name(c)
	if err != nil {
		return err
	}
	switch sa.(type) {
	case *syscall.SockaddrInet4, *syscall.SockaddrInet6:
		tune(c)
	}
	return nil
}

// Another File() of the same connection put back, on every path.
func OtherCopy(c *net.TCPConn) (int, error) {
	f, err := c.File()
	if err != nil {
		return 0, err
	}
	n, err := syscall.GetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_RCVBUF)
	f.Close()
	if err != nil {
		return 0, err
	}
	g, err := c.File()
	if err != nil {
		return 0, err
	}
	defer g.Close()
	return n, syscall.SetNonblock(int(g.Fd()), true)
}

// net.FileConn dups the file and puts the dup into non-blocking mode.
func Converted(c *net.TCPConn) (net.Conn, error) {
	f, err := c.File()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_SNDBUF, 1<<20); err != nil {
		return nil, err
	}
	return net.FileConn(f)
}

// Put back on some paths only.
func SomePaths(c *net.TCPConn, fast bool) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
	if fast {
		g, err := c.File()
		if err != nil {
			return err
		}
		defer g.Close()
		syscall.SetNonblock(int(g.Fd()), true)
	}
	return nil
}

// Another connection put back: c stays blocking.
func OtherSocket(c, d *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
	_, err = net.FileConn(mustFile(d))
	return err
}

func mustFile(d *net.TCPConn) *os.File {
	g, err := d.File()
	if err != nil {
		panic(err)
	}
	return g
}

// lookup's callers put the socket back before it, not after.
func lookup(c *net.UDPConn) (syscall.Sockaddr, error) {
	f, err := c.File() // want `c.File\(\) is used through Fd`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syscall.Getsockname(int(f.Fd()))
}

func Before(c *net.UDPConn) (syscall.Sockaddr, error) {
	if err := tune(c); err != nil {
		return nil, err
	}
	return lookup(c)
}

// maybe puts the socket back on some paths only: no restore for its
// callers.
func maybe(c *net.UDPConn, on bool) {
	if !on {
		return
	}
	tune(c)
}

// probe's caller calls maybe after it.
func probe(c *net.UDPConn) (syscall.Sockaddr, error) {
	f, err := c.File() // want `c.File\(\) is used through Fd`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syscall.Getsockname(int(f.Fd()))
}

func Probe(c *net.UDPConn, on bool) {
	probe(c)
	maybe(c, on)
}

// File() called through a method value: the socket is the value bound to
// it, and the other File()'s restore on every path undoes the Fd.
func BoundRestored(c *net.TCPConn) error {
	file := c.File
	f, err := file()
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1<<20); err != nil {
		return err
	}
	g, err := c.File()
	if err != nil {
		return err
	}
	defer g.Close()
	return syscall.SetNonblock(int(g.Fd()), true)
}

// The same through a method value, never restored.
func BoundNotRestored(c *net.TCPConn) error {
	file := c.File
	f, err := file() // want `file\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1<<20)
}
