// Package good is cloudprober's HTTP probe after commit 6e02d2d: with
// keep-alive on, the transport keeps as many idle connections per host as
// a probe sends requests to its target at once.
package good

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// Config is the probe's configuration.
type Config struct {
	URL              string
	KeepAlive        bool
	RequestsPerProbe int
	Interval         time.Duration
	Timeout          time.Duration
}

// Probe probes its targets over HTTP.
type Probe struct {
	c       Config
	client  *http.Client
	targets []string
}

type probeResult struct {
	total, success int64
	latency        time.Duration
}

// Init builds the probe's client.
func (p *Probe) Init(c Config, targets []string) error {
	if c.RequestsPerProbe < 1 {
		return fmt.Errorf("requests_per_probe must be positive, got %d", c.RequestsPerProbe)
	}
	p.c = c
	p.targets = targets

	dialer := &net.Dialer{
		Timeout:   c.Timeout,
		KeepAlive: 30 * time.Second, // TCP keep-alive
	}
	transport := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         dialer.DialContext,
		MaxIdleConns:        256, // http.DefaultTransport.MaxIdleConns: 100.
		TLSHandshakeTimeout: c.Timeout,
	}
	// If HTTP keep-alives are not enabled (default), disable HTTP keep-alive in
	// transport.
	if !c.KeepAlive {
		transport.DisableKeepAlives = true
	} else {
		// If it's been more than 2 probe intervals since connection was used, close it.
		transport.IdleConnTimeout = 2 * c.Interval
		if c.RequestsPerProbe > 1 {
			transport.MaxIdleConnsPerHost = c.RequestsPerProbe
		}
	}
	p.client = &http.Client{Transport: transport}
	return nil
}

func (p *Probe) doHTTPRequest(req *http.Request, result *probeResult, mu *sync.Mutex) {
	start := time.Now()
	resp, err := p.client.Do(req)
	latency := time.Since(start)

	mu.Lock()
	defer mu.Unlock()
	result.total++
	if err != nil {
		return
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return
	}
	result.success++
	result.latency += latency
}

func (p *Probe) runProbe(ctx context.Context, target string, result *probeResult) {
	reqCtx, cancel := context.WithTimeout(ctx, p.c.Timeout)
	defer cancel()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < p.c.RequestsPerProbe; i++ {
		req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, "http://"+target+p.c.URL, nil)
		if err != nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.doHTTPRequest(req, result, &mu)
		}()
	}
	wg.Wait()
}

// Start probes every target each interval until ctx is done.
func (p *Probe) Start(ctx context.Context, results chan<- map[string]probeResult) {
	ticker := time.NewTicker(p.c.Interval)
	defer ticker.Stop()
	for {
		round := make(map[string]probeResult, len(p.targets))
		for _, t := range p.targets {
			var r probeResult
			p.runProbe(ctx, t, &r)
			round[t] = r
		}
		results <- round
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
