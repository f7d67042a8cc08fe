// Package good is go-sourcegraph after PR #41: one package-level
// keep-alive transport serves every client.
package good

import (
	"io"
	"net"
	"net/http"
	"time"
)

var keepAliveTransport http.RoundTripper = &http.Transport{
	Proxy: http.ProxyFromEnvironment,
	Dial: (&net.Dialer{
		Timeout:   30 * time.Second,
		KeepAlive: 30 * time.Second,
	}).Dial,
	TLSHandshakeTimeout: 10 * time.Second,
	MaxIdleConnsPerHost: 20,
}

type Client struct {
	base string
	http *http.Client
}

func NewClient(base string) *Client {
	return &Client{base: base, http: &http.Client{Transport: keepAliveTransport}}
}

func (c *Client) Repo(name string) ([]byte, error) {
	resp, err := c.http.Get(c.base + "/repos/" + name)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func ServeRepo(w http.ResponseWriter, r *http.Request) {
	cl := NewClient("https://sourcegraph.example")
	data, err := cl.Repo(r.URL.Query().Get("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(data)
}
