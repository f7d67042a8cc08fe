//go:build linux

// Package good finds the inode inside RawConn.Control, on the connection's
// own descriptor, which stays non-blocking.
package good

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

func GetConnInode(c *net.TCPConn) (uint64, error) {
	rc, err := c.SyscallConn()
	if err != nil {
		return 0, err
	}
	var link string
	var lerr error
	if err := rc.Control(func(fd uintptr) {
		link, lerr = os.Readlink(fmt.Sprintf("/proc/self/fd/%d", fd))
	}); err != nil {
		return 0, err
	}
	if lerr != nil {
		return 0, lerr
	}
	return strconv.ParseUint(strings.TrimSuffix(strings.TrimPrefix(link, "socket:["), "]"), 10, 64)
}
