// Package bad is the shape of PagerDuty/go-pagerduty's event.go before PR
// #65 (issue #66, February 2017): CreateEvent posts an event to the
// Events API on http.DefaultClient and defers the Close only after the
// status check, so every answer that is not 200 OK (a 400 for a bad
// service key, a 403 when throttled) returns with its body open: the
// connection is never given back to the pool and its goroutines stay
// behind, which callers that page on every alert saw as a memory leak.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

const eventEndPoint = "https://events.pagerduty.com/generic/2010-04-15/create_event.json"

// Event is a problem report, acknowledgement or resolution.
type Event struct {
	ServiceKey  string      `json:"service_key"`
	Type        string      `json:"event_type"`
	IncidentKey string      `json:"incident_key,omitempty"`
	Description string      `json:"description"`
	Details     interface{} `json:"details,omitempty"`
}

// EventResponse is what the Events API answers.
type EventResponse struct {
	Status      string `json:"status"`
	Message     string `json:"message"`
	IncidentKey string `json:"incident_key"`
}

// CreateEvent sends e to PagerDuty.
func CreateEvent(e Event) (*EventResponse, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	req, _ := http.NewRequest("POST", eventEndPoint, bytes.NewBuffer(data))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP Status Code: %d", resp.StatusCode)
	}
	var eventResponse EventResponse
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&eventResponse); err != nil {
		return nil, err
	}
	return &eventResponse, nil
}
