//go:build linux

// Package bad is the shape of mosn/mosn before the fix for issue #287: the
// original destination of a redirected connection is read through
// tc.File(), which leaves the socket in blocking mode for the rest of its
// life.
package bad

import (
	"net"
	"syscall"
)

const soOriginalDst = 80

func getOriginalAddr(conn net.Conn) ([]byte, int, error) {
	tc := conn.(*net.TCPConn)
	f, err := tc.File()
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	addr, err := syscall.GetsockoptIPv6Mreq(int(f.Fd()), syscall.IPPROTO_IP, soOriginalDst)
	if err != nil {
		return nil, 0, err
	}
	ip := addr.Multiaddr[4:8]
	port := int(addr.Multiaddr[2])<<8 + int(addr.Multiaddr[3])
	return ip, port, nil
}
