package reuse

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"
)

// The request is built once and re-sent: its body is gone after the first
// attempt.
func reused(c *http.Client, u string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// Rebuilt in each attempt.
func rebuilt(c *http.Client, u string, body []byte) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
		var req *http.Request
		req, err = http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// Rewound from GetBody in each attempt.
func rewound(c *http.Client, u string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for i := 0; i < 3; i++ {
		if i > 0 {
			req.Body, _ = req.GetBody()
		}
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// WithContext shares the body.
func withContext(ctx context.Context, c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("x"))
	for {
		resp, err := c.Do(req.WithContext(ctx)) // want `req\.WithContext\(ctx\) is sent again by a retry loop`
		if err != nil {
			continue
		}
		return resp.Body.Close()
	}
}

// No body: nothing is consumed.
func noBody(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	for {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		return resp.Body.Close()
	}
}

// Empty bodies: NewRequest sends NoBody for them, the same in every
// attempt.
func emptyBodies(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(""))
	buf, _ := http.NewRequest(http.MethodPost, u, bytes.NewBuffer(nil))
	for {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp, err = c.Do(buf); err != nil {
			continue
		}
		return resp.Body.Close()
	}
}

// A retry helper around a closure that captures the request.
func retry(f func() error) error {
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

func captured(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader("x"))
	return retry(func() error {
		resp, err := c.Do(req) // want `req is sent again by a retry loop`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func capturedRebuilt(c *http.Client, u string) error {
	return retry(func() error {
		req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader("x"))
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// An unexported function re-sent by its caller's loop.
func send(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `req is sent again by a retry loop`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func loopCaller(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPatch, u, strings.NewReader("x"))
	for i := 0; ; i++ {
		if err := send(c, req); err == nil || i == 3 {
			return err
		}
	}
}

func loopCallerRebuilt(c *http.Client, u string) error {
	for i := 0; ; i++ {
		req, _ := http.NewRequest(http.MethodPatch, u, strings.NewReader("x"))
		if err := send(c, req); err == nil || i == 3 {
			return err
		}
	}
}

// The shape of bdd/runitor before PR #181: a POST helper's io.Reader
// parameter is the body it exists to send, read to its end by the first
// attempt.
func PostBody(c *http.Client, u string, body io.Reader) error {
	req, _ := http.NewRequest(http.MethodPost, u, body)
	for {
		if _, err := c.Do(req); err == nil { // want `req is sent again by a retry loop after its body was consumed`
			return nil
		}
	}
}

// The same loop with GET: a reader given to a GET is no body it means to
// send.
func getWithReader(c *http.Client, u string, body io.Reader) error {
	req, _ := http.NewRequest(http.MethodGet, u, body)
	for {
		if _, err := c.Do(req); err == nil {
			return nil
		}
	}
}

// A helper whose callers in the package all pass nil.
func postEmpty(c *http.Client, u string, body io.Reader) error {
	req, _ := http.NewRequest(http.MethodPost, u, body)
	for {
		if _, err := c.Do(req); err == nil {
			return nil
		}
	}
}

func ping(c *http.Client, u string) error { return postEmpty(c, u, nil) }

// The shape of statuscake-go before PR #18, a generated API client: a
// debug dump of the request puts a copy of its body back, and the retry
// loop still re-sends the consumed body.
func reusedDumped(c *http.Client, u string, body []byte, debug bool) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if debug {
		if dump, err := httputil.DumpRequestOut(req, true); err == nil {
			log.Printf("%s", dump)
		}
	}
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// After the fix: each attempt builds its request, dumped when debugging.
func rebuiltDumped(c *http.Client, u string, body []byte, debug bool) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
		var req *http.Request
		if req, err = http.NewRequest(http.MethodPost, u, bytes.NewReader(body)); err != nil {
			return nil, err
		}
		if debug {
			if dump, err := httputil.DumpRequestOut(req, true); err == nil {
				log.Printf("%s", dump)
			}
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// cloudevents/sdk-go#774: a request literal given its body by a helper of
// the package (a copy of http.NewRequest's body handling, GetBody
// included) before the retry loop: every attempt re-sends the body the
// first one consumed. GetBody rewinds only for net/http's own retries and
// redirects, not for a request the caller sends again.
func setBody(req *http.Request, body io.Reader) {
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	req.Body = rc
	if v, ok := body.(*bytes.Reader); ok {
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			r := snapshot
			return io.NopCloser(&r), nil
		}
	}
}

func sendEvent(c *http.Client, u *url.URL, event []byte) error {
	req := &http.Request{Method: http.MethodPost, Header: http.Header{}, URL: u}
	setBody(req, bytes.NewReader(event))
	for try := 0; try < 3; try++ {
		resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// The body set again in each attempt by the helper: quiet.
func sendEventReset(c *http.Client, u *url.URL, event []byte) error {
	req := &http.Request{Method: http.MethodPost, Header: http.Header{}, URL: u}
	for try := 0; try < 3; try++ {
		setBody(req, bytes.NewReader(event))
		resp, err := c.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// A helper that the package also calls elsewhere, where it may set a body
// per attempt: the store is not known to run once.
func sendWith(c *http.Client, req *http.Request, event []byte) error {
	resetBody(req, event)
	for try := 0; try < 3; try++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
		resetBody(req, event)
	}
	return nil
}

func resetBody(req *http.Request, event []byte) { req.Body = io.NopCloser(bytes.NewReader(event)) }

// A body given as io.NopCloser of a reader, stored on a request built
// without one: the reader is consumed by the first attempt.
func sendWrapped(c *http.Client, u *url.URL, event []byte) error {
	req := &http.Request{Method: http.MethodPost, Header: http.Header{}, URL: u}
	req.Body = io.NopCloser(bytes.NewReader(event))
	for try := 0; try < 3; try++ {
		resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}
