// Package bad is the shape of sourcegraph/go-sourcegraph before PR #41:
// NewClient builds a new keep-alive transport for every client, and the
// app makes a client per incoming request, so enough transports are alive
// within the keep-alive period to exhaust about 1K ephemeral ports.
package bad

import (
	"io"
	"net"
	"net/http"
	"time"
)

type Client struct {
	base string
	http *http.Client
}

func NewClient(base string) *Client {
	transport := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		Dial: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).Dial,
		TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 20,
	}
	return &Client{base: base, http: &http.Client{Transport: transport}}
}

func (c *Client) Repo(name string) ([]byte, error) {
	resp, err := c.http.Get(c.base + "/repos/" + name)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// ServeRepo is an app handler: one client per request.
func ServeRepo(w http.ResponseWriter, r *http.Request) {
	cl := NewClient("https://sourcegraph.example")
	data, err := cl.Repo(r.URL.Query().Get("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(data)
}
