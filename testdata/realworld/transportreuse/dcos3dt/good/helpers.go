// Package good is 3dt's HTTP helper after PR #60: Init makes the HTTPS
// transport once and keeps it in HTTPReq, and Do gives every client that
// one transport, so the connections to the nodes are pooled and reused.
package good

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net/http"
	"os"
	"time"
)

// HTTPReq sends the service's requests.
type HTTPReq struct {
	secureTransport *http.Transport
	caPool          *x509.CertPool
}

// Init prepares the CA pool from the file caFile, if any, and the
// transport for HTTPS requests.
func (h *HTTPReq) Init(caFile string) error {
	caPool, err := loadCAPool(caFile)
	if err != nil {
		return err
	}
	h.caPool = caPool
	h.secureTransport = NewSecureTransport(caPool)
	return nil
}

// Do sends an HTTP or HTTPS request.
func (h *HTTPReq) Do(req *http.Request, timeout time.Duration) (*http.Response, error) {
	return Do(req, timeout, map[string]string{}, h.secureTransport)
}

func loadCAPool(caFile string) (*x509.CertPool, error) {
	if caFile == "" {
		return nil, nil
	}
	b, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	caPool := x509.NewCertPool()
	if !caPool.AppendCertsFromPEM(b) {
		return caPool, errors.New("CACertFile parsing failed")
	}
	return caPool, nil
}

// NewHTTPClient returns a client with the given timeout and transport.
func NewHTTPClient(timeout time.Duration, transport *http.Transport) *http.Client {
	client := http.Client{Timeout: timeout}
	if transport != nil {
		client.Transport = transport
	}
	// the client does not copy headers when it follows a redirect
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		for k, v := range via[0].Header {
			if _, ok := req.Header[k]; !ok {
				req.Header[k] = v
			}
		}
		return nil
	}
	return &client
}

// NewSecureTransport returns the transport for HTTPS requests.
func NewSecureTransport(caPool *x509.CertPool) *http.Transport {
	var tlsClientConfig *tls.Config
	if caPool == nil {
		// HTTPS without certificate verification
		tlsClientConfig = &tls.Config{InsecureSkipVerify: true}
	} else {
		tlsClientConfig = &tls.Config{RootCAs: caPool}
	}
	return &http.Transport{TLSClientConfig: tlsClientConfig}
}

// Do sends req; the caller closes the response body.
func Do(req *http.Request, timeout time.Duration, headers map[string]string, secureTransport *http.Transport) (*http.Response, error) {
	for k, v := range headers {
		req.Header.Add(k, v)
	}
	var transport *http.Transport
	if req.URL.Scheme == "https" && secureTransport != nil {
		transport = secureTransport
	}
	client := NewHTTPClient(timeout, transport)
	return client.Do(req)
}

// PollNodes asks every node for its health report.
func PollNodes(h *HTTPReq, urls []string) [][]byte {
	var reports [][]byte
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			continue
		}
		resp, err := h.Do(req, 5*time.Second)
		if err != nil {
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			reports = append(reports, body)
		}
	}
	return reports
}
