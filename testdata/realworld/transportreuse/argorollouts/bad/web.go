// Package bad is the shape of argoproj/argo-rollouts's web metric provider
// before PR #3780: every analysis run makes a new client with a new
// transport and queries the metric endpoint with it, so each measurement
// leaves a pool of keep-alive connections behind.
package bad

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"time"
)

type Metric struct {
	URL      string
	Insecure bool
	Timeout  time.Duration
}

func NewWebMetricHttpClient(metric Metric) *http.Client {
	c := &http.Client{Timeout: metric.Timeout}
	if metric.Insecure {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	} else {
		c.Transport = &http.Transport{}
	}
	return c
}

// Run takes one measurement; the controller calls it on every interval.
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
