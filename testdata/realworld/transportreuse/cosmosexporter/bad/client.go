// Package bad is the shape of QuokkaStake/cosmos-validators-exporter before
// PR #89: Get clones http.DefaultTransport and wraps it in
// otelhttp.NewTransport on every call, so each scrape's requests get a new
// pool whose idle connections and goroutines linger until IdleConnTimeout
// (7,000 goroutines in production).
package bad

import (
	"encoding/json"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

type Client struct {
	host    string
	timeout time.Duration
}

func NewClient(host string, timeout time.Duration) *Client {
	return &Client{host: host, timeout: timeout}
}

func (c *Client) Get(path string, target any) error {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	client := &http.Client{
		Timeout:   c.timeout,
		Transport: otelhttp.NewTransport(transport),
	}
	resp, err := client.Get(c.host + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(target)
}
