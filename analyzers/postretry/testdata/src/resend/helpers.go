package resend

import (
	"bytes"
	"net/http"
)

// A client whose Do sends a request once and hands it, after a failure
// or a rejection, to a helper of the package that sends it again
// (splunk/splunk-cloud-sdk-go#112).
type Client struct {
	hc    *http.Client
	token string
}

// NewRequest is exported: the request it returns may be kept elsewhere.
func (c *Client) NewRequest(u string, data []byte) (*http.Request, error) {
	return http.NewRequest(http.MethodPut, u, bytes.NewBuffer(data))
}

// The helper builds a new request around the Body of the one the first
// attempt sent: what that attempt read to its end.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return c.onUnauthorized(req)
	}
	return resp, nil
}

func (c *Client) onUnauthorized(req *http.Request) (*http.Response, error) {
	body := req.Body
	c.token = "new"
	again, err := http.NewRequest(req.Method, req.URL.String(), body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(again) // want `body is given to a new request after an earlier attempt consumed it`
}

func (c *Client) Put(u string, data []byte) error {
	req, err := c.NewRequest(u, data)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The helper sends the request it is given again, after a failure.
func (c *Client) DoOnce(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return c.again(req)
	}
	return resp, nil
}

func (c *Client) again(req *http.Request) (*http.Response, error) {
	return c.hc.Do(req) // want `req is sent again after a failed attempt consumed its body`
}

func (c *Client) PutOnce(u string, data []byte) error {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewBuffer(data))
	if err != nil {
		return err
	}
	resp, err := c.DoOnce(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same in one function: the second request is built of the first's
// Body.
func rebuiltInPlace(c *http.Client, u string, data []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err == nil {
		return resp, nil
	}
	retry, err := http.NewRequest(http.MethodPut, u, req.Body)
	if err != nil {
		return nil, err
	}
	return c.Do(retry) // want `req.Body is given to a new request after an earlier attempt consumed it`
}

// Good twins.

// The helper takes a fresh copy of the body from GetBody (the fix of
// #112): quiet.
type GoodClient struct{ hc *http.Client }

func (c *GoodClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return c.onUnauthorized(req)
	}
	return resp, nil
}

func (c *GoodClient) onUnauthorized(req *http.Request) (*http.Response, error) {
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	again, err := http.NewRequest(req.Method, req.URL.String(), body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(again)
}

func (c *GoodClient) Put(u string, data []byte) error {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewBuffer(data))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The helper rewinds the request before sending it again: quiet.
func (c *GoodClient) DoOnce(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return c.again(req)
	}
	return resp, nil
}

func (c *GoodClient) again(req *http.Request) (*http.Response, error) {
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		req.Body = body
	}
	return c.hc.Do(req)
}

func (c *GoodClient) PutOnce(u string, data []byte) error {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := c.DoOnce(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The helper rebuilds the body from the bytes it is given: quiet.
func (c *GoodClient) PutBytes(u string, data []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err == nil {
		return resp, nil
	}
	return c.fromBytes(req, data)
}

func (c *GoodClient) fromBytes(req *http.Request, data []byte) (*http.Response, error) {
	again, err := http.NewRequest(req.Method, req.URL.String(), bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return c.hc.Do(again)
}

// The helper sends the Body of a request that nothing sent before it: its
// first attempt, quiet.
func (c *GoodClient) Forward(req *http.Request, direct bool) (*http.Response, error) {
	if direct {
		return c.hc.Do(req)
	}
	return c.forward(req)
}

func (c *GoodClient) forward(req *http.Request) (*http.Response, error) {
	out, err := http.NewRequest(req.Method, "http://upstream"+req.URL.Path, req.Body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(out)
}

func (c *GoodClient) Relay(u string, data []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return c.Forward(req, false)
}

// After the first attempt the helper sends a request of its own, without
// the body (a status check): a second send, not a re-send, quiet.
func (c *GoodClient) PutThenCheck(u string, data []byte) error {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return c.check(req)
}

func (c *GoodClient) check(req *http.Request) error {
	status, err := http.NewRequest(http.MethodGet, req.URL.String(), nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(status)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The first attempt and the rebuilt one in one function, the body
// rebuilt from the bytes: quiet.
func rebuiltFromBytes(c *http.Client, u string, data []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err == nil {
		return resp, nil
	}
	retry, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return c.Do(retry)
}
