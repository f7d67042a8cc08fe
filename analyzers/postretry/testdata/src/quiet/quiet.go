package quiet

import (
	"net/http"
	"strings"
)

// A client of another library with its own Do is not net/http's.
type retryingClient struct{ hc *http.Client }

func (r *retryingClient) Do(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if resp, err = r.hc.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func viaRetrying(u string) error {
	rc := &retryingClient{hc: http.DefaultClient}
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	_, err := rc.Do(req)
	return err
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func viaInterface(d doer, u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	_, err := d.Do(req)
	return err
}

// No keep-alives: every request gets a fresh connection. (Each client
// sends several requests, so that its pool would live between them.)
func noKeepAlives(us []string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, u := range us {
		if _, err := c.Post(u, "text/plain", strings.NewReader("x")); err != nil {
			return err
		}
	}
	return nil
}

func keepAlivesExplicit(us []string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: false}}
	for _, u := range us {
		if _, err := c.Post(u, "text/plain", strings.NewReader("x")); err != nil { // want `POST via Client\.Post is not retried`
			return err
		}
	}
	return nil
}

func noKeepAlivesClone(us []string) error {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	c := &http.Client{Transport: t}
	for _, u := range us {
		if _, err := c.Post(u, "text/plain", strings.NewReader("x")); err != nil {
			return err
		}
	}
	return nil
}

// A RoundTripper of the package's own may retry.
type retryTransport struct{ next http.RoundTripper }

func (t retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.next.RoundTrip(req) // the method is the caller's
}

func customTransport(u string) error {
	c := &http.Client{Transport: retryTransport{http.DefaultTransport}}
	_, err := c.Post(u, "text/plain", nil)
	return err
}

// Idempotent methods.
func idempotent(c *http.Client, u string) {
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace} {
		req, _ := http.NewRequest(m, u, nil)
		c.Do(req)
	}
	req, _ := http.NewRequest(http.MethodDelete, u, nil)
	c.Do(req)
	c.Get(u)
	http.Get(u)
}
