// Package interfaces: a client's exported method sends a POST, and the
// package retries it through an interface of its own (Prometheus's remote
// write: QueueManager retries WriteClient.Store in a closure given to its
// backoff helper).
package interfaces

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

// WriteClient sends a batch.
type WriteClient interface {
	Store(ctx context.Context, req []byte, attempt int) error
	Name() string
}

// Client is the remote write client.
type Client struct {
	url    string
	Client *http.Client
}

func NewWriteClient(url string) (WriteClient, error) {
	return &Client{url: url, Client: &http.Client{}}, nil
}

func (c *Client) Store(ctx context.Context, req []byte, attempt int) error {
	httpReq, err := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(req))
	if err != nil {
		return err
	}
	resp, err := c.Client.Do(httpReq.WithContext(ctx))
	if err != nil {
		return RecoverableError{err}
	}
	return resp.Body.Close()
}

func (c *Client) Name() string { return c.url }

type RecoverableError struct{ error }

type QueueManager struct {
	storeClient WriteClient
	minBackoff  time.Duration
}

func (t *QueueManager) client() WriteClient { return t.storeClient }

// sendWithBackoff calls attempt until it succeeds or fails for good.
func (t *QueueManager) sendWithBackoff(ctx context.Context, attempt func(int) error) error {
	backoff := t.minBackoff
	try := 0
	for {
		err := attempt(try)
		if err == nil {
			return nil
		}
		var rerr RecoverableError
		if !errors.As(err, &rerr) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		try++
	}
}

func (t *QueueManager) sendSamples(ctx context.Context, req []byte) error {
	attemptStore := func(try int) error {
		return t.client().Store(ctx, req, try)
	}
	return t.sendWithBackoff(ctx, attemptStore)
}

// ReadClient reads, and the package calls it through its interface once.
type ReadClient interface {
	Read(ctx context.Context, query []byte) error
}

type readClient struct {
	url string
	hc  *http.Client
}

func NewReadClient(url string) ReadClient { return &readClient{url: url, hc: &http.Client{}} }

func (c *readClient) Read(ctx context.Context, query []byte) error {
	resp, err := c.hc.Post(c.url, "application/x-protobuf", bytes.NewReader(query)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type querier struct{ client ReadClient }

func (q *querier) Select(ctx context.Context, query []byte) error {
	return q.client.Read(ctx, query)
}

// Pusher is exported and implements an interface of the package, but the
// package never calls it through the interface: its callers are elsewhere.
type Sender interface {
	Send(body []byte) error
}

type Pusher struct {
	url string
	hc  *http.Client
}

func (p *Pusher) Send(body []byte) error {
	resp, err := p.hc.Post(p.url, "application/json", bytes.NewReader(body)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var _ Sender = (*Pusher)(nil)

// retryingSender retries an exported method called through the
// interface in one place and directly, without a retry, in another.
type Notifier interface {
	Notify(msg []byte) error
}

type hook struct {
	url string
	hc  *http.Client
}

func (h *hook) Notify(msg []byte) error {
	resp, err := h.hc.Post(h.url, "text/plain", bytes.NewReader(msg)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notifyAll(ns []Notifier, msg []byte) {
	for _, n := range ns {
		for i := 0; i < 3; i++ {
			if n.Notify(msg) == nil {
				break
			}
		}
	}
}

func NotifyOnce(h *hook, msg []byte) error { return h.Notify(msg) }

// uploader's implementation is unexported and called only through the
// interface, in a retry loop.
type uploader interface {
	upload(body []byte) error
}

type blobUploader struct {
	url string
	hc  *http.Client
}

func (b *blobUploader) upload(body []byte) error {
	resp, err := b.hc.Post(b.url, "application/octet-stream", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func uploadAll(u uploader, bodies [][]byte) error {
	for _, body := range bodies {
		var err error
		for i := 0; i < 3; i++ {
			if err = u.upload(body); err == nil {
				break
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var _ = uploadAll(&blobUploader{}, nil)
