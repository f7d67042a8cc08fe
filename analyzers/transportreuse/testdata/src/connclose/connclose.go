// Package connclose makes a transport for each request and closes the
// request's connection after the response (miniflux's fetcher makes one
// per feed, for its proxy and TLS settings): the transport keeps no idle
// connection, as with DisableKeepAlives, so no pool is lost. Next to it,
// the same transports with a request that keeps its connection.
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

func (b *Builder) FetchKeepAlive(u string) (*http.Response, error) {
	tr := &http.Transport{Proxy: http.ProxyURL(b.proxy), IdleConnTimeout: 10 * time.Second} // want `http.Transport created on every call to Builder.FetchKeepAlive`
	client := &http.Client{Transport: tr, Timeout: b.timeout}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// The header set by the helper that builds the request.
func (b *Builder) FetchHelper(u string) (*http.Response, error) {
	req, err := newRequest(u)
	if err != nil {
		return nil, err
	}
	return (&http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(b.proxy)}}).Do(req)
}

func newRequest(u string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "close")
	return req, nil
}

// Close through a client: the request of a redirect is made anew without
// it, and its connection stays idle in the transport.
func (b *Builder) FetchClose(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Close = true
	return (&http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(b.proxy)}}).Do(req) // want `http.Transport created on every call to Builder.FetchClose`
}

// Close only after a failure: the first request keeps its connection idle.
func (b *Builder) FetchRetry(u string) (*http.Response, error) {
	tr := &http.Transport{Proxy: http.ProxyURL(b.proxy)} // want `http.Transport created on every call to Builder.FetchRetry \(no connection is reused;`
	client := &http.Client{Transport: tr}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err == nil {
		return resp, nil
	}
	req.Close = true
	return client.Do(req)
}

// Two sends, one of them with its own request (Get): that one keeps its
// connection.
func (b *Builder) FetchBoth(u string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(b.proxy)}} // want `http.Transport created on every call to Builder.FetchBoth \(no connection is reused;`
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "close")
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
	}
	return client.Get(u)
}

// Through the transport itself, derived with WithContext on the way.
func (b *Builder) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.WithContext(req.Context())
	out.Close = true
	return (&http.Transport{Proxy: http.ProxyURL(b.proxy)}).RoundTrip(out)
}

// The caller's request, given the header on every path to the send.
func (b *Builder) RoundTripHeader(req *http.Request) (*http.Response, error) {
	req.Header.Set("Connection", "close")
	return (&http.Transport{Proxy: http.ProxyURL(b.proxy)}).RoundTrip(req)
}

// The caller's request, not known to close.
func (b *Builder) RoundTripKeep(req *http.Request) (*http.Response, error) {
	return (&http.Transport{Proxy: http.ProxyURL(b.proxy)}).RoundTrip(req) // want `http.Transport created on every call to Builder.RoundTripKeep`
}
