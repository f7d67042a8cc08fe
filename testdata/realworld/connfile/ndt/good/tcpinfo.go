//go:build linux

// Package good is ndt-server after PR #371: the option is read inside
// RawConn.Control, on the connection's own descriptor.
package good

import (
	"net"
	"syscall"
	"unsafe"
)

func GetTCPInfo(tc *net.TCPConn) (*syscall.TCPInfo, error) {
	rc, err := tc.SyscallConn()
	if err != nil {
		return nil, err
	}
	var info syscall.TCPInfo
	var errno syscall.Errno
	err = rc.Control(func(fd uintptr) {
		size := uint32(syscall.SizeofTCPInfo)
		_, _, errno = syscall.Syscall6(syscall.SYS_GETSOCKOPT, fd, syscall.SOL_TCP, syscall.TCP_INFO,
			uintptr(unsafe.Pointer(&info)), uintptr(unsafe.Pointer(&size)), 0)
	})
	if err != nil {
		return nil, err
	}
	if errno != 0 {
		return nil, errno
	}
	return &info, nil
}
