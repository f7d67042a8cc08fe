// Package good is influxdb-client-go after PR #210: the transport keeps up
// to 100 idle connections to the server.
package good

import (
	"bytes"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

type Options struct {
	serverURL string
	tlsConfig *tls.Config
}

func (o *Options) HTTPClient() *http.Client {
	return &http.Client{
		Timeout: 20 * time.Second,
		Transport: &http.Transport{
			DialContext: (&net.Dialer{
				Timeout: 5 * time.Second,
			}).DialContext,
			TLSHandshakeTimeout: 5 * time.Second,
			TLSClientConfig:     o.tlsConfig,
			MaxIdleConns:        100,
			MaxIdleConnsPerHost: 100,
			IdleConnTimeout:     90 * time.Second,
		},
	}
}

type WriteAPI struct {
	opts   *Options
	client *http.Client
}

func NewWriteAPI(serverURL string) *WriteAPI {
	o := &Options{serverURL: serverURL}
	return &WriteAPI{opts: o, client: o.HTTPClient()}
}

func (w *WriteAPI) write(batch []string) error {
	url := strings.TrimSuffix(w.opts.serverURL, "/") + "/api/v2/write"
	resp, err := w.client.Post(url, "text/plain", bytes.NewBufferString(strings.Join(batch, "\n")))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Flush writes the pending batches in parallel.
func (w *WriteAPI) Flush(batches [][]string) {
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Go(func() { w.write(b) })
	}
	wg.Wait()
}
