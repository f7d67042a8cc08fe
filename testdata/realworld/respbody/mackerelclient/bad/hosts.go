package bad

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Host is a host registered with Mackerel.
type Host struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

// MetricValue is one value of a metric.
type MetricValue struct {
	HostID string  `json:"hostId,omitempty"`
	Name   string  `json:"name"`
	Time   int64   `json:"time"`
	Value  float64 `json:"value"`
}

// PostHostMetricValues posts metric values of hosts.
func (c *Client) PostHostMetricValues(values []*MetricValue) error {
	resp, err := c.PostJSON("/api/v0/tsdb", values)
	defer closeResponse(resp)
	return err
}

// UpdateHostStatus sets the status of a host.
func (c *Client) UpdateHostStatus(hostID, status string) error {
	resp, err := c.PostJSON(fmt.Sprintf("/api/v0/hosts/%s/status", hostID), map[string]string{"status": status})
	defer closeResponse(resp)
	if err != nil {
		return err
	}
	return nil
}

// RetireHost retires a host.
func (c *Client) RetireHost(id string) error {
	resp, err := c.PostJSON(fmt.Sprintf("/api/v0/hosts/%s/retire", id), "{}")
	defer closeResponse(resp)
	return err
}

// FindHost returns the host with the given ID.
func (c *Client) FindHost(id string) (*Host, error) {
	req, err := http.NewRequest("GET", c.urlFor(fmt.Sprintf("/api/v0/hosts/%s", id)).String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Request(req)
	defer closeResponse(resp)
	if err != nil {
		return nil, err
	}
	var data struct {
		Host *Host `json:"host"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&data); err != nil {
		return nil, err
	}
	return data.Host, nil
}
