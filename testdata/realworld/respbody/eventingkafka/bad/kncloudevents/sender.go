// Package kncloudevents stands for knative.dev/eventing's package of that
// name (the version vendored by eventing-kafka in December 2020): an
// HTTPMessageSender posts CloudEvents to one sink through a client the
// whole process shares, built once on a clone of http.DefaultTransport.
package kncloudevents

import (
	"context"
	"net/http"
	"sync"
)

var (
	clientMu sync.Mutex
	client   *http.Client
)

// sharedClient returns the process's one client, making it on first use.
func sharedClient() *http.Client {
	clientMu.Lock()
	defer clientMu.Unlock()
	if client == nil {
		base := http.DefaultTransport.(*http.Transport).Clone()
		client = &http.Client{Transport: base}
	}
	return client
}

// HTTPMessageSender sends CloudEvents over HTTP to Target.
type HTTPMessageSender struct {
	Client *http.Client
	Target string
}

// NewHTTPMessageSenderWithTarget returns a sender to target.
func NewHTTPMessageSenderWithTarget(target string) (*HTTPMessageSender, error) {
	return &HTTPMessageSender{Client: sharedClient(), Target: target}, nil
}

// NewCloudEventRequest returns an empty POST to the target.
func (s *HTTPMessageSender) NewCloudEventRequest(ctx context.Context) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, "POST", s.Target, nil)
}

// Send sends req.
func (s *HTTPMessageSender) Send(req *http.Request) (*http.Response, error) {
	return s.Client.Do(req)
}
