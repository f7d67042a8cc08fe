// Package bad is the shape of newrelic/newrelic-telemetry-sdk-go's
// harvester before PR #17: harvestRequest retries a failed or refused POST
// of gzipped metrics by handing the same *http.Request to postData again.
// The first attempt read the compressed buffer to its end, so every retry
// goes out with ContentLength set and an empty body and fails before it
// reaches the server ("http: ContentLength=... with Body length 0").
package bad

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Config configures a Harvester.
type Config struct {
	APIKey         string
	Client         *http.Client
	HarvestPeriod  time.Duration
	HarvestTimeout time.Duration
	MetricsURL     string
	ErrorLogger    func(map[string]any)
}

func (c *Config) logError(fields map[string]any) {
	if c.ErrorLogger != nil {
		c.ErrorLogger(fields)
	}
}

// Harvester batches metrics and posts them periodically.
type Harvester struct {
	config Config

	lock    sync.Mutex
	pending [][]byte
}

// NewHarvester creates a harvester and starts its periodic harvest.
func NewHarvester(options ...func(*Config)) *Harvester {
	cfg := Config{
		Client:         &http.Client{},
		HarvestPeriod:  5 * time.Second,
		HarvestTimeout: 15 * time.Second,
		MetricsURL:     "https://metric-api.newrelic.com/metric/v1",
	}
	for _, opt := range options {
		opt(&cfg)
	}
	h := &Harvester{config: cfg}
	if cfg.HarvestPeriod != 0 {
		go harvestRoutine(h)
	}
	return h
}

// Record queues one JSON batch.
func (h *Harvester) Record(batch []byte) {
	h.lock.Lock()
	h.pending = append(h.pending, batch)
	h.lock.Unlock()
}

type response struct {
	body       []byte
	statusCode int
	err        error
	retryAfter string
}

var backoffSequenceSeconds = []int{0, 1, 2, 4, 8, 16}

func (r response) needsRetry(attempts int) (bool, time.Duration) {
	if attempts >= len(backoffSequenceSeconds) {
		attempts = len(backoffSequenceSeconds) - 1
	}
	backoff := time.Duration(backoffSequenceSeconds[attempts]) * time.Second
	switch r.statusCode {
	case 200, 202:
		return false, 0
	case 400, 403, 404, 405, 411, 413:
		return false, 0
	case 429:
		if r.retryAfter != "" {
			if d, err := time.ParseDuration(r.retryAfter + "s"); err == nil && d > backoff {
				return true, d
			}
		}
		return true, backoff
	default:
		return true, backoff
	}
}

func postData(req *http.Request, client *http.Client) response {
	resp, err := client.Do(req)
	if err != nil {
		return response{err: fmt.Errorf("error posting data: %v", err)}
	}
	defer resp.Body.Close()
	r := response{statusCode: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After")}
	if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusAccepted {
		r.body, _ = io.ReadAll(resp.Body)
	} else {
		r.err = fmt.Errorf("unexpected post response code: %d: %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return r
}

func harvestRequest(req request, cfg *Config) {
	var attempts int
	for {
		resp := postData(req.Request, cfg.Client)
		if resp.err != nil {
			cfg.logError(map[string]any{"err": resp.err.Error()})
		}
		retry, backoff := resp.needsRetry(attempts)
		if !retry {
			return
		}
		tmr := time.NewTimer(backoff)
		select {
		case <-tmr.C:
		case <-req.Request.Context().Done():
			tmr.Stop()
			return
		}
		attempts++
	}
}

func (h *Harvester) swapOut() []request {
	h.lock.Lock()
	batches := h.pending
	h.pending = nil
	h.lock.Unlock()
	var reqs []request
	for _, b := range batches {
		r, err := newRequest(b, h.config.APIKey, h.config.MetricsURL, "NewRelic-Go-TelemetrySDK")
		if err != nil {
			h.config.logError(map[string]any{"err": err.Error(), "message": "error creating requests for metrics"})
			continue
		}
		reqs = append(reqs, r)
	}
	return reqs
}

// HarvestNow posts everything queued, within HarvestTimeout.
func (h *Harvester) HarvestNow(ct context.Context) {
	ctx, cancel := context.WithTimeout(ct, h.config.HarvestTimeout)
	defer cancel()
	for _, req := range h.swapOut() {
		req.Request = req.Request.WithContext(ctx)
		harvestRequest(req, &h.config)
		if err := ctx.Err(); err != nil {
			h.config.logError(map[string]any{"event": "harvest cancelled or timed out", "context-error": err.Error()})
			return
		}
	}
}

func harvestRoutine(h *Harvester) {
	ticker := time.NewTicker(h.config.HarvestPeriod)
	for range ticker.C {
		go h.HarvestNow(context.Background())
	}
}
