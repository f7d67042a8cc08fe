package flags

import (
	"net/http"
	"strings"
)

// With -postretry.methods=PUT,DELETE only those are reported.
func put(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("x"))
	_, err := c.Do(req) // want `PUT via Client\.Do is not retried`
	return err
}

func del(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodDelete, u, nil)
	_, err := c.Do(req) // want `DELETE via Client\.Do is not retried`
	return err
}

func post(c *http.Client, u string) error {
	_, err := c.Post(u, "text/plain", nil)
	return err
}
