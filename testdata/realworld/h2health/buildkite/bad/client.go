// Package bad is the shape of buildkite/agent's API client before PR
// #3005 (commit e407ac340, "Attempt to workaround golang/go#59690"):
// NewClient bases its transport on a clone of http.DefaultTransport to
// keep its HTTP/2 setup (ForceAttemptHTTP2), unless the agent is run with
// HTTP/2 disabled. Nothing sets a PING health check, so when the
// connection to agent.buildkite.com silently dies (the PR blocks the
// agent's source port with iptables) every ping and job call waits on the
// dead HTTP/2 connection until the client's 60 s timeout, for minutes,
// and the agent is marked lost.
package bad

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

	httpClient := conf.HTTPClient
	if conf.HTTPClient == nil {
		// The default transport is set up for HTTP/2; start from it.
		tr := http.DefaultTransport.(*http.Transport).Clone()

		if conf.DisableHTTP2 {
			tr.ForceAttemptHTTP2 = false
			tr.TLSNextProto = make(map[string]func(authority string, c *tls.Conn) http.RoundTripper)
			// The cloned TLS config offers h2 in ALPN; offer only HTTP/1.1.
			tr.TLSClientConfig.NextProtos = []string{"http/1.1"}
		}
		if conf.TLSConfig != nil {
			tr.TLSClientConfig = conf.TLSConfig
		}

		httpClient = &http.Client{
			Timeout:   60 * time.Second,
			Transport: &authenticatedTransport{Token: conf.Token, Delegate: tr},
		}
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
