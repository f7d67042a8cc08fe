// Package bad is the shape of netboxlabs/diode's NetBox plugin client
// (diode-server/netboxdiodeplugin) before PR #524: the transport raises
// MaxIdleConns to 100 but the reconciler only ever talks to the one NetBox
// plugin API, and many ingestion goroutines call it at once, so only 2 of
// those idle connections are ever kept for it.
package bad

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Client is a NetBox Diode plugin client.
type Client struct {
	logger  *slog.Logger
	http    *http.Client
	baseURL *url.URL
}

// headerRoundTripper adds common headers to all requests.
type headerRoundTripper struct {
	transport http.RoundTripper
}

func (rt *headerRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Accept", "application/json")
	return rt.transport.RoundTrip(r)
}

// NewHTTPTransport creates the HTTP transport layer.
func NewHTTPTransport(skipTLS bool) *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       &tls.Config{InsecureSkipVerify: skipTLS},
	}
}

// NewClient creates a new NetBox Diode plugin client.
func NewClient(logger *slog.Logger, baseURL, clientID, clientSecret, tokenURL string, maxRetries int) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	rhttp := retryablehttp.NewClient()
	rhttp.RetryMax = maxRetries
	rhttp.RetryWaitMin = 150 * time.Millisecond
	rhttp.RetryWaitMax = 2 * time.Second
	rhttp.Logger = logger
	rhttp.HTTPClient.Transport = &headerRoundTripper{transport: NewHTTPTransport(false)}

	cfg := &clientcredentials.Config{ClientID: clientID, ClientSecret: clientSecret, TokenURL: tokenURL}
	oauthTransport := &oauth2.Transport{
		Source: cfg.TokenSource(context.Background()),
		Base:   rhttp.HTTPClient.Transport,
	}
	return &Client{
		logger:  logger,
		http:    &http.Client{Transport: oauthTransport, Timeout: 5 * time.Second},
		baseURL: u,
	}, nil
}

// ChangeSetResult is the plugin's answer.
type ChangeSetResult struct {
	ID     string          `json:"id"`
	Errors json.RawMessage `json:"errors"`
}

// GenerateDiff asks the plugin for the difference between an ingested
// entity and NetBox's state; the reconciler calls it from many goroutines.
func (c *Client) GenerateDiff(ctx context.Context, entity json.RawMessage) (*ChangeSetResult, error) {
	endpointURL, err := url.Parse(fmt.Sprintf("%s/generate-diff/", c.baseURL.String()))
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpointURL.String(), bytes.NewBuffer(entity))
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var res ChangeSetResult
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, err
	}
	return &res, nil
}
