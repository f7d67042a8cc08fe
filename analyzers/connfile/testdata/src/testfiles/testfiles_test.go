package testfiles

import (
	"net"
	"syscall"
	"testing"
)

func TestNoDelay(t *testing.T) {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Skip(err)
	}
	f, err := c.(*net.TCPConn).File() // want `the connection's socket switches to blocking mode`
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
}
