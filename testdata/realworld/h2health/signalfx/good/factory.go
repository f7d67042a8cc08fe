// Package good is the signalfx exporter after PR #29716: the default
// configuration sets HTTP2ReadIdleTimeout and HTTP2PingTimeout to 10s, so
// the clients confighttp builds from it health-check their HTTP/2
// connections and drop a dead one within about 20 seconds. (The
// correlation and dimension clients, built elsewhere, were left as they
// were.)
package good

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"

	"example.com/realworld/h2health/signalfx/good/confighttp"
)

const defaultHTTPTimeout = 10 * time.Second

// Config is the exporter's configuration.
type Config struct {
	confighttp.ClientConfig
	IngestURL string
}

func createDefaultConfig() *Config {
	maxConnCount := 100
	idleConnTimeout := 30 * time.Second
	return &Config{
		ClientConfig: confighttp.ClientConfig{
			Timeout:             defaultHTTPTimeout,
			MaxIdleConns:        &maxConnCount,
			MaxIdleConnsPerHost: &maxConnCount,
			IdleConnTimeout:     &idleConnTimeout,

			HTTP2ReadIdleTimeout: 10 * time.Second,
			HTTP2PingTimeout:     10 * time.Second,
		},
		IngestURL: "https://ingest.us0.signalfx.com",
	}
}

// dpClient posts datapoints.
type dpClient struct {
	client    *http.Client
	ingestURL string
}

func newDPClient(cfg *Config) (*dpClient, error) {
	client, err := cfg.ToClient()
	if err != nil {
		return nil, err
	}
	return &dpClient{client: client, ingestURL: cfg.IngestURL}, nil
}

// pushMetricsData is called by the exporter's queue for every batch.
func (s *dpClient) pushMetricsData(body []byte) error {
	req, err := http.NewRequest(http.MethodPost, s.ingestURL+"/v2/datapoint", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d %q", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return nil
}
