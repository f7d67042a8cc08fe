// Package good is gostatsd's Datadog backend after PR #19: doPost's
// closure builds a new request over the marshalled bytes in each attempt.
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/cenkalti/backoff"
)

const (
	apiURL                       = "https://app.datadoghq.com"
	BackendName                  = "datadog"
	dogstatsdVersion             = "5.6.3"
	dogstatsdUserAgent           = "python-requests/2.6.0 CPython/2.7.10"
	defaultMaxRequestElapsedTime = 10 * time.Second
	defaultClientTimeout         = 5 * time.Second
)

type client struct {
	apiKey                string
	apiEndpoint           string
	hostname              string
	maxRequestElapsedTime time.Duration
	client                *http.Client
}

type metric struct {
	Metric string     `json:"metric"`
	Points [][2]int64 `json:"points"`
	Host   string     `json:"host,omitempty"`
}

type timeSeries struct {
	Series []metric `json:"series"`
}

// Event is a Datadog event.
type Event struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// SendMetrics posts a flush of counters.
func (d *client) SendMetrics(ctx context.Context, counters map[string]int64) error {
	now := time.Now().Unix()
	ts := timeSeries{}
	for k, v := range counters {
		ts.Series = append(ts.Series, metric{Metric: k, Points: [][2]int64{{now, v}}, Host: d.hostname})
	}
	return d.post("/api/v1/series", "metrics", ts)
}

// SendEvent posts an event.
func (d *client) SendEvent(ctx context.Context, e *Event) error {
	return d.post("/api/v1/events", "events", e)
}

func (d *client) post(path, typeOfPost string, data any) error {
	tsBytes, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("[%s] unable to marshal %s: %v", BackendName, typeOfPost, err)
	}

	b := backoff.NewExponentialBackOff()
	b.MaxElapsedTime = d.maxRequestElapsedTime
	err = backoff.RetryNotify(d.doPost(path, tsBytes), b, func(err error, d time.Duration) {
		log.Printf("[%s] failed to send %s, sleeping for %s: %v", BackendName, typeOfPost, d, err)
	})
	if err != nil {
		return fmt.Errorf("[%s] %v", BackendName, err)
	}
	return nil
}

func (d *client) doPost(path string, body []byte) func() error {
	authenticatedURL := d.authenticatedURL(path)
	return func() error {
		req, err := http.NewRequest("POST", authenticatedURL, bytes.NewBuffer(body))
		if err != nil {
			return fmt.Errorf("unable to create http.Request: %v", err)
		}
		req.Header.Add("Content-Type", "application/json")
		req.Header.Add("DD-Dogstatsd-Version", dogstatsdVersion)
		req.Header.Add("User-Agent", dogstatsdUserAgent)
		resp, err := d.client.Do(req)
		if err != nil {
			return fmt.Errorf("error POSTing: %s", strings.Replace(err.Error(), d.apiKey, "*****", -1))
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode >= 205 {
			return fmt.Errorf("received bad status code %d", resp.StatusCode)
		}
		return nil
	}
}

func (d *client) authenticatedURL(path string) string {
	q := url.Values{"api_key": []string{d.apiKey}}
	return fmt.Sprintf("%s%s?%s", d.apiEndpoint, path, q.Encode())
}

// NewClient returns a Datadog backend.
func NewClient(apiKey string, clientTimeout, maxRequestElapsedTime time.Duration) (*client, error) {
	if apiKey == "" {
		return nil, fmt.Errorf("[%s] api_key is a required field", BackendName)
	}
	if clientTimeout <= 0 {
		clientTimeout = defaultClientTimeout
	}
	if maxRequestElapsedTime <= 0 {
		maxRequestElapsedTime = defaultMaxRequestElapsedTime
	}
	hostname, err := os.Hostname()
	if err != nil {
		return nil, fmt.Errorf("[%s] cannot get hostname: %v", BackendName, err)
	}
	return &client{
		apiKey:                apiKey,
		apiEndpoint:           apiURL,
		hostname:              hostname,
		maxRequestElapsedTime: maxRequestElapsedTime,
		client:                &http.Client{Timeout: clientTimeout},
	}, nil
}
