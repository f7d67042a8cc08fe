// Package bad is the shape of DC/OS 3dt's HTTP helper before
// mesosphere-backup/3dt-01#60: every HTTPS request that the diagnostics
// service sends to the cluster's nodes, through HTTPReq.Do and the
// package-level Do, gets a client with a new http.Transport, whose pooled
// connection stays open after the call and is never reused; the service
// runs out of file descriptors.
package bad

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
	caPool *x509.CertPool
}

// Init prepares the CA pool from the file caFile, if any.
func (h *HTTPReq) Init(caFile string) error {
	caPool, err := loadCAPool(caFile)
	if err != nil {
		return err
	}
	h.caPool = caPool
	return nil
}

// Do sends an HTTP or HTTPS request.
func (h *HTTPReq) Do(req *http.Request, timeout time.Duration) (*http.Response, error) {
	return Do(req, timeout, h.caPool, map[string]string{})
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

// Do sends req; the caller closes the response body.
func Do(req *http.Request, timeout time.Duration, caPool *x509.CertPool, headers map[string]string) (*http.Response, error) {
	client := http.Client{Timeout: timeout}

	// the client does not copy headers when it follows a redirect
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		for k, v := range via[0].Header {
			if _, ok := req.Header[k]; !ok {
				req.Header[k] = v
			}
		}
		return nil
	}

	if req.URL.Scheme == "https" {
		var tlsClientConfig *tls.Config
		if caPool == nil {
			// HTTPS without certificate verification
			tlsClientConfig = &tls.Config{InsecureSkipVerify: true}
		} else {
			tlsClientConfig = &tls.Config{RootCAs: caPool}
		}
		client.Transport = &http.Transport{TLSClientConfig: tlsClientConfig}
	}

	for k, v := range headers {
		req.Header.Add(k, v)
	}
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
