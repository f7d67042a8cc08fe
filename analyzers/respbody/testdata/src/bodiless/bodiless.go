// Package bodiless has responses without a body: answers to HEAD, sent
// directly, through the package's own senders or another package's Head
// method, and responses whose status (1xx, 204, 304) allows no body.
package bodiless

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"example.com/sdk"
)

var errNotFound = errors.New("not found")

// A conditional GET: 304 Not Modified has no body.
func fetchIfChanged(c *http.Client, req *http.Request, cached []byte) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return cached, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// 202 Accepted may have a body.
func fetchIfAccepted(c *http.Client, req *http.Request, cached []byte) ([]byte, error) {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusAccepted {
		return cached, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func deleteItem(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusNotModified:
		return nil
	case http.StatusNotFound:
		resp.Body.Close()
		return errNotFound
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fmt.Errorf("delete: %s", b)
}

func deleteItemOK(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusOK:
		return nil
	case http.StatusNotFound:
		resp.Body.Close()
		return errNotFound
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fmt.Errorf("delete: %s", b)
}

func putNoContent(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("put: %s", b)
	}
	return nil
}

func putOK(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("put: %s", b)
	}
	return nil
}

// Client is an API client with its own senders.
type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) do(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", "bodiless")
	return c.hc.Do(req)
}

func (c *Client) send(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

// Exists sends HEAD through the package's sender that takes a method.
func (c *Client) Exists(ctx context.Context, path string) (bool, error) {
	resp, err := c.send(ctx, http.MethodHead, path)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

func (c *Client) ExistsByGet(ctx context.Context, path string) (bool, error) {
	resp, err := c.send(ctx, http.MethodGet, path) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// Ping builds a HEAD request and sends it through the package's Do wrapper.
func (c *Client) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.base, nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: status %d", resp.StatusCode)
	}
	return nil
}

func (c *Client) PingByGet(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base, nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: status %d", resp.StatusCode)
	}
	return nil
}

// Another package's sender with a Head method.
func existsSDK(c *sdk.Client, url string) bool {
	resp, err := c.Head(url)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}

func existsSDKByGet(c *sdk.Client, url string) bool {
	resp, err := c.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}
