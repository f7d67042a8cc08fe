// Package bad is the shape of snowplow/snowplow-golang-tracker's emitter
// before the fix for issue #30: every batch of events is sent by GET or
// POST requests, each from its own goroutine, and each request is marked
// Close, so the tracker opens a new connection to the same collector for
// every request and piles up sockets in TIME_WAIT under load.
package bad

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"
)

// SendResult is the outcome of one request.
type SendResult struct {
	ids    []int
	status int
}

// Emitter sends events to a collector.
type Emitter struct {
	CollectorURL string
	RequestType  string
	HttpClient   *http.Client
}

// InitEmitter makes an emitter with a default client.
func InitEmitter(url, requestType string) *Emitter {
	e := &Emitter{CollectorURL: url, RequestType: requestType}
	if e.HttpClient == nil {
		e.HttpClient = &http.Client{Timeout: 5 * time.Second}
	}
	return e
}

// SendEvents sends every event and waits for the results.
func (e *Emitter) SendEvents(events map[int]string) []SendResult {
	var futures []<-chan SendResult
	if e.RequestType == "POST" {
		var ids []int
		var payloads []string
		for id, ev := range events {
			ids = append(ids, id)
			payloads = append(payloads, ev)
		}
		futures = append(futures, e.sendPostRequest(e.CollectorURL, ids, payloads))
	} else {
		for id, ev := range events {
			futures = append(futures, e.sendGetRequest(e.CollectorURL+"?"+ev, []int{id}))
		}
	}
	var results []SendResult
	for _, f := range futures {
		results = append(results, <-f)
	}
	return results
}

func (e *Emitter) sendGetRequest(url string, ids []int) <-chan SendResult {
	c := make(chan SendResult, 1)
	go func() {
		result := SendResult{ids: ids, status: -1}
		defer func() { c <- result }()

		req, _ := http.NewRequest("GET", url, nil)
		req.Close = true

		resp, err := e.HttpClient.Do(req)
		if err != nil {
			log.Println(err)
			return
		}
		io.CopyN(io.Discard, resp.Body, 512)
		resp.Body.Close()
		result.status = resp.StatusCode
	}()
	return c
}

func (e *Emitter) sendPostRequest(url string, ids []int, payloads []string) <-chan SendResult {
	c := make(chan SendResult, 1)
	go func() {
		result := SendResult{ids: ids, status: -1}
		defer func() { c <- result }()

		body, _ := json.Marshal(map[string]any{"schema": "payload_data", "data": payloads})
		req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
		req.Close = true
		req.Header.Set("Content-Type", "application/json; charset=utf-8")

		resp, err := e.HttpClient.Do(req)
		if err != nil {
			log.Println(err)
			return
		}
		io.CopyN(io.Discard, resp.Body, 512)
		resp.Body.Close()
		result.status = resp.StatusCode
	}()
	return c
}
