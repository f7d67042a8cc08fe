package handoff

import (
	"errors"
	"io"
	"log"
	"net/http"
)

var errSkip = errors.New("skip")

// Results through a function's result variables (it has defers): the
// path that returns nil hands nothing back, and a comparison of the error
// with an error variable means the call failed.
func altRoundTrip(rt http.RoundTripper, req *http.Request) (_ *http.Response, err error) {
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	if resp, err := rt.RoundTrip(req); err != errSkip {
		return resp, err
	}
	return nil, nil
}

// The close-on-error idiom: the deferred closure closes the body when the
// named error is set, so the failing returns need nothing.
func openBlob(c *http.Client, u string) (rc io.ReadCloser, err error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			resp.Body.Close()
		}
	}()
	if err = checkLength(resp); err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func checkLength(resp *http.Response) error {
	if resp.ContentLength < 0 {
		return errors.New("unknown length")
	}
	return nil
}

// The shape of gregjones/httpcache's RoundTrip: on a 5xx it answers from
// the cache and drops the fresh response open; the result variable holds
// the response on other paths only.
func cachedRoundTrip(rt http.RoundTripper, req *http.Request, cached *http.Response) (resp *http.Response, err error) {
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	resp, err = rt.RoundTrip(req) // want `resp.Body is not closed on a path that returns`
	if err == nil && cached != nil && resp.StatusCode >= 500 {
		return cached, nil
	}
	return resp, err
}
