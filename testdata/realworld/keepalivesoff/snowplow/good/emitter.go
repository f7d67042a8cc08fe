// Package good is the snowplow tracker's emitter after the fix for issue
// #30: the requests no longer ask for the connection to be closed, and the
// default client gets a transport whose pool keeps enough idle connections
// for the concurrent senders (the fix copied http.DefaultTransport's
// struct; a Clone is the same settings without copying its locks).
package good

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
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConns = 100
		t.MaxIdleConnsPerHost = 100
		e.HttpClient = &http.Client{Timeout: 5 * time.Second, Transport: t}
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
