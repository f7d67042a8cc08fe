//go:build linux

// Package bad is the shape of dolthub/go-mysql-server's sockstate before PR
// #1311: to find a client connection's inode it calls File().Fd(), which
// puts the socket into blocking mode; SetDeadline stopped working and
// Close no longer ended the connection's reads.
package bad

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

func GetConnInode(c *net.TCPConn) (uint64, error) {
	f, err := c.File()
	if err != nil {
		return 0, err
	}
	defer f.Close()
	link, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(strings.TrimSuffix(strings.TrimPrefix(link, "socket:["), "]"), 10, 64)
}
