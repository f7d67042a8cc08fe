// Package good is go-driver after PR #93: the per-host idle limit is raised
// to 64 for the database endpoint.
package good

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"time"
)

type ConnectionConfig struct {
	Endpoint  string
	TLSConfig *tls.Config
}

type Connection struct {
	endpoint string
	client   *http.Client
}

func NewConnection(config ConnectionConfig) *Connection {
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       config.TLSConfig,
	}
	return &Connection{endpoint: config.Endpoint, client: &http.Client{Transport: tr}}
}

// Query runs an AQL query; the driver is safe for concurrent use and
// applications query from many goroutines.
func (c *Connection) Query(ctx context.Context, aql []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/_api/cursor", bytes.NewReader(aql))
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func (c *Connection) QueryAll(ctx context.Context, queries [][]byte) {
	results := make(chan error)
	for _, q := range queries {
		go func() {
			_, err := c.Query(ctx, q)
			results <- err
		}()
	}
	for range queries {
		<-results
	}
}
