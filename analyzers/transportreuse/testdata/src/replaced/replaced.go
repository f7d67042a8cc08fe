// Package replaced stores a new transport in memory that outlives the
// call: a long-lived client's Transport field, a struct field, a package
// variable. Stored on every request, each replaces the last and its pool
// (apache/openwhisk-client-go#112); stored once, it is kept.
package replaced

import (
	"crypto/tls"
	"net/http"
	"sync"
	"time"
)

type Client struct {
	client *http.Client
	tr     *http.Transport
	tls    *tls.Config
	once   sync.Once
}

// NewRequest, run for every request, installs a new transport each time.
func (c *Client) NewRequest(method, url string) (*http.Request, error) {
	if err := c.loadTLS(); err != nil {
		return nil, err
	}
	return http.NewRequest(method, url, nil)
}

func (c *Client) loadTLS() error {
	c.client.Transport = &http.Transport{TLSClientConfig: c.tls, IdleConnTimeout: time.Minute} // want `http.Transport created on every call to Client.loadTLS, replacing the previous one \(no connection is reused; idle connections leak until IdleConnTimeout\)`
	return nil
}

// Do replaces the transport it sends with.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	c.tr = &http.Transport{TLSClientConfig: c.tls} // want `http.Transport created on every call to Client.Do, replacing the previous one`
	c.client.Transport = c.tr
	return c.client.Do(req)
}

var shared *http.Transport

// Proxy replaces a package variable on every request it handles.
func Proxy(w http.ResponseWriter, r *http.Request) {
	shared = &http.Transport{} // want `http.Transport created on every request handled by Proxy, replacing the previous one`
	resp, err := (&http.Client{Transport: shared}).Get("https://backend.example" + r.URL.Path)
	if err == nil {
		resp.Body.Close()
	}
}

// Lazy installs a transport on the first request only.
func (c *Client) Lazy(method, url string) (*http.Request, error) {
	if c.client.Transport == nil {
		c.client.Transport = &http.Transport{TLSClientConfig: c.tls}
	}
	return http.NewRequest(method, url, nil)
}

// LazyEarly returns early once the transport is there.
func (c *Client) LazyEarly(req *http.Request) (*http.Response, error) {
	if c.tr != nil {
		return (&http.Client{Transport: c.tr}).Do(req)
	}
	c.tr = &http.Transport{TLSClientConfig: c.tls}
	return (&http.Client{Transport: c.tr}).Do(req)
}

// Once installs it under a sync.Once.
func (c *Client) Once(method, url string) (*http.Request, error) {
	c.once.Do(func() {
		c.client.Transport = &http.Transport{TLSClientConfig: c.tls}
	})
	return http.NewRequest(method, url, nil)
}

// NewClient sets the transport once, in the constructor.
func NewClient(cfg *tls.Config) *Client {
	c := &Client{client: &http.Client{}, tls: cfg}
	c.setTLS()
	return c
}

func (c *Client) setTLS() {
	c.client.Transport = &http.Transport{TLSClientConfig: c.tls}
}

// Configure is a setter that no request runs.
func (c *Client) Configure(cfg *tls.Config) {
	c.tls = cfg
	c.client.Transport = &http.Transport{TLSClientConfig: cfg}
}

// Setup sets the package variable for the program, once.
func Setup() {
	shared = &http.Transport{}
}

// Buildable builds its client once, under a sync.Once given the method.
type Buildable struct {
	once   sync.Once
	client *http.Client
}

func (b *Buildable) Do(req *http.Request) (*http.Response, error) {
	b.once.Do(b.build)
	return b.client.Do(req)
}

func (b *Buildable) build() {
	b.client = &http.Client{Transport: &http.Transport{}}
}

// refresh replaces the transport only when the CA changed, not on every
// request (client-go's CA rotation).
type Rotating struct {
	ca        []byte
	transport *http.Transport
}

func (h *Rotating) Do(req *http.Request, ca []byte) (*http.Response, error) {
	h.refresh(ca)
	return (&http.Client{Transport: h.transport}).Do(req)
}

func (h *Rotating) refresh(ca []byte) {
	if string(ca) == string(h.ca) {
		return
	}
	tr := h.transport.Clone()
	h.ca = ca
	h.transport = tr
}

// A failed run may skip the store; every successful one replaces it.
func (c *Client) Reload(req *http.Request, cert, key string) (*http.Response, error) {
	pair, err := tls.LoadX509KeyPair(cert, key)
	if err != nil {
		return nil, err
	}
	c.client.Transport = &http.Transport{TLSClientConfig: &tls.Config{Certificates: []tls.Certificate{pair}}} // want `http.Transport created on every call to Client.Reload, replacing the previous one`
	return c.client.Do(req)
}
