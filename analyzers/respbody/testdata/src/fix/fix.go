package fix

import (
	"net/http"
)

func statusOnly(u string) (bool, error) {
	resp, err := http.Get(u) // want `closed without being read`
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func plainClose(c *http.Client, u string) int {
	r, err := c.Get(u) // want `closed without being read`
	if err != nil {
		return 0
	}
	code := r.StatusCode
	r.Body.Close()
	return code
}

// The deferred close applies to the first response even though resp is
// assigned the second one later: the fix keeps it so.
func reassigned(u string) (int, error) {
	resp, err := http.Get(u) // want `closed without being read`
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	first := resp.StatusCode
	resp, err = http.Head(u)
	if err != nil {
		return first, err
	}
	return first + resp.StatusCode, resp.Body.Close()
}
