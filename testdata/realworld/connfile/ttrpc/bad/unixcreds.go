//go:build linux

// Package bad is the shape of containerd/ttrpc's unix socket credentials
// check before PR #17: the server's handshake takes (*net.UnixConn).File
// of every accepted connection to read the peer's credentials
// (SO_PEERCRED) through f.Fd(), which leaves the shared socket in blocking
// mode, so every read and write of the connection afterwards held an OS
// thread (a 5x slowdown in the project's benchmark), and its deadlines
// stopped working. (ttrpc used golang.org/x/sys/unix's GetsockoptUcred;
// syscall's is the same call.)
package bad

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
	fp, err := uc.File()
	if err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: failed to get unix file: %w", err)
	}
	defer fp.Close() // a dup: closed when the check is done

	ucred, err := syscall.GetsockoptUcred(int(fp.Fd()), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	if err != nil {
		return nil, nil, fmt.Errorf("ttrpc.UnixCredentialsFunc: failed to retrieve socket peer credentials: %w", err)
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
