// Package good is go-jsonrpc after PR #40: the client's own transport keeps
// up to 100 idle connections to the server.
package good

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
)

var defaultHTTPClient = &http.Client{
	Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 100,
	},
}

type Client struct {
	addr string
}

func NewClient(addr string) *Client { return &Client{addr: addr} }

func (c *Client) Call(method string, params any) (json.RawMessage, error) {
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, c.addr, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := defaultHTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func (c *Client) CallAll(methods []string) {
	var wg sync.WaitGroup
	for _, m := range methods {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Call(m, nil)
		}()
	}
	wg.Wait()
}
