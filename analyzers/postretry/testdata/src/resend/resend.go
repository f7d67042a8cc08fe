// Package resend re-sends a request after a failed first attempt without
// a loop, and through helpers and RoundTrippers that re-send the request
// they are given. PUT, which is not reported as unretried by default, keeps
// the first finding out of the way.
package resend

import (
	"bytes"
	"net/http"
	"strings"
)

// One more attempt after a failure, with the consumed body.
func twice(c *http.Client, u string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		resp, err = c.Do(req) // want `req is sent again after a failed attempt consumed its body`
	}
	return resp, err
}

// Rebuilt before the second attempt.
func twiceRebuilt(c *http.Client, u string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		req, err = http.NewRequest(http.MethodPut, u, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err = c.Do(req)
	}
	return resp, err
}

// Rewound from GetBody before the second attempt.
func twiceRewound(c *http.Client, u string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		req.Body, _ = req.GetBody()
		resp, err = c.Do(req)
	}
	return resp, err
}

// Without a body nothing is consumed.
func twiceNoBody(c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		resp, err = c.Do(req)
	}
	return resp, err
}

// Sent twice on success is not a retry of a failure (a second request).
func afterSuccess(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("x"))
	if _, err := c.Do(req); err != nil {
		return err
	}
	return nil
}

// A retry helper of the package that re-sends the request it is given.
func doRetry(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		resp, err = c.Do(req) // want `req is sent again after a failed attempt consumed its body`
	}
	return resp, err
}

func upload(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("x"))
	resp, err := doRetry(c, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same helper given only requests without a body: quiet.
func doRetryBodiless(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		resp, err = c.Do(req)
	}
	return resp, err
}

func ping(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, nil)
	resp, err := doRetryBodiless(c, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A RoundTripper of the package that retries the request it is given:
// every request with a body that a Client sends through it loses the body
// in the first attempt.
type retryTransport struct{ next http.RoundTripper }

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if resp, err = t.next.RoundTrip(req); err == nil { // want `req is sent again by a retry loop after its body was consumed`
			return resp, nil
		}
	}
	return nil, err
}

// The good twin rewinds the body before each attempt.
type rewindTransport struct{ next http.RoundTripper }

func (t *rewindTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if i > 0 && req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		if resp, err = t.next.RoundTrip(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// A wrapper that retries only requests without a body: quiet.
type bodilessTransport struct{ next http.RoundTripper }

func (t *bodilessTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		return t.next.RoundTrip(req)
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		resp, err = t.next.RoundTrip(req)
	}
	return resp, err
}

// Rebuilt by a helper of the package before the second attempt: the same
// construction, a new request.
func build(u string) *http.Request {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("x"))
	return req
}

func twiceBuilt(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Do(build(u))
	if err != nil {
		resp, err = c.Do(build(u))
	}
	return resp, err
}
