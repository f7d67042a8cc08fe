//go:build linux

// Package bad is the shape of osrg/gobgp before PR #118: the TCP MD5
// signature option is set through the listener's File(), whose Fd puts
// the shared socket into blocking mode.
package bad

import (
	"net"
	"syscall"
)

const tcpMD5SIG = 14

func SetTCPMD5SigSockopt(l *net.TCPListener, key string) error {
	fi, err := l.File()
	if err != nil {
		return err
	}
	defer fi.Close()
	return syscall.SetsockoptString(int(fi.Fd()), syscall.IPPROTO_TCP, tcpMD5SIG, key)
}
