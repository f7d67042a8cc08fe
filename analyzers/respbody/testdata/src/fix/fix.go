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
