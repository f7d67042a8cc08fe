//go:build linux

// Package bad is the shape of m-lab/ndt-server before PR #371: the TCP_INFO
// of a measurement connection is read through conn.File().Fd(), which
// clears O_NONBLOCK on the shared socket, so conn.Close blocked forever
// when no data arrived (issue #361).
package bad

import (
	"net"
	"syscall"
	"unsafe"
)

func GetTCPInfo(tc *net.TCPConn) (*syscall.TCPInfo, error) {
	fp, err := tc.File()
	if err != nil {
		return nil, err
	}
	defer fp.Close()
	var info syscall.TCPInfo
	size := uint32(syscall.SizeofTCPInfo)
	_, _, errno := syscall.Syscall6(syscall.SYS_GETSOCKOPT, fp.Fd(), syscall.SOL_TCP, syscall.TCP_INFO,
		uintptr(unsafe.Pointer(&info)), uintptr(unsafe.Pointer(&size)), 0)
	if errno != 0 {
		return nil, errno
	}
	return &info, nil
}
