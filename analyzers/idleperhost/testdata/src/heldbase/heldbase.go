// Package heldbase: the default transport sending to a base URL that a
// client type holds, set by its exported constructor, from concurrent code.
package heldbase

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Pusher sends every sample to one gateway through http.DefaultClient.
type Pusher struct {
	gateway string
}

func NewPusher(gateway string) *Pusher { return &Pusher{gateway: gateway} }

func (p *Pusher) Push(sample string) error {
	req, err := http.NewRequest(http.MethodPut, p.gateway+"/metrics", strings.NewReader(sample))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do sends concurrent requests to the base URL in Pusher.gateway through http.DefaultTransport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PushAll pushes the samples in parallel.
func (p *Pusher) PushAll(samples []string) {
	var wg sync.WaitGroup
	for _, s := range samples {
		wg.Go(func() { p.Push(s) })
	}
	wg.Wait()
}

// Store is a client built without a Transport, its base set by an
// exported method, used by workers that read a channel.
type Store struct {
	base string
	http *http.Client
}

func (s *Store) Configure(base string) {
	s.base = base
	s.http = &http.Client{Timeout: 5 * time.Second}
}

func (s *Store) Get(key string) error {
	resp, err := s.http.Get(s.base + "/keys/" + key) // want `s.http.Get sends concurrent requests to the base URL in Store.base through http.DefaultTransport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Load(s *Store, keys []string, workers int) {
	ch := make(chan string)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range ch {
				s.Get(k)
			}
		}()
	}
	for _, k := range keys {
		ch <- k
	}
	close(ch)
	wg.Wait()
}

// The good twin of Pusher: the same client, used one request at a time.
type Poller struct {
	endpoint string
}

func NewPoller(endpoint string) *Poller { return &Poller{endpoint: endpoint} }

func (p *Poller) Poll() error {
	resp, err := http.DefaultClient.Get(p.endpoint + "/status")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Poller) Run(stop <-chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			p.Poll()
		}
	}
}

// The good twin of Store: workers fetch URLs that the work items carry,
// one host per item (a crawler).
type page struct {
	url string
}

func (pg *page) fetch() error {
	resp, err := http.Get(pg.url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Crawl(pages []*page) {
	var wg sync.WaitGroup
	for _, pg := range pages {
		wg.Go(func() { pg.fetch() })
	}
	wg.Wait()
	for _, pg := range pages {
		go func() {
			resp, err := http.Get(pg.url)
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
}
