// Package descriptor uses the descriptor of a File() duplicate for
// something other than setting an option: Fd switches the shared socket to
// blocking mode all the same.
package descriptor

import (
	"fmt"
	"net"
	"os"
	"syscall"
	"unsafe"
)

// Reading an option.
func Mreq(c *net.TCPConn) (*syscall.IPv6Mreq, error) {
	f, err := c.File() // want `c.File\(\) is used to read socket options through Fd \(the connection's socket switches to blocking mode`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syscall.GetsockoptIPv6Mreq(int(f.Fd()), syscall.IPPROTO_IP, 80)
}

func MreqGood(c *net.TCPConn) (*syscall.IPv6Mreq, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return nil, err
	}
	var m *syscall.IPv6Mreq
	var gerr error
	if err := raw.Control(func(fd uintptr) {
		m, gerr = syscall.GetsockoptIPv6Mreq(int(fd), syscall.IPPROTO_IP, 80)
	}); err != nil {
		return nil, err
	}
	return m, gerr
}

// Reading an option with a raw system call, on a listener.
func Info(l *net.TCPListener) (int32, error) {
	f, err := l.File() // want `l.File\(\) is used to read socket options through Fd \(the listener's socket switches to blocking mode: its Accept blocks`
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var v int32
	n := uint32(unsafe.Sizeof(v))
	_, _, errno := syscall.Syscall6(syscall.SYS_GETSOCKOPT, f.Fd(), syscall.SOL_SOCKET, syscall.SO_RCVBUF,
		uintptr(unsafe.Pointer(&v)), uintptr(unsafe.Pointer(&n)), 0)
	if errno != 0 {
		return 0, errno
	}
	return v, nil
}

// Any other use: a /proc path of the descriptor.
func Inode(c *net.TCPConn) (string, error) {
	f, err := c.File() // want `c.File\(\) is used through Fd \(the connection's socket switches to blocking mode`
	if err != nil {
		return "", err
	}
	defer f.Close()
	return os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
}

func InodeGood(c *net.TCPConn) (string, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return "", err
	}
	var link string
	var lerr error
	if err := raw.Control(func(fd uintptr) {
		link, lerr = os.Readlink(fmt.Sprintf("/proc/self/fd/%d", fd))
	}); err != nil {
		return "", err
	}
	return link, lerr
}

// Fd with the result thrown away still clears O_NONBLOCK.
func Touch(c *net.UnixConn) {
	f, err := c.File() // want `c.File\(\) is used through Fd`
	if err != nil {
		return
	}
	defer f.Close()
	f.Fd()
}

// Non-blocking mode put back on the descriptor: handled.
func Restored(c *net.TCPConn) (string, error) {
	f, err := c.File()
	if err != nil {
		return "", err
	}
	defer f.Close()
	fd := int(f.Fd())
	if err := syscall.SetNonblock(fd, true); err != nil {
		return "", err
	}
	return os.Readlink(fmt.Sprintf("/proc/self/fd/%d", fd))
}

// SetNonblock with false does not undo it.
func Blocking(c *net.TCPConn) error {
	f, err := c.File() // want `c.File\(\) is used through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetNonblock(int(f.Fd()), false)
}

// The file alone, without Fd, leaves the socket as it was.
func Stat(c *net.TCPConn) (os.FileInfo, error) {
	f, err := c.File()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

// A dup of the descriptor put back into non-blocking mode, as
// net.FileConn does: the dup shares the socket's mode, so that undoes it.
func Dup(c *net.TCPConn) (int, error) {
	f, err := c.File()
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return 0, err
	}
	return s, syscall.SetNonblock(s, true)
}

// A dup left blocking does not.
func DupBlocking(c *net.TCPConn) (int, error) {
	f, err := c.File() // want `c.File\(\) is used through Fd`
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return syscall.Dup(int(f.Fd()))
}
