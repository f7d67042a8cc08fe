// Package good is the SDK's transport after commit 3d209d7: it keeps up to
// DefaultMaxIdleConnsPerHost (10) idle connections per host.
package good

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// Defaults for the Transport.
var (
	DefaultConnectTimeout        = 5 * time.Second
	DefaultIdleConnectionTimeout = 50 * time.Second
	DefaultExpectContinueTimeout = 1 * time.Second
	DefaultKeepAliveTimeout      = 30 * time.Second

	DefaultMaxConnections      = 100
	DefaultMaxIdleConnsPerHost = 10

	// Default to TLS 1.2 for all HTTPS requests.
	DefaultTLSMinVersion uint16 = tls.VersionTLS12
)

// Config is the transport's configuration.
type Config struct {
	ConnectTimeout        *time.Duration
	IdleConnectionTimeout *time.Duration
	KeepAliveTimeout      *time.Duration
}

func newDialer(cfg *Config) *net.Dialer {
	return &net.Dialer{Timeout: *cfg.ConnectTimeout, KeepAlive: *cfg.KeepAliveTimeout}
}

func newTransportCustom(cfg *Config, fns ...func(*http.Transport)) http.RoundTripper {
	tr := &http.Transport{
		DialContext:           newDialer(cfg).DialContext,
		TLSHandshakeTimeout:   *cfg.ConnectTimeout,
		IdleConnTimeout:       *cfg.IdleConnectionTimeout,
		MaxConnsPerHost:       DefaultMaxConnections,
		MaxIdleConnsPerHost:   DefaultMaxIdleConnsPerHost,
		ExpectContinueTimeout: DefaultExpectContinueTimeout,
		TLSClientConfig: &tls.Config{
			MinVersion: DefaultTLSMinVersion,
		},
	}
	for _, fn := range fns {
		fn(tr)
	}
	return tr
}

// MaxConnections sets the transport's MaxConnsPerHost.
func MaxConnections(value int) func(*http.Transport) {
	return func(t *http.Transport) {
		t.MaxConnsPerHost = value
	}
}

// NewHttpClient returns the SDK's default client.
func NewHttpClient(fns ...func(*http.Transport)) *http.Client {
	cfg := &Config{
		ConnectTimeout:        &DefaultConnectTimeout,
		IdleConnectionTimeout: &DefaultIdleConnectionTimeout,
		KeepAliveTimeout:      &DefaultKeepAliveTimeout,
	}
	return &http.Client{
		Transport: newTransportCustom(cfg, fns...),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// Uploader uploads an object's parts in parallel.
type Uploader struct {
	client      *http.Client
	endpoint    string
	parallelNum int
}

// NewUploader returns an uploader to the bucket at endpoint.
func NewUploader(endpoint string) *Uploader {
	return &Uploader{client: NewHttpClient(), endpoint: endpoint, parallelNum: 8}
}

// UploadParts sends the parts of key from parallelNum goroutines.
func (u *Uploader) UploadParts(key, uploadID string, parts [][]byte) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(parts))
	sem := make(chan struct{}, u.parallelNum)
	for i, part := range parts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			url := fmt.Sprintf("https://%s/%s?partNumber=%d&uploadId=%s", u.endpoint, key, i+1, uploadID)
			req, err := http.NewRequest(http.MethodPut, url, bytes.NewReader(part))
			if err != nil {
				errs <- err
				return
			}
			resp, err := u.client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("part %d: %s", i+1, resp.Status)
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}
