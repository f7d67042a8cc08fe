// Package recall holds the shapes of real fixes that connfile missed.
package recall

import (
	"net"
	"os"
	"syscall"
	"unsafe"
)

// A listener's File shares the non-blocking flag like a connection's.
func ReuseListener(l *net.TCPListener) error {
	f, err := l.File() // want `l.File\(\) is used to set socket options through Fd \(the listener's socket switches to blocking mode`
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
}

func ReuseListenerGood(l *net.TCPListener) error {
	raw, err := l.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := raw.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
	}); err != nil {
		return err
	}
	return serr
}

func ListenerName(l *net.UnixListener) string {
	f, _ := l.File() // want `l.File\(\) is never closed \(the duplicate descriptor leaks and keeps the socket open after the listener is closed\)`
	return f.Name()
}

func ListenerNameGood(l *net.UnixListener) string {
	f, err := l.File()
	if err != nil {
		return ""
	}
	defer f.Close()
	return f.Name()
}

// A socket option set with a raw system call.
func RawNoDelay(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	one := int32(1)
	_, _, errno := syscall.Syscall6(syscall.SYS_SETSOCKOPT, f.Fd(), syscall.IPPROTO_TCP, syscall.TCP_NODELAY,
		uintptr(unsafe.Pointer(&one)), unsafe.Sizeof(one), 0)
	if errno != 0 {
		return errno
	}
	return nil
}

// Reading an option with a raw system call.
func RawGetsockopt(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to read socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	var v int32
	l := uint32(unsafe.Sizeof(v))
	_, _, errno := syscall.Syscall6(syscall.SYS_GETSOCKOPT, f.Fd(), syscall.IPPROTO_TCP, syscall.TCP_NODELAY,
		uintptr(unsafe.Pointer(&v)), uintptr(unsafe.Pointer(&l)), 0)
	if errno != 0 {
		return errno
	}
	return nil
}

// The file comes from a method of the package and its callers use it.
type conn struct{ tcp *net.TCPConn }

func (c *conn) File() (*os.File, error) {
	return c.tcp.File() // want `c.tcp.File\(\) is used to set socket options through Fd`
}

func (c *conn) NoDelay() error {
	f, err := c.File()
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
}

// An unexported method: its callers are all in the package.
type peer struct{ c *net.TCPConn }

func (p *peer) file() *os.File {
	f, _ := p.c.File() // want `p.c.File\(\) is never closed`
	return f
}

func (p *peer) Name() string { return p.file().Name() }

func (p *peer) dup() *os.File {
	f, _ := p.c.File()
	return f
}

func (p *peer) Close() error { return p.dup().Close() }

// Exported, the method hands the file to callers the package cannot see.
func (p *peer) File() *os.File {
	f, _ := p.c.File()
	return f
}

func (p *peer) Addr() string { return p.File().Name() }

// Called through an interface of the package: callers unseen.
type filer interface{ file2() *os.File }

func (p *peer) file2() *os.File {
	f, _ := p.c.File()
	return f
}

func name2(x filer) string { return x.file2().Name() }

// Taken as a method value: callers unseen.
func (p *peer) file3() *os.File {
	f, _ := p.c.File()
	return f
}

func name3(p *peer) func() *os.File { return p.file3 }

// The descriptor is handed to a method that names only it and syscall
// constants: its body is still built.
type sock struct{ fd int }

func (s sock) set(opt int) error {
	return setopt(s.fd, syscall.IPPROTO_TCP, opt)
}

func setopt(fd, level, opt int) error { return syscall.SetsockoptInt(fd, level, opt, 1) }

func Quick(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	return sock{fd: int(f.Fd())}.set(syscall.TCP_QUICKACK)
}

// The descriptor reaches a method that names only it and constants of the
// package; the method calls the package's own setsockopt wrapper.
const (
	levelTCP = syscall.IPPROTO_TCP
	noDelay  = syscall.TCP_NODELAY
)

type fdConn struct{ fd int }

func (c *fdConn) noDelay() error { return setsockoptInt(c.fd, levelTCP, noDelay, 1) }

type fdInfo struct{ fd int }

func (c *fdInfo) level() int { return c.fd + levelTCP } // no option set

func setsockoptInt(fd, level, opt, v int) error { return syscall.SetsockoptInt(fd, level, opt, v) }

func Wrapped(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	return (&fdConn{fd: int(f.Fd())}).noDelay()
}

// No option at all: Fd alone switches the socket to blocking mode.
func WrappedLevel(c *net.TCPConn) (int, error) {
	f, err := c.File() // want `c.File\(\) is used through Fd \(the connection's socket switches to blocking mode`
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return (&fdInfo{fd: int(f.Fd())}).level(), nil
}
