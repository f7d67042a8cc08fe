package handoff

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
)

type bitbucket struct{ hc *http.Client }

// The shape of ktrysmt/go-bitbucket's client: raw hands back the body
// only when the caller wants one (empty false); doRequest defers its
// close, so its results pass through a variable that holds the body on
// one path only.
func (c *bitbucket) raw(req *http.Request, empty bool) (io.ReadCloser, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if empty || resp.StatusCode == http.StatusNoContent {
		resp.Body.Close()
		return nil, nil
	}
	return resp.Body, nil
}

func (c *bitbucket) doRequest(req *http.Request, empty bool) (any, error) {
	b, err := c.raw(req, empty)
	if err != nil {
		return nil, err
	}
	if empty || b == nil {
		return nil, nil
	}
	defer b.Close()
	data, err := io.ReadAll(b)
	if err != nil {
		return b, err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return data, err
	}
	return v, nil
}

func (c *bitbucket) Delete(req *http.Request) error {
	_, err := c.doRequest(req, true)
	return err
}

func (c *bitbucket) Get(req *http.Request) (any, error) {
	return c.doRequest(req, false)
}

// A raw that hands the body back whatever the caller asks: doRequest's
// empty path leaks it.
func (c *bitbucket) rawAlways(req *http.Request, empty bool) (io.ReadCloser, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if empty {
		log.Print("no answer wanted")
	}
	return resp.Body, nil
}

func (c *bitbucket) doRequestLeaks(req *http.Request, empty bool) (any, error) {
	b, err := c.rawAlways(req, empty) // want `b is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	if empty {
		return nil, nil
	}
	defer b.Close()
	return io.ReadAll(b)
}

func (c *bitbucket) DeleteLeaks(req *http.Request) error {
	_, err := c.doRequestLeaks(req, true)
	return err
}
