//go:build linux

// Package good sets the option through SyscallConn, as gobgp later did:
// the socket stays in the runtime's non-blocking mode.
package good

import (
	"net"
	"syscall"
)

const tcpMD5SIG = 14

func SetTCPMD5SigSockopt(l *net.TCPListener, key string) error {
	rc, err := l.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) {
		serr = syscall.SetsockoptString(int(fd), syscall.IPPROTO_TCP, tcpMD5SIG, key)
	}); err != nil {
		return err
	}
	return serr
}
