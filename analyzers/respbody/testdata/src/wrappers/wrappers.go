package wrappers

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

type api struct {
	c    *http.Client
	base string
}

// get hands its response to the caller, who must close it.
func (a *api) get(path string) (*http.Response, error) {
	return a.c.Get(a.base + path)
}

// getOK returns the response only when the status is OK.
func (a *api) getOK(path string) (*http.Response, error) {
	resp, err := a.get(path)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

func (a *api) user(id string) ([]byte, error) {
	resp, err := a.getOK("/users/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func (a *api) userLeak(id string) (int, error) {
	resp, err := a.getOK("/users/" + id) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func (a *api) secondLeaks() (*http.Response, error) {
	first, err := a.get("/a") // want `first.Body is not closed`
	if err != nil {
		return nil, err
	}
	_ = first.StatusCode
	return a.get("/b")
}

// openBody hands the body to the caller.
func (a *api) openBody(path string) (io.ReadCloser, error) {
	resp, err := a.get(path)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (a *api) useBody() error {
	body, err := a.openBody("/x")
	if err != nil {
		return err
	}
	defer body.Close()
	_, err = io.Copy(io.Discard, body)
	return err
}

func (a *api) useBodyLeak() error {
	body, err := a.openBody("/x") // want `body is not closed`
	if err != nil {
		return err
	}
	_, err = io.CopyN(io.Discard, body, 512)
	return err
}

// buffered reads the body, closes it and replaces it with an in-memory
// copy: its callers need not close anything.
func buffered(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}

func useBuffered(c *http.Client, req *http.Request) int {
	resp, err := buffered(c, req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// check passes the response through.
func check(resp *http.Response) *http.Response { return resp }

func passThrough(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	r := check(resp)
	defer r.Body.Close()
	_, err = io.ReadAll(r.Body)
	return err
}

// logStatus neither closes nor keeps the response.
func logStatus(resp *http.Response) { fmt.Println(resp.Status) }

func passedToNonCloser(u string) error {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return err
	}
	logStatus(resp)
	return nil
}

// closeResp closes on every path.
func closeResp(resp *http.Response) {
	if resp == nil {
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func passedToCloser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer closeResp(resp)
	return nil
}

// deferCloser defers the close itself.
func deferCloser(resp *http.Response) error {
	defer resp.Body.Close()
	_, err := io.ReadAll(resp.Body)
	return err
}

func passedToDeferCloser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	return deferCloser(resp)
}

//bodyclose:handled
func handled(u string) (*http.Response, error) { return http.Get(u) }

func useHandled(u string) {
	_, _ = handled(u) // the wrapper says its callers need not close
}

func recursive(c *http.Client, req *http.Request, n int) (*http.Response, error) {
	if n == 0 {
		return c.Do(req)
	}
	return recursive(c, req, n-1)
}

// checkStatus closes the body when it returns an error.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func checked(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	if err := checkStatus(resp); err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

// closeIfFailed closes only on some paths and its caller cannot tell which.
func closeIfFailed(resp *http.Response) {
	if resp.StatusCode >= 400 {
		resp.Body.Close()
	}
}

func closedSometimes(u string) error {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return err
	}
	closeIfFailed(resp)
	return nil
}

// send returns the response along with checkStatus's verdict, which closes
// it on error: callers still get the response.
func send(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, checkStatus(resp)
}

func sendLeak(c *http.Client, req *http.Request) (int, error) {
	resp, err := send(c, req) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func sendClosed(c *http.Client, req *http.Request) error {
	resp, err := send(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

// fetchElsewhere has no body here (assembly, go:linkname, or a body that
// ssapass did not build): respbody cannot see whether its response is
// fresh, so callers are not judged by it. An interface method of the
// package with the same signature is judged: see generics.Doer.
func fetchElsewhere(u string) (*http.Response, error)

func useElsewhere(u string) int {
	resp, err := fetchElsewhere(u)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Copied to EOF, never closed: the connection is back in the pool.
func (a *api) useBodyReadToEOF() error {
	body, err := a.openBody("/x")
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, body)
	return err
}
