//go:build linux

// Package good is ttrpc's credentials check after PR #17: the peer's
// credentials are read inside SyscallConn().Control, on the connection's
// own descriptor, which stays in non-blocking mode.
package good

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
)

// UnixCredentialsFunc checks the credentials of a unix socket's peer.
type UnixCredentialsFunc func(*syscall.Ucred) error

// Handshake accepts conn when its peer's credentials pass fn.
func (fn UnixCredentialsFunc) Handshake(ctx context.Context, conn net.Conn) (net.Conn, interface{}, error) {
	uc, err := requireUnixSocket(conn)
	if err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: require unix socket: %w", err)
	}
	rs, err := uc.SyscallConn()
	if err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: (net.UnixConn).SyscallConn failed: %w", err)
	}
	var (
		ucred    *syscall.Ucred
		ucredErr error
	)
	if err := rs.Control(func(fd uintptr) {
		ucred, ucredErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: (*syscall.RawConn).Control failed: %w", err)
	}
	if ucredErr != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: failed to retrieve socket peer credentials: %w", ucredErr)
	}
	if err := fn(ucred); err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: credential check failed: %w", err)
	}
	return uc, ucred, nil
}

// UnixSocketRequireUidGid accepts only peers with the given ids (-1: any).
func UnixSocketRequireUidGid(uid, gid int) UnixCredentialsFunc {
	return func(ucred *syscall.Ucred) error {
		if (uid != -1 && uint32(uid) != ucred.Uid) || (gid != -1 && uint32(gid) != ucred.Gid) {
			return fmt.Errorf("ttrpc: invalid credentials: %w", syscall.EPERM)
		}
		return nil
	}
}

// UnixSocketRequireSameUser accepts only peers running as this process's user.
func UnixSocketRequireSameUser() UnixCredentialsFunc {
	return UnixSocketRequireUidGid(os.Getuid(), os.Getgid())
}

func requireUnixSocket(conn net.Conn) (*net.UnixConn, error) {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return nil, errors.New("a unix socket connection is required")
	}
	return uc, nil
}
