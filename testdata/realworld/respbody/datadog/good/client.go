// Package good is datadog-agent after PR #47599: the deferred Close comes
// right after the error check of Do.
package good

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Status struct {
	Version string `json:"version"`
}

type localAPIClient struct {
	addr   string
	client *http.Client
}

func (c *localAPIClient) Status() (*Status, error) {
	req, err := http.NewRequest(http.MethodGet, c.addr+"/status", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, resp.Body)
		return nil, fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	var s Status
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	return &s, nil
}
