// Package good is minio's gateway transport after PR #5555: it keeps up
// to 100 idle connections per host, as many as it keeps in all.
package good

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// NewCustomHTTPTransport returns the transport the gateways send through.
func NewCustomHTTPTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		DisableCompression:    true,
	}
}

// Gateway serves the S3 API from one backend object store.
type Gateway struct {
	endpoint *url.URL
	client   *http.Client
}

// NewGateway returns a gateway of the backend at endpoint.
func NewGateway(endpoint string) (*Gateway, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	return &Gateway{
		endpoint: u,
		client:   &http.Client{Transport: NewCustomHTTPTransport()},
	}, nil
}

// GetObject copies an object of the backend to w.
func (g *Gateway) GetObject(ctx context.Context, bucket, object string, w io.Writer) error {
	u := *g.endpoint
	u.Path = "/" + bucket + "/" + object
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := g.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("GET %s/%s: %s", bucket, object, resp.Status)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}
