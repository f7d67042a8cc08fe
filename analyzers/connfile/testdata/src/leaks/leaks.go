// Package leaks drops File() results.
package leaks

import (
	"net"
	"os"
)

func Inspect(c *net.TCPConn) (os.FileInfo, error) {
	f, err := c.File() // want `c.File\(\) is never closed`
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

func InspectGood(c *net.TCPConn) (os.FileInfo, error) {
	f, err := c.File()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

// The file is discarded outright.
func Discard(c *net.TCPConn) error {
	_, err := c.File() // want `is never closed`
	return err
}

// Closed through io.Closer in a helper.
func ViaHelper(c *net.TCPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	return closeIt(f)
}

func closeIt(f interface{ Close() error }) error { return f.Close() }

// Returned to the caller: the caller's to close.
func Dup(c *net.TCPConn) (*os.File, error) { return c.File() }
