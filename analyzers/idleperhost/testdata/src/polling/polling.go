// Package polling: a kept transport whose every request is sent from one
// loop paced by a ticker or timer has one request to the host at a time.
package polling

import (
	"net/http"
	"sync"
	"time"
)

// The good case: one collector polls its endpoint on a ticker.
type Collector struct {
	statsURL string
	client   *http.Client
}

func NewCollector(statsURL string) *Collector {
	return &Collector{statsURL: statsURL, client: &http.Client{Transport: &http.Transport{IdleConnTimeout: 5 * time.Second}}}
}

func (c *Collector) scrape() error {
	resp, err := c.client.Get(c.statsURL + "/varz")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Collector) Run(every time.Duration, done <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.scrape()
		case <-done:
			return
		}
	}
}

// Paced by time.After, through a helper.
type Beacon struct {
	url    string
	client *http.Client
}

func NewBeacon(url string) *Beacon {
	return &Beacon{url: url, client: &http.Client{Transport: &http.Transport{}}}
}

func (b *Beacon) send() {
	if resp, err := b.client.Post(b.url, "text/plain", nil); err == nil {
		resp.Body.Close()
	}
}

func (b *Beacon) beat() { b.send() }

func (b *Beacon) Loop() {
	for {
		<-time.After(time.Minute)
		b.beat()
	}
}

// The bad twin: the same poller, but the package also sends in a burst of
// goroutines.
type Prober struct {
	healthURL string
	client    *http.Client
}

func NewProber(healthURL string) *Prober {
	return &Prober{healthURL: healthURL, client: &http.Client{Transport: &http.Transport{ // want `every request goes to the base URL in Prober.healthURL`
		IdleConnTimeout: 5 * time.Second,
	}}}
}

func (p *Prober) probe() error {
	resp, err := p.client.Get(p.healthURL + "/healthz")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Prober) Run(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		p.probe()
	}
}

func (p *Prober) Burst(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { p.probe() })
	}
	wg.Wait()
}

// The bad twin of Beacon: a loop without a pacer (requests back to back,
// and a kept transport counts as shared).
type Pusher struct {
	url    string
	client *http.Client
}

func NewPusher(url string) *Pusher {
	return &Pusher{url: url, client: &http.Client{Transport: &http.Transport{}}} // want `every request goes to the base URL in Pusher.url`
}

func (p *Pusher) PushAll(items []string) {
	for range items {
		if resp, err := p.client.Post(p.url, "text/plain", nil); err == nil {
			resp.Body.Close()
		}
	}
}
