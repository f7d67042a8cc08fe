// Package bad is the shape of humio/cli's api package before PR #77: every
// call of the API (HTTPRequest, and Query and Mutate through the GraphQL
// client) built a new http.Client around a new Transport, so no connection
// to the Humio server was ever reused and each call paid a new TCP and TLS
// handshake and left its connection idle in a transport nobody used again.
package bad

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"

	"example.com/realworld/transportreuse/humio/graphql"
)

const defaultUserAgent = "Humio-go-client/unknown"

// Client talks to one Humio server.
type Client struct {
	config Config
}

// Config is the client's configuration.
type Config struct {
	Address           *url.URL
	UserAgent         string
	Token             string
	CACertificatePEM  string
	Insecure          bool
	ProxyOrganization string
	DialContext       func(ctx context.Context, network, addr string) (net.Conn, error)
}

// Address is the server's base URL.
func (c *Client) Address() *url.URL { return c.config.Address }

// Token is the API token.
func (c *Client) Token() string { return c.config.Token }

// NewClient returns a client for config.
func NewClient(config Config) *Client {
	if config.UserAgent == "" {
		config.UserAgent = defaultUserAgent
	}
	return &Client{config: config}
}

func (c *Client) headers() map[string]string {
	headers := map[string]string{}
	if c.Token() != "" {
		headers["Authorization"] = fmt.Sprintf("Bearer %s", c.Token())
	}
	if c.config.ProxyOrganization != "" {
		headers["ProxyOrganization"] = c.config.ProxyOrganization
	}
	if c.config.UserAgent != "" {
		headers["User-Agent"] = c.config.UserAgent
	}
	return headers
}

func (c *Client) newGraphQLClient() (*graphql.Client, error) {
	httpClient := c.newHTTPClientWithHeaders(c.headers())
	graphqlURL, err := c.Address().Parse("graphql")
	if err != nil {
		return nil, err
	}
	return graphql.NewClient(graphqlURL.String(), httpClient), nil
}

// Query runs a GraphQL query.
func (c *Client) Query(query interface{}, variables map[string]interface{}) error {
	client, err := c.newGraphQLClient()
	if err != nil {
		return err
	}
	return client.Query(context.Background(), query, variables)
}

// Mutate runs a GraphQL mutation.
func (c *Client) Mutate(mutation interface{}, variables map[string]interface{}) error {
	client, err := c.newGraphQLClient()
	if err != nil {
		return err
	}
	return client.Mutate(context.Background(), mutation, variables)
}

// JSONContentType is "application/json".
const JSONContentType string = "application/json"

// HTTPRequest sends a REST request to path.
func (c *Client) HTTPRequest(httpMethod string, path string, body io.Reader) (*http.Response, error) {
	return c.HTTPRequestContext(context.Background(), httpMethod, path, body, JSONContentType)
}

// HTTPRequestContext sends a REST request to path.
func (c *Client) HTTPRequestContext(ctx context.Context, httpMethod string, path string, body io.Reader, contentType string) (*http.Response, error) {
	if body == nil {
		body = bytes.NewReader(nil)
	}
	u, err := c.Address().Parse(path)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, httpMethod, u.String(), body)
	if err != nil {
		return nil, err
	}
	headers := c.headers()
	headers["Content-Type"] = contentType
	client := c.newHTTPClientWithHeaders(headers)
	return client.Do(req)
}

// Alerts is the alerts API.
type Alerts struct {
	client *Client
}

// Alerts returns the alerts API.
func (c *Client) Alerts() *Alerts { return &Alerts{client: c} }

// List lists the alerts of a view.
func (a *Alerts) List(viewName string) ([]byte, error) {
	res, err := a.client.HTTPRequest(http.MethodGet, fmt.Sprintf("api/v1/repositories/%s/alerts", viewName), nil)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
