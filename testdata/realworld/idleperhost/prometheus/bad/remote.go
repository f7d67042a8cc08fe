// Package bad is the shape of prometheus/prometheus's storage/remote before
// PR #3592 (issue #3510): every remote_write section gets a Client, built
// by httputil.NewClientFromConfig, that POSTs batches of samples to the
// section's one URL, and a QueueManager that runs shard goroutines (up to
// MaxShards, 1000 by default; here it starts with MaxShards), each sending
// its own batches through that client at the same time. The transport
// keeps 2 idle connections per host, so with more than two shards busy
// most batches dial a new connection, and the one they used is closed
// afterwards; the Prometheus, pushing to one remote endpoint,
// logged failed sends whose dials could not even look the host up. The
// protobuf and snappy encoding of the write request (a JSON body here),
// the metrics and the dynamic resharding are left out.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"example.com/realworld/idleperhost/prometheus/bad/config"
	"example.com/realworld/idleperhost/prometheus/bad/httputil"
)

const maxErrMsgLen = 256

// Sample is one sample of a series.
type Sample struct {
	Metric    map[string]string `json:"metric"`
	Value     float64           `json:"value"`
	Timestamp int64             `json:"timestamp"`
}

// Client writes to a remote HTTP endpoint.
type Client struct {
	index   int
	url     *config.URL
	client  *http.Client
	timeout time.Duration
}

// ClientConfig configures a Client.
type ClientConfig struct {
	URL              *config.URL
	Timeout          time.Duration
	HTTPClientConfig config.HTTPClientConfig
}

// NewClient creates a new Client.
func NewClient(index int, conf *ClientConfig) (*Client, error) {
	httpClient, err := httputil.NewClientFromConfig(conf.HTTPClientConfig, "remote_storage")
	if err != nil {
		return nil, err
	}
	return &Client{index: index, url: conf.URL, client: httpClient, timeout: conf.Timeout}, nil
}

type recoverableError struct {
	error
}

// Store sends a batch of samples to the endpoint.
func (c *Client) Store(samples []Sample) error {
	data, err := json.Marshal(samples)
	if err != nil {
		return err
	}
	httpReq, err := http.NewRequest("POST", c.url.String(), bytes.NewReader(data))
	if err != nil {
		// An unparseable URL: retrying does not help.
		return err
	}
	httpReq.Header.Set("Content-Type", "application/json")
	httpReq.Header.Set("X-Prometheus-Remote-Write-Version", "0.1.0")

	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()

	httpResp, err := c.client.Do(httpReq.WithContext(ctx))
	if err != nil {
		// Network errors are worth another try.
		return recoverableError{err}
	}
	defer httpResp.Body.Close()

	if httpResp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(httpResp.Body, maxErrMsgLen))
		err = fmt.Errorf("server returned HTTP status %s: %s", httpResp.Status, msg)
	}
	if httpResp.StatusCode/100 == 5 {
		return recoverableError{err}
	}
	return err
}

// Name identifies the client.
func (c *Client) Name() string {
	return fmt.Sprintf("%d:%s", c.index, c.url)
}

// StorageClient sends batches of samples to a remote storage.
type StorageClient interface {
	Store([]Sample) error
	Name() string
}

// QueueConfig configures a QueueManager.
type QueueConfig struct {
	Capacity          int
	MaxShards         int
	MaxSamplesPerSend int
	BatchSendDeadline time.Duration
	MaxRetries        int
	MinBackoff        time.Duration
	MaxBackoff        time.Duration
}

// QueueManager queues samples and sends them to its StorageClient from
// several shards.
type QueueManager struct {
	cfg    QueueConfig
	client StorageClient
	queues []chan Sample
	wg     sync.WaitGroup
}

// NewQueueManager builds a QueueManager with numShards shards.
func NewQueueManager(cfg QueueConfig, client StorageClient, numShards int) *QueueManager {
	t := &QueueManager{cfg: cfg, client: client}
	for i := 0; i < numShards; i++ {
		t.queues = append(t.queues, make(chan Sample, cfg.Capacity))
	}
	return t
}

// Start starts a goroutine per shard.
func (t *QueueManager) Start() {
	t.wg.Add(len(t.queues))
	for i := range t.queues {
		go t.runShard(i)
	}
}

// Stop flushes the shards and waits for them.
func (t *QueueManager) Stop() {
	for _, q := range t.queues {
		close(q)
	}
	t.wg.Wait()
}

// Append queues a sample on its shard, dropping it when the queue is full.
func (t *QueueManager) Append(s Sample) {
	shard := fingerprint(s.Metric) % uint64(len(t.queues))
	select {
	case t.queues[shard] <- s:
	default:
	}
}

func fingerprint(m map[string]string) uint64 {
	var h uint64 = 14695981039346656037
	for k, v := range m {
		for _, b := range []byte(k + "\xff" + v) {
			h ^= uint64(b)
			h *= 1099511628211
		}
	}
	return h
}

func (t *QueueManager) runShard(i int) {
	defer t.wg.Done()
	queue := t.queues[i]
	var pending []Sample
	for {
		select {
		case s, ok := <-queue:
			if !ok {
				if len(pending) > 0 {
					t.sendSamplesWithBackoff(pending)
				}
				return
			}
			pending = append(pending, s)
			for len(pending) >= t.cfg.MaxSamplesPerSend {
				t.sendSamplesWithBackoff(pending[:t.cfg.MaxSamplesPerSend])
				pending = pending[t.cfg.MaxSamplesPerSend:]
			}
		case <-time.After(t.cfg.BatchSendDeadline):
			if len(pending) > 0 {
				t.sendSamplesWithBackoff(pending)
				pending = pending[:0]
			}
		}
	}
}

// sendSamplesWithBackoff retries recoverable errors with a doubling wait.
func (t *QueueManager) sendSamplesWithBackoff(samples []Sample) {
	backoff := t.cfg.MinBackoff
	for retries := t.cfg.MaxRetries; retries > 0; retries-- {
		err := t.client.Store(samples)
		if err == nil {
			return
		}
		if _, ok := err.(recoverableError); !ok {
			return
		}
		time.Sleep(backoff)
		backoff = min(2*backoff, t.cfg.MaxBackoff)
	}
}

// RemoteWriteConfig is one remote_write section.
type RemoteWriteConfig struct {
	URL              *config.URL
	RemoteTimeout    time.Duration
	QueueConfig      QueueConfig
	HTTPClientConfig config.HTTPClientConfig
}

// Storage holds a queue per remote_write section.
type Storage struct {
	mtx    sync.Mutex
	queues []*QueueManager
}

// ApplyConfig replaces the queues with one per section of conf.
func (s *Storage) ApplyConfig(conf []RemoteWriteConfig) error {
	s.mtx.Lock()
	defer s.mtx.Unlock()
	var newQueues []*QueueManager
	for i, rwConf := range conf {
		c, err := NewClient(i, &ClientConfig{
			URL:              rwConf.URL,
			Timeout:          rwConf.RemoteTimeout,
			HTTPClientConfig: rwConf.HTTPClientConfig,
		})
		if err != nil {
			return err
		}
		newQueues = append(newQueues, NewQueueManager(rwConf.QueueConfig, c, rwConf.QueueConfig.MaxShards))
	}
	for _, q := range s.queues {
		q.Stop()
	}
	s.queues = newQueues
	for _, q := range s.queues {
		q.Start()
	}
	return nil
}
