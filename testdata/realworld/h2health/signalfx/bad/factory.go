// Package bad is the shape of the collector-contrib signalfx exporter
// before open-telemetry/opentelemetry-collector-contrib#29716 (December
// 2023): its default configuration leaves confighttp's
// HTTP2ReadIdleTimeout at zero, so the datapoint, trace and event clients
// that confighttp.ToClient builds speak HTTP/2 to the SignalFx ingest
// endpoint without the PING health check. When a load balancer or NAT
// dropped the TCP connection silently, every export was multiplexed onto
// the dead connection and timed out until the kernel gave up on it
// (tcp_retries2, about 15 minutes).
package bad

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"

	"example.com/realworld/h2health/signalfx/bad/confighttp"
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
