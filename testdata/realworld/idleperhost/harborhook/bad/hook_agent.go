package bad

import (
	"context"
	"crypto/tls"
	"errors"
	"net/url"
	"time"

	"github.com/cenkalti/backoff"
)

// TLSConfig is the internal TLS configuration of the services.
type TLSConfig struct {
	Config *tls.Config
}

// StatusChange is the data of a hook event.
type StatusChange struct {
	JobID  string `json:"job_id"`
	Status string `json:"status"`
}

// Event contains the hook URL and the data.
type Event struct {
	URL       string        `json:"url"`
	Message   string        `json:"message"`
	Data      *StatusChange `json:"data"`
	Timestamp int64         `json:"timestamp"`
}

// Validate checks the event.
func (e *Event) Validate() error {
	if _, err := url.Parse(e.URL); err != nil {
		return err
	}
	if e.Data == nil {
		return errors.New("nil hook data")
	}
	return nil
}

// Agent triggers hooks with a bounded number of retrying goroutines.
type Agent interface {
	Trigger(evt *Event) error
}

type basicAgent struct {
	context context.Context
	client  Client
	tokens  chan struct{}
}

// NewAgent returns an agent whose retries run at most retryConcurrency at a time.
func NewAgent(ctx context.Context, retryConcurrency uint) Agent {
	return &basicAgent{context: ctx, client: NewClient(ctx, nil), tokens: make(chan struct{}, retryConcurrency)}
}

// Trigger sends the event, and retries it in the background if that fails.
func (ba *basicAgent) Trigger(evt *Event) error {
	if evt == nil {
		return errors.New("nil hook event")
	}
	if err := evt.Validate(); err != nil {
		return err
	}
	if err := ba.client.SendEvent(evt); err != nil {
		go ba.retry(evt)
		return err
	}
	return nil
}

func (ba *basicAgent) retry(evt *Event) {
	ba.tokens <- struct{}{}
	defer func() { <-ba.tokens }()
	bf := backoff.NewExponentialBackOff()
	bf.MaxElapsedTime = 5 * time.Minute
	_ = backoff.Retry(func() error { return ba.client.SendEvent(evt) }, bf)
}
