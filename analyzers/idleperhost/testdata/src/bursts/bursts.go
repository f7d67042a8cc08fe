// Package bursts sends bursts of concurrent requests: goroutines started
// in a loop, each sending the same request, reach one host at once even
// when the next burst picks another.
package bursts

import (
	"io"
	"net/http"
	"strconv"
	"sync"
)

// google/cloudprober#647: every probe of a target sends n requests at
// once, through a transport that raises MaxIdleConns but keeps 2 idle
// connections per host.
type Prober struct {
	client *http.Client
	path   string
}

func NewProber() *Prober {
	return &Prober{client: &http.Client{Transport: &http.Transport{MaxIdleConns: 256}}, path: "/healthz"} // want `http.Transport sets MaxIdleConns to 256 but keeps 2 idle connections per host, and the goroutines that Prober.probe starts in a loop send to one host at once \(`
}

func (p *Prober) probe(target string, n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		req, err := http.NewRequest(http.MethodGet, "http://"+target+p.path, nil)
		if err != nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.do(req)
		}()
	}
	wg.Wait()
}

func (p *Prober) do(req *http.Request) {
	resp, err := p.client.Do(req)
	if err != nil {
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func (p *Prober) Run(targets []string) {
	for _, t := range targets {
		p.probe(t, 10)
	}
}

// The fix: as many idle connections per host as a burst sends.
type GoodProber struct {
	client *http.Client
	path   string
}

func NewGoodProber() *GoodProber {
	return &GoodProber{client: &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 16}}, path: "/healthz"}
}

func (p *GoodProber) Probe(target string, n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := p.client.Get("http://" + target + p.path); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

// A crawler's goroutines each fetch another URL: many hosts, quiet.
type Crawler struct{ client *http.Client }

func NewCrawler() *Crawler { return &Crawler{client: &http.Client{Transport: &http.Transport{}}} }

func (c *Crawler) Crawl(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := c.client.Get(u); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

// Pages of one API, fetched at once: one host, but the URL changes from
// round to round and the host is not told apart from the rest of it
// (a known limit): quiet.
type Pager struct{ client *http.Client }

func NewPager() *Pager { return &Pager{client: &http.Client{Transport: &http.Transport{}}} }

func (p *Pager) Fetch(base string, pages int) {
	var wg sync.WaitGroup
	for i := 0; i < pages; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := p.client.Get(base + "?page=" + strconv.Itoa(i)); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

// One request at a time to the target: quiet.
type Pinger struct{ client *http.Client }

func NewPinger() *Pinger { return &Pinger{client: &http.Client{Transport: &http.Transport{}}} }

func (p *Pinger) Ping(target string, n int) {
	for i := 0; i < n; i++ {
		if resp, err := p.client.Get("http://" + target); err == nil {
			resp.Body.Close()
		}
	}
}
