package reuse

import (
	"errors"
	"net/http"

	"golang.org/x/net/http2"
)

// Over x/net's HTTP/2-only transport a response is one stream of a shared
// connection: closing it unread resets the stream, and the connection is
// reused. Not closing it at all still keeps the stream open.

type h2Client struct{ HTTPClient *http.Client }

func newH2Client() *h2Client {
	return &h2Client{HTTPClient: &http.Client{Transport: &http2.Transport{AllowHTTP: true}}}
}

func (c *h2Client) promote(u string) error {
	resp, err := c.HTTPClient.Post(u, "", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("not promoted")
	}
	return nil
}

func (c *h2Client) ping(u string) error {
	resp, err := c.HTTPClient.Get(u)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func h2Local(u string) error {
	client := &http.Client{Transport: &http2.Transport{}}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *h2Client) unclosed(u string) (int, error) {
	resp, err := c.HTTPClient.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The bad twins: a client whose transport is HTTP/1 (or may be, once
// given by a caller) loses the connection on an unread close.

type anyClient struct{ HTTPClient *http.Client }

func newAnyClient(rt http.RoundTripper) *anyClient {
	return &anyClient{HTTPClient: &http.Client{Transport: rt}}
}

func (c *anyClient) promote(u string) error {
	resp, err := c.HTTPClient.Post(u, "", nil) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("not promoted")
	}
	return nil
}

var h1Transport = &http.Transport{}

func h1Local(u string) error {
	client := &http.Client{Transport: h1Transport}
	resp, err := client.Get(u) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
