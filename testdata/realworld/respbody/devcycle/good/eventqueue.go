// Package good is DevCycleHQ/go-server-sdk's event queue after PR #120:
// every response is read to EOF and closed before its status is looked at.
package good

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
)

// Options configure the SDK.
type Options struct {
	EventsAPIBasePath string
	HTTPClient        *http.Client
}

// Payload is a batch of events waiting to be sent.
type Payload struct {
	ID      string
	Records []json.RawMessage
}

// bucketing is the local event store the queue drains.
type bucketing interface {
	SDKKey() string
	FlushEventQueue() ([]Payload, error)
	OnPayloadSuccess(id string) error
	OnPayloadFailure(id string, retry bool) error
}

// EventQueue sends the SDK's events in batches.
type EventQueue struct {
	cfg   *Options
	local bucketing
}

type batchBody struct {
	Batch []json.RawMessage `json:"batch"`
}

func reportFailure(b bucketing, id string, retry bool) {
	if err := b.OnPayloadFailure(id, retry); err != nil {
		log.Printf("failed to mark payload as failed: %v", err)
	}
}

// FlushEvents sends every pending payload.
func (e *EventQueue) FlushEvents() error {
	payloads, err := e.local.FlushEventQueue()
	if err != nil {
		return err
	}
	for _, p := range payloads {
		body, err := json.Marshal(batchBody{Batch: p.Records})
		if err != nil {
			reportFailure(e.local, p.ID, false)
			continue
		}
		req, err := http.NewRequest("POST", e.cfg.EventsAPIBasePath+"/v1/events/batch", bytes.NewReader(body))
		if err != nil {
			reportFailure(e.local, p.ID, false)
			continue
		}
		req.Header.Set("Authorization", e.local.SDKKey())
		req.Header.Set("Content-Type", "application/json")

		resp, err := e.cfg.HTTPClient.Do(req)
		if err != nil {
			reportFailure(e.local, p.ID, false)
			continue
		}
		defer resp.Body.Close()
		msg, readErr := io.ReadAll(resp.Body)
		if readErr != nil {
			log.Printf("reading the events API's response: %v", readErr)
			reportFailure(e.local, p.ID, true)
			continue
		}
		if resp.StatusCode >= 500 {
			log.Printf("events API returned %d, retrying later", resp.StatusCode)
			reportFailure(e.local, p.ID, true)
			continue
		}
		if resp.StatusCode >= 400 {
			reportFailure(e.local, p.ID, false)
			log.Printf("events API rejected the batch: %s", msg)
			continue
		}
		if resp.StatusCode == http.StatusCreated {
			if err := e.local.OnPayloadSuccess(p.ID); err != nil {
				log.Printf("failed to mark payload as sent: %v", err)
				continue
			}
		}
	}
	return nil
}
