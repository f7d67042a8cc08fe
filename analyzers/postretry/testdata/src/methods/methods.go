package methods

import (
	"net/http"
	"net/url"
	"strings"
)

const create = http.MethodPost

const update = "PATCH"

func named(c *http.Client, u string) error {
	req, _ := http.NewRequest(create, u, strings.NewReader("{}"))
	resp, err := c.Do(req) // want `POST via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func literal(c *http.Client, u string) error {
	req, _ := http.NewRequest("PATCH", u, strings.NewReader("{}"))
	resp, err := c.Do(req) // want `PATCH via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func field(c *http.Client, u string) error {
	req, _ := http.NewRequest("", u, strings.NewReader("{}"))
	req.Method = update
	resp, err := c.Do(req) // want `PATCH via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func requestLiteral(c *http.Client, u *url.URL) error {
	resp, err := c.Do(&http.Request{Method: http.MethodPost, URL: u}) // want `POST via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func requestLiteralGet(c *http.Client, u *url.URL) error {
	resp, err := c.Do(&http.Request{URL: u})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func put(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPut, u, strings.NewReader("{}"))
	resp, err := c.Do(req) // PUT is not reported by default
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func dynamic(c *http.Client, method, u string) error {
	req, _ := http.NewRequest(method, u, strings.NewReader("{}"))
	resp, err := c.Do(req) // not a constant
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// newRequest builds requests for its callers.
func newRequest(u string) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	return req
}

func viaHelper(c *http.Client, u string) error {
	req := newRequest(u)
	resp, err := c.Do(req.WithContext(req.Context())) // want `POST via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// do is a wrapper: the request comes from its callers.
func do(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `POST via Client\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func viaWrapper(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	return do(c, req)
}

type service struct {
	c   *http.Client
	req *http.Request
}

// A request kept in a struct field may get an Idempotency-Key anywhere.
func (s *service) kept(u string) error {
	s.req, _ = http.NewRequest(http.MethodPatch, u, nil)
	resp, err := s.c.Do(s.req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
