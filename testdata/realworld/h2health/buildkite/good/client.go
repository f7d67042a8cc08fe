// Package good is the agent's API client after PR #3005 (commit
// e407ac340): unless HTTP/2 is disabled, NewClient configures the cloned
// transport's HTTP/2 side with http2.ConfigureTransports and sets its
// ReadIdleTimeout to 30 s, so a connection that has received nothing for
// that long is pinged and closed when the PING goes unanswered.
package good

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/http2"
)

// Config is the configuration of a Client.
type Config struct {
	Endpoint     string
	Token        string
	UserAgent    string
	DisableHTTP2 bool
	HTTPClient   *http.Client
	TLSConfig    *tls.Config
}

// Client talks to the Buildkite Agent API.
type Client struct {
	conf   Config
	client *http.Client
}

// authenticatedTransport adds the agent's token to every request.
type authenticatedTransport struct {
	Token    string
	Delegate http.RoundTripper
}

func (t authenticatedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.Token == "" {
		return nil, fmt.Errorf("invalid token, empty string supplied")
	}
	req.Header.Set("Authorization", "Token "+t.Token)
	return t.Delegate.RoundTrip(req)
}

// NewClient returns a client for conf.
func NewClient(conf Config) *Client {
	if conf.Endpoint == "" {
		conf.Endpoint = "https://agent.buildkite.com/v3"
	}
	if conf.UserAgent == "" {
		conf.UserAgent = "buildkite-agent/api"
	}

	if conf.HTTPClient != nil {
		return &Client{conf: conf, client: conf.HTTPClient}
	}

	// Base any changes on the default transport. The TLS config must be
	// set before http2.ConfigureTransports.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if conf.TLSConfig != nil {
		transport.TLSClientConfig = conf.TLSConfig
	}

	if conf.DisableHTTP2 {
		transport.TLSNextProto = make(map[string]func(string, *tls.Conn) http.RoundTripper)
		// The cloned TLS config offers h2 in ALPN; offer only HTTP/1.1.
		transport.TLSClientConfig.NextProtos = []string{"http/1.1"}
	} else {
		// Work around golang/go#59690: ping connections that have gone
		// quiet so that a dead one is dropped from the pool. The
		// http2.Transport is only needed to set the option; requests
		// still go through transport.
		tr2, err := http2.ConfigureTransports(transport)
		if err != nil {
			fmt.Printf("failed to configure HTTP/2 transport: %v\n", err)
		}
		if tr2 != nil {
			tr2.ReadIdleTimeout = 30 * time.Second
		}
	}

	httpClient := &http.Client{
		Timeout:   60 * time.Second,
		Transport: &authenticatedTransport{Token: conf.Token, Delegate: transport},
	}
	return &Client{conf: conf, client: httpClient}
}

// FromPing returns a client for the endpoint a ping told the agent to use.
func (c *Client) FromPing(p *Ping) *Client {
	conf := c.conf
	if p.Endpoint != "" {
		conf.Endpoint = p.Endpoint
	}
	return NewClient(conf)
}

func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	buf := new(bytes.Buffer)
	if body != nil {
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	u := strings.TrimRight(c.conf.Endpoint, "/") + "/" + path
	req, err := http.NewRequestWithContext(ctx, method, u, buf)
	if err != nil {
		return nil, err
	}
	req.Header.Add("User-Agent", c.conf.UserAgent)
	if body != nil {
		req.Header.Add("Content-Type", "application/json")
	}
	return req, nil
}

func (c *Client) doRequest(req *http.Request, v any) error {
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	defer io.Copy(io.Discard, resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL, resp.Status)
	}
	if v != nil {
		return json.NewDecoder(resp.Body).Decode(v)
	}
	return nil
}

// Ping is the answer to a ping: work for the agent, or a new endpoint.
type Ping struct {
	Action   string `json:"action,omitempty"`
	Message  string `json:"message,omitempty"`
	Endpoint string `json:"endpoint,omitempty"`
}

// Ping asks the API for work.
func (c *Client) Ping(ctx context.Context) (*Ping, error) {
	req, err := c.newRequest(ctx, "GET", "ping", nil)
	if err != nil {
		return nil, err
	}
	p := new(Ping)
	if err := c.doRequest(req, p); err != nil {
		return nil, err
	}
	return p, nil
}
