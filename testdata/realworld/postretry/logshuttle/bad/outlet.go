// Package bad is the shape of heroku/log-shuttle's HTTP outlet (outlet.go)
// before PR #25 (commit 2a1c390, "Retry EOF errors when posting"): each
// batch of log lines is POSTed once over the outlet's long-lived client, and
// an io.EOF from a kept-alive connection the receiver had just closed
// drops the batch (counted as lost). The stats channel, the drop and lost
// counters' timestamps and the syslog framing of a batch are left out.
package bad

import (
	"bytes"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Batch is a buffer of log lines to post.
type Batch struct {
	MsgCount int
	bytes.Buffer
}

// HTTPOutlet posts batches to one logs URL.
type HTTPOutlet struct {
	inbox       <-chan *Batch
	batchReturn chan<- *Batch
	lost        *int64
	client      *http.Client
	url         string
}

// NewOutlet returns an outlet with its own transport.
func NewOutlet(url string, timeout time.Duration, skipVerify bool, lost *int64, inbox <-chan *Batch, batchReturn chan<- *Batch) *HTTPOutlet {
	return &HTTPOutlet{
		inbox:       inbox,
		batchReturn: batchReturn,
		lost:        lost,
		url:         url,
		client: &http.Client{
			Transport: &http.Transport{
				TLSClientConfig:       &tls.Config{InsecureSkipVerify: skipVerify},
				ResponseHeaderTimeout: timeout,
				Dial: func(network, address string) (net.Conn, error) {
					return net.DialTimeout(network, address, timeout)
				},
			},
		},
	}
}

// Outlet posts every batch of the inbox.
func (h *HTTPOutlet) Outlet() {
	for batch := range h.inbox {
		if err := h.post(batch); err != nil {
			log.Printf("at=post error=%q", err)
			atomic.AddInt64(h.lost, int64(batch.MsgCount))
		}
		h.batchReturn <- batch
	}
}

func (h *HTTPOutlet) post(batch *Batch) error {
	req, err := http.NewRequest(http.MethodPost, h.url, batch)
	if err != nil {
		return err
	}
	req.ContentLength = int64(batch.Len())
	req.Header.Add("Content-Type", "application/logplex-1")
	req.Header.Add("Logplex-Msg-Count", strconv.Itoa(batch.MsgCount))
	resp, err := h.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			log.Printf("at=post status=%d error_reading_body=%q", resp.StatusCode, err)
		} else {
			log.Printf("at=post status=%d body=%q", resp.StatusCode, body)
		}
	}
	return nil
}
