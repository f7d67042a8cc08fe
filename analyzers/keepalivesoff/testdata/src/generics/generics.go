// Package generics holds transports inside generic code.
package generics

import "net/http"

type Pool[K comparable] struct {
	clients map[K]*http.Client
	hc      *http.Client
}

func NewPool[K comparable]() *Pool[K] {
	return &Pool[K]{hc: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}} // want `sets DisableKeepAlives`
}

func (p *Pool[K]) Get(url string) (*http.Response, error) { return p.hc.Get(url) }

type GoodPool[K comparable] struct {
	hc *http.Client
}

func NewGoodPool[K comparable]() *GoodPool[K] {
	return &GoodPool[K]{hc: &http.Client{Transport: &http.Transport{}}}
}

func (p *GoodPool[K]) Get(url string) (*http.Response, error) { return p.hc.Get(url) }

// A generic helper that sends each request with Close set.
func SendAll[T any](items []T, url func(T) string) {
	for _, it := range items {
		req, _ := http.NewRequest("GET", url(it), nil)
		req.Close = true // want `sets Close`
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

func SendAllGood[T any](items []T, url func(T) string) {
	for _, it := range items {
		req, _ := http.NewRequest("GET", url(it), nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}
