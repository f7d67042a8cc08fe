// Package swallowed sends POSTs from functions that print the send's error
// and return nothing: whoever calls them again (a returned hook, a loop, a
// retrying caller) cannot know that the send failed, so only a loop around
// the send itself retries it.
package swallowed

import (
	"bytes"
	"fmt"
	"log"
	"net/http"
)

type notifier struct {
	client *http.Client
	url    string
}

// flush POSTs and prints what went wrong: its failure stops here.
func (n *notifier) flush(payload []byte) {
	req, _ := http.NewRequest(http.MethodPost, n.url, bytes.NewReader(payload))
	resp, err := n.client.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		log.Printf("flush: %v", err)
		return
	}
	resp.Body.Close()
}

// Hook returns a function that unknown code calls, maybe again and again,
// but never because flush failed.
func (n *notifier) Hook(payload []byte) func() error {
	return func() error {
		n.flush(payload)
		return nil
	}
}

// ping is the good twin: its error reaches the returned hook's result, so
// the code that calls the hook may retry it.
func (n *notifier) ping(payload []byte) error {
	resp, err := n.client.Post(n.url, "application/json", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PingHook returns ping's error to code that may retry it.
func (n *notifier) PingHook(payload []byte) func() error {
	return func() error { return n.ping(payload) }
}

// mark records the failure in the notifier: a caller may look at it and
// call mark again.
type marker struct {
	notifier
	failed bool
}

func (m *marker) mark(payload []byte) {
	resp, err := m.client.Post(m.url, "application/json", bytes.NewReader(payload))
	if err != nil {
		fmt.Println("mark:", err)
		m.failed = true
		return
	}
	resp.Body.Close()
}

// MarkHook hands mark to code the package cannot see.
func (m *marker) MarkHook(payload []byte) func() {
	return func() { m.mark(payload) }
}

// post returns its error, but its one caller swallows it.
func (n *notifier) post(payload []byte) error {
	resp, err := n.client.Post(n.url, "application/json", bytes.NewReader(payload)) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// report prints the error of a helper that returns it: report's callers
// cannot retry the POST either.
func (n *notifier) report(payload []byte) {
	if err := n.post(payload); err != nil {
		fmt.Println("report:", err)
	}
}

// ReportHook hands report to code the package cannot see.
func (n *notifier) ReportHook(payload []byte) func() {
	return func() { n.report(payload) }
}

// retried is swallowed too, but its own loop sends again after a failure.
func (n *notifier) retried(payload []byte) {
	for i := 0; i < 3; i++ {
		resp, err := n.client.Post(n.url, "application/json", bytes.NewReader(payload))
		if err != nil {
			log.Println("retry:", err)
			continue
		}
		resp.Body.Close()
		return
	}
}

// RetriedHook hands retried to code the package cannot see.
func (n *notifier) RetriedHook(payload []byte) func() {
	return func() { n.retried(payload) }
}
