// Package quiet holds what h2health leaves alone.
package quiet

import (
	"crypto/tls"
	"net/http"
	"time"

	"github.com/other/h2lib"
	"golang.org/x/net/http2"
)

// HTTP/2 only implicit: the default transport, its clones, plain literals,
// ForceAttemptHTTP2 of a value the package does not fix (reported only
// with -h2health.implicit).
func implicit(force bool) []*http.Client {
	clone := http.DefaultTransport.(*http.Transport).Clone()
	clone.MaxIdleConnsPerHost = 10
	return []*http.Client{
		{Transport: http.DefaultTransport},
		{Transport: clone},
		{Transport: &http.Transport{}},
		{Transport: &http.Transport{ForceAttemptHTTP2: force}},
	}
}

// Timeouts that are not constants count as set.
func nonConstant(d time.Duration) *http.Transport {
	p := new(http.Protocols)
	p.SetHTTP2(true)
	return &http.Transport{Protocols: p, HTTP2: &http.HTTP2Config{SendPingTimeout: d}}
}

func nonConstantX(d time.Duration) *http2.Transport {
	return &http2.Transport{ReadIdleTimeout: d}
}

// Negative timeouts are a deliberate choice.
func negative() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: -1}}
}

func negativeX() *http2.Transport {
	return &http2.Transport{ReadIdleTimeout: -1}
}

// Handed to another package, which may configure them.
func handedOff() {
	t := &http.Transport{}
	http2.ConfigureTransport(t)
	h2lib.Configure(t)

	t2 := &http2.Transport{}
	h2lib.ConfigureH2(t2)

	t3 := &http.Transport{}
	r, _ := http2.ConfigureTransports(t3)
	h2lib.ConfigureH2(r)
}

// Settings made by another package, or not seen here.
func foreignSettings(conf *http.HTTP2Config) []*http.Transport {
	p := new(http.Protocols)
	p.SetHTTP2(true)
	return []*http.Transport{
		{Protocols: p, HTTP2: h2lib.Config()},
		{Protocols: p, HTTP2: conf},
		{Protocols: h2lib.Protocols()},
	}
}

// Another package's transport may have a health check already.
func foreignTransport() *http.Transport {
	t := h2lib.NewTransport()
	p := new(http.Protocols)
	p.SetHTTP2(true)
	t.Protocols = p
	return t
}

// A transport whose TLSNextProto is set chooses its protocols itself.
func nextProto() *http.Transport {
	t := &http.Transport{TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{}}
	t.HTTP2 = &http.HTTP2Config{}
	return t
}

// Servers are not clients.
func servers() {
	srv := &http.Server{HTTP2: &http.HTTP2Config{MaxConcurrentStreams: 250}}
	http2.ConfigureServer(srv, &http2.Server{})
	srv.ListenAndServe()
}
