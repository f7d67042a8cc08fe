package fix

import (
	"io"
	"net/http"
)

// A parameter named io hides the import: the drain imports io again as io1.
func ioParam(u string, io int) int {
	resp, err := http.Get(u) // want `closed without being read`
	if err != nil {
		return io
	}
	defer resp.Body.Close()
	return resp.StatusCode + io
}

// So does a local variable declared before the close.
func ioLocal(c *http.Client, u string) int {
	r, err := c.Get(u) // want `closed without being read`
	if err != nil {
		return 0
	}
	io := r.StatusCode
	r.Body.Close()
	return io
}

// One declared after the close does not hide the import there.
func ioLater(c *http.Client, u string) int {
	r, err := c.Get(u) // want `closed without being read`
	if err != nil {
		return 0
	}
	r.Body.Close()
	io := r.StatusCode
	return io
}

// Drained under the import's own name: nothing to fix.
func drained(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	io := resp.StatusCode
	return io, err
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
}
