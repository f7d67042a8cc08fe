// Package bad is the shape of influxdata/influxdb-client-go before PR #210:
// the client's options build a transport for the one server URL without
// raising the idle limits, and the write API flushes batches from several
// goroutines, leaving many sockets in TIME_WAIT.
package bad

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
