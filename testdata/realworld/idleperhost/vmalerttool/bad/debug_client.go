// Package bad is the shape of VictoriaMetrics' vmalert remote-write debug
// client before commit bf401fa (PR #11387): vmalert-tool's rule tests push
// every series of every rule in a separate POST to the one
// -remoteWrite.url, from rules evaluated concurrently (package rule), but
// the client's transport, a clone of http.DefaultTransport, keeps 2 idle
// connections per host: 640 concurrent pushes opened 227 connections and
// left the rest in TIME_WAIT.
package bad

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"example.com/realworld/idleperhost/vmalerttool/bad/httputil"
	"example.com/realworld/idleperhost/vmalerttool/bad/rule"
)

var (
	addr                  = flag.String("remoteWrite.url", "", "remote write endpoint")
	sendTimeout           = flag.Duration("remoteWrite.sendTimeout", 30*time.Second, "timeout of one push")
	idleConnectionTimeout = flag.Duration("remoteWrite.idleConnTimeout", 50*time.Second, "how long idle connections live")
	disablePathAppend     = flag.Bool("remoteWrite.disablePathAppend", false, "do not append /api/v1/write")
	tlsServerName         = flag.String("remoteWrite.tlsServerName", "", "TLS server name")
	tlsInsecureSkipVerify = flag.Bool("remoteWrite.tlsInsecureSkipVerify", false, "skip TLS verification")
)

// DebugClient writes each series to the endpoint at once when pushed.
type DebugClient struct {
	addr string
	c    *http.Client

	wg sync.WaitGroup
}

// NewDebugClient returns a client of -remoteWrite.url, nil if it is unset.
func NewDebugClient() (*DebugClient, error) {
	if *addr == "" {
		return nil, nil
	}
	tr := httputil.NewTLSTransport(*tlsServerName, *tlsInsecureSkipVerify)
	c := &DebugClient{
		c: &http.Client{
			Timeout:   *sendTimeout,
			Transport: tr,
		},
		addr: strings.TrimSuffix(*addr, "/"),
	}
	return c, nil
}

// Push sends one series.
func (c *DebugClient) Push(s rule.TimeSeries) error {
	c.wg.Add(1)
	defer c.wg.Done()
	data, err := json.Marshal([]rule.TimeSeries{s})
	if err != nil {
		return err
	}
	return c.send(data)
}

// Close waits for pushes in flight.
func (c *DebugClient) Close() error {
	c.wg.Wait()
	return nil
}

func (c *DebugClient) send(data []byte) error {
	r := bytes.NewReader(data)
	req, err := http.NewRequest(http.MethodPost, c.addr, r)
	if err != nil {
		return fmt.Errorf("failed to create new HTTP request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if !*disablePathAppend {
		req.URL.Path = path.Join(req.URL.Path, "/api/v1/write")
	}
	resp, err := c.c.Do(req)
	if err != nil {
		return fmt.Errorf("error while sending request to %s: %w; Data len %d", req.URL.Redacted(), err, len(data))
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode/100 == 2 {
		return nil
	}
	body, _ := io.ReadAll(resp.Body)
	return fmt.Errorf("unexpected response code %d for %s. Response body %q", resp.StatusCode, req.URL.Redacted(), body)
}
