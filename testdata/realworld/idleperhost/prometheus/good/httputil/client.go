// Package httputil stands for prometheus/prometheus's util/httputil after
// PR #3592: the transport of NewClientFromConfig sets MaxIdleConnsPerHost
// to 1000 next to MaxIdleConns (golang/go#13801), at least the number of
// targets scraped at one address or of parallel remote_write sends.
package httputil

import (
	"crypto/tls"
	"net/http"
	"time"

	"example.com/realworld/idleperhost/prometheus/good/config"
)

// NewClientFromConfig returns a new HTTP client configured for cfg. The
// name labels the client's connections in the real code.
func NewClientFromConfig(cfg config.HTTPClientConfig, name string) (*http.Client, error) {
	tlsConfig := &tls.Config{
		InsecureSkipVerify: cfg.TLSConfig.InsecureSkipVerify,
		ServerName:         cfg.TLSConfig.ServerName,
	}
	// Only the scrape timeout, set per request, matters, so the transport
	// sets no timeouts of its own.
	var rt http.RoundTripper = &http.Transport{
		Proxy:               http.ProxyURL(cfg.ProxyURL.URL),
		MaxIdleConns:        20000,
		MaxIdleConnsPerHost: 1000,
		DisableKeepAlives:   false,
		TLSClientConfig:     tlsConfig,
		DisableCompression:  true,
		// Above any sane scrape interval, so every configuration keeps
		// its connections alive between scrapes.
		IdleConnTimeout: 5 * time.Minute,
	}

	if cfg.BearerToken != "" {
		rt = &bearerAuthRoundTripper{token: cfg.BearerToken, rt: rt}
	}
	if cfg.BasicAuth != nil {
		rt = &basicAuthRoundTripper{username: cfg.BasicAuth.Username, password: cfg.BasicAuth.Password, rt: rt}
	}
	return &http.Client{Transport: rt}, nil
}

type bearerAuthRoundTripper struct {
	token string
	rt    http.RoundTripper
}

// RoundTrip adds the bearer token unless the request has an Authorization
// header already.
func (b *bearerAuthRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Authorization") == "" {
		req = cloneRequest(req)
		req.Header.Set("Authorization", "Bearer "+b.token)
	}
	return b.rt.RoundTrip(req)
}

type basicAuthRoundTripper struct {
	username, password string
	rt                 http.RoundTripper
}

// RoundTrip adds basic authentication unless the request has an
// Authorization header already.
func (b *basicAuthRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Authorization") != "" {
		return b.rt.RoundTrip(req)
	}
	req = cloneRequest(req)
	req.SetBasicAuth(b.username, b.password)
	return b.rt.RoundTrip(req)
}

// cloneRequest returns a shallow copy of r with its own header map, as a
// RoundTripper must not modify the request it is given.
func cloneRequest(r *http.Request) *http.Request {
	r2 := new(http.Request)
	*r2 = *r
	r2.Header = make(http.Header, len(r.Header))
	for k, v := range r.Header {
		r2.Header[k] = append([]string(nil), v...)
	}
	return r2
}
