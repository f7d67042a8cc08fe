// Package connclose closes the connection of requests sent through a
// transport made for each of them (miniflux's fetcher makes one per feed,
// for its proxy and TLS settings): there is no connection to reuse, as
// with DisableKeepAlives on that transport, next to the same requests
// sent where a connection could be reused.
package connclose

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"time"
)

type Builder struct {
	proxy    *url.URL
	insecure bool
	timeout  time.Duration
}

func (b *Builder) transport() *http.Transport {
	tr := &http.Transport{Proxy: http.ProxyURL(b.proxy), IdleConnTimeout: 10 * time.Second}
	if b.insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return tr
}

// Fetch makes a transport for its one request.
func (b *Builder) Fetch(u string) (*http.Response, error) {
	tr := &http.Transport{Proxy: http.ProxyURL(b.proxy), IdleConnTimeout: 10 * time.Second}
	if b.insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	client := &http.Client{Transport: tr, Timeout: b.timeout}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "close")
	return client.Do(req)
}

// FetchClose does the same with Close, and with the transport made by a
// helper.
func (b *Builder) FetchClose(u string) (*http.Response, error) {
	client := &http.Client{Transport: b.transport()}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Close = true
	return client.Do(req)
}

// RoundTrip sends through the transport itself.
func (b *Builder) RoundTrip(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Close = true
	return b.transport().RoundTrip(req)
}

var shared = &http.Client{Transport: &http.Transport{}}

// FetchShared sends through one transport for every call: the header
// gives up a connection that the next call would reuse.
func FetchShared(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "close") // want `http.Request sets Connection: close in code that sends repeatedly`
	return shared.Do(req)
}

// FetchMaybeProxied makes a transport only for a proxy: without one the
// client sends through http.DefaultTransport, shared by every call.
func (b *Builder) FetchMaybeProxied(u string) (*http.Response, error) {
	client := &http.Client{Timeout: b.timeout}
	if b.proxy != nil {
		client.Transport = b.transport()
	}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Close = true // want `http.Request sets Close in code that sends repeatedly`
	return client.Do(req)
}

// FetchTwice sends two requests through the transport it makes: the
// first one's connection could have served the second.
func (b *Builder) FetchTwice(u, v string) error {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(b.proxy)}}
	for _, target := range []string{u, v} {
		req, err := http.NewRequest(http.MethodGet, target, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Connection", "close") // want `http.Request sets Connection: close in code that sends repeatedly`
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
