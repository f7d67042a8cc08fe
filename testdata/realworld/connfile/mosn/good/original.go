//go:build linux

// Package good reads the original destination inside RawConn.Control, so
// the connection keeps its non-blocking socket.
package good

import (
	"net"
	"syscall"
)

const soOriginalDst = 80

func getOriginalAddr(conn net.Conn) ([]byte, int, error) {
	rc, err := conn.(*net.TCPConn).SyscallConn()
	if err != nil {
		return nil, 0, err
	}
	var addr *syscall.IPv6Mreq
	var gerr error
	if err := rc.Control(func(fd uintptr) {
		addr, gerr = syscall.GetsockoptIPv6Mreq(int(fd), syscall.IPPROTO_IP, soOriginalDst)
	}); err != nil {
		return nil, 0, err
	}
	if gerr != nil {
		return nil, 0, gerr
	}
	ip := addr.Multiaddr[4:8]
	port := int(addr.Multiaddr[2])<<8 + int(addr.Multiaddr[3])
	return ip, port, nil
}
