// Package bad is the shape of wallarm/gotestwaf before PR #139: a
// -maxIdleConns flag sets MaxIdleConns on the transport that sends every
// test payload to the one WAF URL from many workers, but the per-host
// limit stays at 2, so the flag does not do what it says.
package bad

import (
	"io"
	"net/http"
	"strings"
	"sync"
)

type Config struct {
	URL          string
	MaxIdleConns int
	Workers      int
}

type Client struct {
	cfg    Config
	client *http.Client
}

func NewClient(cfg Config) *Client {
	tr := &http.Transport{
		MaxIdleConns: cfg.MaxIdleConns,
	}
	return &Client{cfg: cfg, client: &http.Client{Transport: tr}}
}

func (c *Client) send(payload string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, c.cfg.URL+"?q="+payload, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// Run sends the payloads with cfg.Workers workers.
func (c *Client) Run(payloads []string) {
	ch := make(chan string)
	var wg sync.WaitGroup
	for range c.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range ch {
				c.send(strings.TrimSpace(p))
			}
		}()
	}
	for _, p := range payloads {
		ch <- p
	}
	close(ch)
	wg.Wait()
}
