// Package bad is the shape of filecoin-project/go-jsonrpc before PR #40: an
// RPC client sends every call to one server address through
// http.DefaultClient, and callers issue calls from many goroutines, so all
// but 2 connections to the server are closed after each burst.
package bad

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
)

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
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// CallAll issues the calls concurrently, as the miner's workers do.
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
