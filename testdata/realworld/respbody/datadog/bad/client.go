// Package bad is the shape of DataDog/datadog-agent's fleet local API
// client before PR #47599: the deferred Close comes after two early
// returns, so a bad status leaks the connection.
package bad

import (
	"encoding/json"
	"fmt"
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
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	var s Status
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, err
	}
	return &s, nil
}
