// Package handover passes a listener's socket to a child process.
package handover

import (
	"net"
	"os"
	"os/exec"
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
