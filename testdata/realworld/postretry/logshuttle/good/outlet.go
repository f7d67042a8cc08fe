// Package good is the outlet after commit 2a1c390: retryPost sends the
// batch up to MaxRetries times while the failure is a *url.Error wrapping
// io.EOF. Every attempt builds a new request on the same *Batch, a
// bytes.Buffer the failed attempt may already have read, with
// ContentLength taken from what is left of it, as in the original.
package good

import (
	"bytes"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
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
	MaxRetries  int
}

// NewOutlet returns an outlet with its own transport.
func NewOutlet(url string, timeout time.Duration, skipVerify bool, lost *int64, inbox <-chan *Batch, batchReturn chan<- *Batch) *HTTPOutlet {
	return &HTTPOutlet{
		inbox:       inbox,
		batchReturn: batchReturn,
		lost:        lost,
		url:         url,
		MaxRetries:  3,
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
		h.retryPost(batch)
		h.batchReturn <- batch
	}
}

// retryPost retries io.EOF errors up to MaxRetries times.
func (h *HTTPOutlet) retryPost(batch *Batch) {
	for attempts := 0; attempts < h.MaxRetries; attempts++ {
		err := h.post(batch)
		if err == nil {
			return
		}
		if uerr, ok := err.(*url.Error); ok && uerr.Err == io.EOF {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		log.Printf("at=post error=%q", err)
		atomic.AddInt64(h.lost, int64(batch.MsgCount))
		return
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
