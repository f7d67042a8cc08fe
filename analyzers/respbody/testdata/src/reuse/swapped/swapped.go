// Package swapped makes an HTTP/2-only client but may give it another
// transport later: its unread closes may lose an HTTP/1 connection.
package swapped

import (
	"errors"
	"net/http"

	"golang.org/x/net/http2"
)

type Client struct{ HTTPClient *http.Client }

func NewClient() *Client {
	return &Client{HTTPClient: &http.Client{Transport: &http2.Transport{}}}
}

func (c *Client) UseHTTP1() { c.HTTPClient.Transport = &http.Transport{} }

func (c *Client) Promote(u string) error {
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
