// Package good is cosmos-validators-exporter after PR #89: the client and
// its transport are made once per chain, in NewClient.
package good

import (
	"encoding/json"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

type Client struct {
	host   string
	client *http.Client
}

func NewClient(host string, timeout time.Duration) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	return &Client{host: host, client: &http.Client{
		Timeout:   timeout,
		Transport: otelhttp.NewTransport(transport),
	}}
}

func (c *Client) Get(path string, target any) error {
	resp, err := c.client.Get(c.host + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(target)
}
