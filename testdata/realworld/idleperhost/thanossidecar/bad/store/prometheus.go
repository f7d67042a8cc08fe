// Package store stands for thanos-io/thanos's pkg/store before PR #1969
// (issue #1953): PrometheusStore answers the Store API from the one
// Prometheus its sidecar runs next to, at baseURL, by sending remote-read
// POSTs and label GETs to it. Given no client, it makes one on
// http.DefaultTransport (wrapped for tracing), which keeps 2 idle
// connections per host. The protobuf and snappy encoding of the remote
// read, the chunked streaming answer and the external-label matching are
// left out.
package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"path"

	"example.com/realworld/idleperhost/thanossidecar/bad/storepb"
	"example.com/realworld/idleperhost/thanossidecar/bad/tracing"
)

const userAgent = "Thanos/0.10"

// PrometheusStore implements the Store API on top of Prometheus's remote
// read API.
type PrometheusStore struct {
	logger         *log.Logger
	base           *url.URL
	client         *http.Client
	externalLabels func() map[string]string
}

// NewPrometheusStore returns a PrometheusStore that talks to the
// Prometheus at baseURL through client.
func NewPrometheusStore(logger *log.Logger, client *http.Client, baseURL *url.URL, externalLabels func() map[string]string) (*PrometheusStore, error) {
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	if client == nil {
		client = &http.Client{
			Transport: tracing.HTTPTripperware(logger, http.DefaultTransport),
		}
	}
	return &PrometheusStore{logger: logger, base: baseURL, client: client, externalLabels: externalLabels}, nil
}

// Series streams the series Prometheus has for r.
func (p *PrometheusStore) Series(r *storepb.SeriesRequest, s storepb.SeriesServer) error {
	resp, err := p.startPromSeries(s.Context(), r)
	if err != nil {
		return fmt.Errorf("query Prometheus: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return s.Send(&storepb.Series{Labels: p.externalLabels(), Data: data})
}

func (p *PrometheusStore) startPromSeries(ctx context.Context, r *storepb.SeriesRequest) (*http.Response, error) {
	reqb, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	u := *p.base
	u.Path = path.Join(u.Path, "api/v1/read")

	preq, err := http.NewRequest("POST", u.String(), bytes.NewReader(reqb))
	if err != nil {
		return nil, err
	}
	preq.Header.Set("Content-Type", "application/x-stream-protobuf")
	preq.Header.Set("User-Agent", userAgent)
	presp, err := p.client.Do(preq.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("send request: %w", err)
	}
	if presp.StatusCode/100 != 2 {
		// Best effort read of the error.
		b, _ := io.ReadAll(presp.Body)
		presp.Body.Close()
		return nil, fmt.Errorf("request failed with code %s; msg %s", presp.Status, b)
	}
	return presp, nil
}

// LabelNames returns the label names Prometheus knows.
func (p *PrometheusStore) LabelNames(ctx context.Context) ([]string, error) {
	u := *p.base
	u.Path = path.Join(u.Path, "/api/v1/labels")
	return p.getStrings(ctx, u)
}

// LabelValues returns the values Prometheus knows for label.
func (p *PrometheusStore) LabelValues(ctx context.Context, label string) ([]string, error) {
	u := *p.base
	u.Path = path.Join(u.Path, "/api/v1/label/", label, "/values")
	return p.getStrings(ctx, u)
}

func (p *PrometheusStore) getStrings(ctx context.Context, u url.URL) ([]string, error) {
	req, err := http.NewRequest("GET", u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := p.client.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("request Prometheus server failed, code %s", resp.Status)
	}
	var m struct {
		Data   []string `json:"data"`
		Status string   `json:"status"`
		Error  string   `json:"error"`
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	if m.Status != "success" {
		return nil, fmt.Errorf("%s", m.Error)
	}
	return m.Data, nil
}
