package loops

import (
	"io"
	"net"
	"net/http"
	"time"
)

// The loop goes round only when the error is a timeout: a successful type
// assertion of the error means Do failed, and a failed Do returns no
// response (or, for a CheckRedirect error, one whose body is closed).
func getOnTimeout(c *http.Client, req *http.Request) ([]byte, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if nerr, ok := err.(net.Error); ok && nerr.Timeout() {
			time.Sleep(time.Second)
		} else {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The bad twin: the assertion is of something else than the error, so a
// live response goes round the loop.
func getOnSlowStatus(c *http.Client, req *http.Request, last any) ([]byte, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req) // want `resp.Body is not closed before c.Do runs again in the loop`
		if err != nil {
			return nil, err
		}
		if _, ok := last.(net.Error); ok && resp.StatusCode == http.StatusServiceUnavailable {
			time.Sleep(time.Second)
		} else {
			break
		}
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// A type switch on the error tests it the same way: only a failed Do has
// a dynamic type.
func getUnlessRefused(c *http.Client, req *http.Request) ([]byte, error) {
	for {
		resp, err := c.Do(req)
		switch err.(type) {
		case *net.OpError:
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
}
