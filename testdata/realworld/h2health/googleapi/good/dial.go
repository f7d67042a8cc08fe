// Package good is google-api-go-client's transport/http after PR #882:
// defaultBaseTransport configures the clone's HTTP/2 with
// ConfigureTransports and sets ReadIdleTimeout, so an idle connection
// that no longer answers a PING is closed and dropped from the pool.
package good

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// DialSettings are the options of a client.
type DialSettings struct {
	UserAgent        string
	QuotaProject     string
	RequestReason    string
	HTTPClient       *http.Client
	ClientCertSource func(*tls.CertificateRequestInfo) (*tls.Certificate, error)
}

// NewClient returns an HTTP client for use communicating with a Google
// cloud service, configured with the given settings.
func NewClient(ctx context.Context, settings *DialSettings) (*http.Client, error) {
	if settings.HTTPClient != nil {
		return settings.HTTPClient, nil
	}
	trans := newTransport(ctx, defaultBaseTransport(ctx, settings.ClientCertSource), settings)
	return &http.Client{Transport: trans}, nil
}

func newTransport(ctx context.Context, base http.RoundTripper, settings *DialSettings) http.RoundTripper {
	return &parameterTransport{
		base:          base,
		userAgent:     settings.UserAgent,
		quotaProject:  settings.QuotaProject,
		requestReason: settings.RequestReason,
	}
}

type parameterTransport struct {
	userAgent     string
	quotaProject  string
	requestReason string

	base http.RoundTripper
}

func (t *parameterTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt := t.base
	if rt == nil {
		return nil, errors.New("transport: no Transport specified")
	}
	newReq := *req
	newReq.Header = req.Header.Clone()
	if t.userAgent != "" {
		newReq.Header.Set("User-Agent", t.userAgent)
	}
	if t.quotaProject != "" {
		newReq.Header.Set("X-Goog-User-Project", t.quotaProject)
	}
	if t.requestReason != "" {
		newReq.Header.Set("X-Goog-Request-Reason", t.requestReason)
	}
	return rt.RoundTrip(&newReq)
}

// defaultBaseTransport returns the base HTTP transport: a copy of
// http.DefaultTransport with a larger per-host idle pool, and the client
// certificate if there is one.
func defaultBaseTransport(ctx context.Context, clientCertSource func(*tls.CertificateRequestInfo) (*tls.Certificate, error)) http.RoundTripper {
	// Copy http.DefaultTransport except for MaxIdleConnsPerHost, which is
	// raised for the GCS client under load.
	trans := clonedTransport(http.DefaultTransport)
	if trans == nil {
		trans = fallbackBaseTransport()
	}
	trans.MaxIdleConnsPerHost = 100

	if clientCertSource != nil {
		trans.TLSClientConfig = &tls.Config{
			GetClientCertificate: clientCertSource,
		}
	}

	configureHTTP2(trans)

	return trans
}

// configureHTTP2 configures the ReadIdleTimeout HTTP/2 option for the
// transport, so broken idle connections are pruned quickly.
func configureHTTP2(trans *http.Transport) {
	http2Trans, err := http2.ConfigureTransports(trans)
	if err == nil {
		http2Trans.ReadIdleTimeout = time.Second * 15
	}
}

// clonedTransport returns rt cloned if it is an *http.Transport, else nil.
func clonedTransport(rt http.RoundTripper) *http.Transport {
	t, ok := rt.(*http.Transport)
	if !ok {
		return nil
	}
	return t.Clone()
}

// fallbackBaseTransport is used when http.DefaultTransport has been
// replaced by something that is not an *http.Transport.
func fallbackBaseTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}
