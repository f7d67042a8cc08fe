// Package user tunes sockets with lib: the descriptor leaves the package,
// so the option set in lib is not seen (a known limit), but Fd on a file
// from File() is, and so is one that user never closes.
package user

import (
	"crosspkg/lib"
	"net"
)

func Tune(c *net.TCPConn) error {
	f, err := c.File() // want `is used through Fd` `is never closed`
	if err != nil {
		return err
	}
	return lib.SetNoDelay(f.Fd())
}

func TuneGood(c *net.TCPConn) error {
	f, err := lib.Dup(c)
	if err != nil {
		return err
	}
	defer f.Close()
	return lib.SetNoDelay(f.Fd())
}
