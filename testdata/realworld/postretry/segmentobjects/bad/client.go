// Package bad is the shape of segmentio/objects-go before PR #7 (issue
// #6): makeRequest marshals a batch once, wraps it in one bytes.Reader
// and hands backoff.Retry a function that POSTs that reader. The first
// attempt reads it to the end, so every retry (after a network error such
// as an EOF on a reused connection, or a non-200 answer) posts an empty
// body, and the batch is lost. Batches are flushed from a goroutine per
// collection through a semaphore of 10 concurrent requests. Validation
// of objects and the tableizing of their properties are left out.
package bad

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"example.com/realworld/postretry/segmentobjects/bad/semaphore"
	"github.com/cenkalti/backoff"
)

const (
	// Version of the client library.
	Version = "0.0.1"

	// DefaultBaseEndpoint is the Segment Objects API.
	DefaultBaseEndpoint = "https://objects.segment.com"
)

// ErrClientClosed is returned by Set after Close.
var ErrClientClosed = errors.New("Client is closed")

// Client batches objects per collection and sends the batches.
type Client struct {
	BaseEndpoint string
	Logger       *log.Logger
	Client       *http.Client

	MaxBatchBytes    int
	MaxBatchCount    int
	MaxBatchInterval time.Duration

	writeKey  string
	wg        sync.WaitGroup
	semaphore semaphore.Semaphore
	closed    int64
	cmap      *concurrentMap
}

// New returns a client for writeKey.
func New(writeKey string) *Client {
	return &Client{
		BaseEndpoint:     DefaultBaseEndpoint,
		Logger:           log.New(os.Stderr, "segment ", log.LstdFlags),
		writeKey:         writeKey,
		Client:           http.DefaultClient,
		cmap:             newConcurrentMap(),
		MaxBatchBytes:    500 << 10,
		MaxBatchCount:    100,
		MaxBatchInterval: 10 * time.Second,
		semaphore:        make(semaphore.Semaphore, 10),
	}
}

func (c *Client) fetchFunction(key string) *buffer {
	b := newBuffer(key)
	c.wg.Add(1)
	go c.buffer(b)
	return b
}

func (c *Client) flush(b *buffer) {
	if b.count() == 0 {
		return
	}
	rm := b.marshalArray()
	c.semaphore.Run(func() {
		c.makeRequest(&batch{
			Collection: b.collection,
			WriteKey:   c.writeKey,
			Objects:    rm,
		})
	})
	b.reset()
}

func (c *Client) add(b *buffer, o *Object) {
	x, err := json.Marshal(o)
	if err != nil {
		log.Printf("[Error] Message `%s` excluded from batch: %v", o.ID, err)
		return
	}
	if b.size()+len(x) >= c.MaxBatchBytes || b.count()+1 >= c.MaxBatchCount {
		c.flush(b)
	}
	b.add(x)
}

func (c *Client) buffer(b *buffer) {
	defer c.wg.Done()
	tick := time.NewTicker(c.MaxBatchInterval)
	for {
		select {
		case o := <-b.Channel:
			c.add(b, o)
		case <-tick.C:
			c.flush(b)
		case <-b.Exit:
			for o := range b.Channel {
				c.add(b, o)
			}
			c.flush(b)
			return
		}
	}
}

// Close flushes every buffer and waits for the requests in flight.
func (c *Client) Close() error {
	if !atomic.CompareAndSwapInt64(&c.closed, 0, 1) {
		return ErrClientClosed
	}
	for _, b := range c.cmap.Values() {
		b.Exit <- struct{}{}
		close(b.Exit)
		close(b.Channel)
	}
	c.wg.Wait()
	c.semaphore.Wait()
	return nil
}

// Set queues v for its collection's next batch.
func (c *Client) Set(v *Object) error {
	if atomic.LoadInt64(&c.closed) == 1 {
		return ErrClientClosed
	}
	c.cmap.Fetch(v.Collection, c.fetchFunction).Channel <- v
	return nil
}

func (c *Client) makeRequest(request *batch) {
	payload, err := json.Marshal(request)
	if err != nil {
		log.Printf("[Error] Batch failed to marshal: %v - %v", request, err)
		return
	}

	bodyReader := bytes.NewReader(payload)

	b := backoff.NewExponentialBackOff()
	b.MaxElapsedTime = 10 * time.Second
	err = backoff.Retry(func() error {
		resp, err := http.Post(c.BaseEndpoint+"/v1/set", "application/json", bodyReader)
		if err != nil {
			return err
		}
		defer resp.Body.Close()

		response := map[string]interface{}{}
		dec := json.NewDecoder(resp.Body)
		dec.Decode(&response)

		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("HTTP Post Request Failed, Status Code %d. \nResponse: %v \nRequest payload: %v",
				resp.StatusCode, response, string(payload))
		}

		return nil
	}, b)

	if err != nil {
		log.Printf("[Error] %v", err)
		return
	}
}
