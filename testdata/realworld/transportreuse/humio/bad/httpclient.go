package bad

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"time"
)

// headerTransport adds the client's headers to every request.
type headerTransport struct {
	base    http.RoundTripper
	headers map[string]string
}

// newHTTPClientWithHeaders returns a client that attaches headers to all
// requests, trusting the configured CA certificate if there is one.
func (c *Client) newHTTPClientWithHeaders(headers map[string]string) *http.Client {
	dialContext := c.config.DialContext
	if dialContext == nil {
		dialContext = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	if c.config.Insecure {
		return &http.Client{Transport: &headerTransport{
			base: &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           dialContext,
				ForceAttemptHTTP2:     true,
				MaxIdleConns:          100,
				IdleConnTimeout:       90 * time.Second,
				TLSHandshakeTimeout:   10 * time.Second,
				ExpectContinueTimeout: 1 * time.Second,
				TLSClientConfig:       &tls.Config{InsecureSkipVerify: c.config.Insecure},
			},
			headers: headers,
		}}
	}
	if len(c.config.CACertificatePEM) > 0 {
		caCertPool := x509.NewCertPool()
		caCertPool.AppendCertsFromPEM([]byte(c.config.CACertificatePEM))
		return &http.Client{Transport: &headerTransport{
			base: &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           dialContext,
				ForceAttemptHTTP2:     true,
				MaxIdleConns:          100,
				IdleConnTimeout:       90 * time.Second,
				TLSHandshakeTimeout:   10 * time.Second,
				ExpectContinueTimeout: 1 * time.Second,
				TLSClientConfig:       &tls.Config{RootCAs: caCertPool, InsecureSkipVerify: c.config.Insecure},
			},
			headers: headers,
		}}
	}
	return &http.Client{Transport: &headerTransport{
		base: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: 1 * time.Second,
		},
		headers: headers,
	}}
}

func (h *headerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req2 := CloneRequest(req)
	for key, val := range h.headers {
		req2.Header.Set(key, val)
	}
	return h.base.RoundTrip(req2)
}

// CloneRequest makes a shallow copy of req with a deep copy of its headers.
func CloneRequest(req *http.Request) *http.Request {
	r := new(http.Request)
	*r = *req
	r.Header = CloneHeader(req.Header)
	return r
}

// CloneHeader makes a deep copy of in.
func CloneHeader(in http.Header) http.Header {
	out := make(http.Header, len(in))
	for key, values := range in {
		out[key] = append([]string(nil), values...)
	}
	return out
}
