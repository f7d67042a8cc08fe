// Package user runs workers that share a transport or client from lib,
// all sending to one host.
package user

import (
	"factory/lib"
	"net/http"
	"sync"
)

const target = "http://inventory.internal:8080/items"

// Workers share lib's transport: every request goes to one host at once.
func Workers(n int) error {
	tr, err := lib.NewTransport(false) // want `the http.Transport that lib.NewTransport returns keeps 2 idle connections per host but every request goes to inventory.internal:8080`
	if err != nil {
		return err
	}
	c := &http.Client{Transport: tr}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := c.Get(target); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	return nil
}

// WorkersTuned sets the per-host limit on lib's transport: quiet.
func WorkersTuned(n int) error {
	tr, err := lib.NewTransport(false)
	if err != nil {
		return err
	}
	tr.MaxIdleConnsPerHost = n
	c := &http.Client{Transport: tr}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := c.Get(target); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	return nil
}

// Backend keeps lib's RoundTripper in a client of its own.
type Backend struct {
	client *http.Client
}

var backend = &Backend{client: &http.Client{Transport: lib.RoundTripper()}} // want `the http.Transport that lib.RoundTripper returns sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to inventory.internal:8080`

func (b *Backend) Load() (*http.Response, error) { return b.client.Get(target) }

// shared is lib's client, kept for the package's requests.
var shared = lib.NewClient() // want `the http.Client that lib.NewClient returns keeps 2 idle connections per host but every request goes to inventory.internal:8080`

func Fetch() (*http.Response, error) { return shared.Get(target) }

// Once sends one request on lib's transport: quiet.
func Once() (*http.Response, error) {
	tr, err := lib.NewTransport(false)
	if err != nil {
		return nil, err
	}
	return (&http.Client{Transport: tr}).Get(target)
}

// Crawl sends to the URLs it is given: quiet.
var crawler = &http.Client{Transport: lib.RoundTripper()}

func Crawl(urls []string) {
	for _, u := range urls {
		go func() {
			if resp, err := crawler.Get(u); err == nil {
				resp.Body.Close()
			}
		}()
	}
}

// The pools lib tunes, mixes, hands off or holds: quiet.
var (
	tuned  = &http.Client{Transport: lib.Tuned()}
	either = &http.Client{Transport: lib.Either(false)}
	handed = &http.Client{Transport: lib.Shared()}
	holder = lib.NewHolder()
	few    = &http.Client{Transport: lib.Limited()}
	one    = &http.Client{Transport: lib.Capped()}
)

func Others() {
	for _, c := range []*http.Client{tuned, either, handed, holder.C, few, one} {
		if resp, err := c.Get(target); err == nil {
			resp.Body.Close()
		}
	}
}

// pooled keeps lib's transport, assigned on its own: the fix sets the
// limit on the next line.
var pooled *http.Client

func init() {
	tr := lib.Plain() // want `the http.Transport that lib.Plain returns keeps 2 idle connections per host but every request goes to inventory.internal:8080`
	pooled = &http.Client{Transport: tr}
}

func Pool() (*http.Response, error) { return pooled.Get(target) }
