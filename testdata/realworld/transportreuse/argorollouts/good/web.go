// Package good is argo-rollouts after PR #3780: the two transports are made
// once and shared by every client the provider makes.
package good

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"time"
)

var (
	secureTransport   = &http.Transport{}
	insecureTransport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
)

type Metric struct {
	URL      string
	Insecure bool
	Timeout  time.Duration
}

func NewWebMetricHttpClient(metric Metric) *http.Client {
	c := &http.Client{Timeout: metric.Timeout, Transport: secureTransport}
	if metric.Insecure {
		c.Transport = insecureTransport
	}
	return c
}

func Run(metric Metric) (map[string]any, error) {
	client := NewWebMetricHttpClient(metric)
	resp, err := client.Get(metric.URL)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}
