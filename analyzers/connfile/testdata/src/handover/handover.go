// Package handover passes a listener's socket to a child process.
package handover

import (
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
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

// Shaped like gin's RunFd and its test (gin.go, gin_integration_test.go):
// the listener's descriptor is adopted by os.NewFile and made a listener
// again by net.FileListener, which puts the shared socket back into
// non-blocking mode.
func RunFd(fd int) error {
	f := os.NewFile(uintptr(fd), "listener")
	defer f.Close()
	ln, err := net.FileListener(f)
	if err != nil {
		return err
	}
	defer ln.Close()
	return serve(ln)
}

func serve(ln net.Listener) error {
	c, err := ln.Accept()
	if err != nil {
		return err
	}
	return c.Close()
}

func ServeCopy(ln *net.TCPListener) error {
	f, err := ln.File()
	if err != nil {
		return err
	}
	defer f.Close()
	return RunFd(int(f.Fd()))
}

// Adopted and handed to a child process.
func RestartFd(ln *net.TCPListener) error {
	f, err := ln.File()
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.Command(os.Args[0])
	cmd.ExtraFiles = []*os.File{os.NewFile(f.Fd(), "listener")}
	return cmd.Start()
}

// Adopted but only read here: the listener's socket stays blocking.
func Peek(ln *net.TCPListener, buf []byte) error {
	f, err := ln.File() // want `ln.File\(\) is used through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	g := os.NewFile(f.Fd(), "listener")
	_, err = g.Read(buf)
	return err
}

// gin's TestFileDescriptor: the file is never closed here, but RunFd
// adopts its descriptor and closes it.
func ServeAdopted(ln *net.TCPListener) error {
	f, err := ln.File()
	if err != nil {
		return err
	}
	return RunFd(int(f.Fd()))
}

// Neither closed nor adopted: its descriptor only names a path.
func FdPath(ln *net.TCPListener) (string, error) {
	f, err := ln.File() // want `ln.File\(\) is never closed` `ln.File\(\) is used through Fd`
	if err != nil {
		return "", err
	}
	return "/proc/self/fd/" + string(rune('0'+f.Fd())), nil
}

// Shaped like certmagic's robustTryListen and its test (solvers.go,
// solvers_test.go): the descriptor leaves as text, an "fd/N" address that
// ListenFd parses back, dups and adopts, and net.FileListener puts the
// socket back into non-blocking mode. Text the package cannot follow is
// handed over: quiet. The file itself is never closed.
func ListenName(ln *net.TCPListener) (net.Listener, error) {
	f, err := ln.File() // want `ln.File\(\) is never closed`
	if err != nil {
		return nil, err
	}
	name := "fd/" + strconv.FormatUint(uint64(f.Fd()), 10)
	return ListenFd(name)
}

func ListenFd(addr string) (net.Listener, error) {
	n, err := strconv.ParseUint(strings.TrimPrefix(addr, "fd/"), 10, strconv.IntSize)
	if err != nil {
		return nil, err
	}
	fd, err := syscall.Dup(int(n))
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), addr)
	defer f.Close()
	return net.FileListener(f)
}

// The descriptor set an option on and only logged: its text goes nowhere
// but a log, so nothing takes the socket over.
func TuneLogged(ln *net.TCPListener, logger *log.Logger) error {
	f, err := ln.File() // want `ln.File\(\) is used to set socket options through Fd`
	if err != nil {
		return err
	}
	defer f.Close()
	fd := int(f.Fd())
	log.Printf("listener fd %d", fd)
	logger.Print("fd=" + strconv.Itoa(fd))
	fmt.Println("tuning", fmt.Sprint(fd))
	return syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1<<20)
}

// The descriptor's text written to a child's pipe is handed over.
func TellChild(ln *net.TCPListener, w io.Writer) error {
	f, err := ln.File()
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(w, "LISTEN_FD=%d\n", f.Fd())
	return err
}
