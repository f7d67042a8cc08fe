// Package unreplayed closes the connections of requests that net/http
// does not send again when a pooled connection turns out stale (POST,
// PATCH, PUT, DELETE, ...): that is postretry's remedy, not a mistake.
// Requests it does replay (GET, HEAD, OPTIONS, TRACE) lose nothing by
// keeping the connection, and are reported.
package unreplayed

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

type pusher struct {
	client *http.Client
	url    string
}

// A POST per tick with Close: quiet.
func (p *pusher) Push(ctx context.Context, body []byte) {
	for range time.Tick(time.Minute) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
		if err != nil {
			continue
		}
		req.Close = true
		if resp, err := p.client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// The same with a GET: reported.
func (p *pusher) Poll(ctx context.Context) {
	for range time.Tick(time.Minute) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
		if err != nil {
			continue
		}
		req.Close = true // want `http.Request sets Close in code that sends repeatedly`
		if resp, err := p.client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// A literal whose Method is set to PATCH, with the header: quiet.
func (p *pusher) Patch(body []byte) error {
	req := &http.Request{Method: http.MethodPatch, Header: http.Header{}}
	req.Header.Set("Connection", "close")
	resp, err := p.client.Do(req.WithContext(context.Background()))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A literal without Method is a GET: reported.
func (p *pusher) Fetch() error {
	req := &http.Request{Header: http.Header{}}
	req.Header.Set("Connection", "close") // want `http.Request sets Connection: close`
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A method stored later overrides the constructor's: a POST switched to
// GET is reported.
func (p *pusher) Switched() error {
	req, err := http.NewRequest(http.MethodPost, p.url, nil)
	if err != nil {
		return err
	}
	req.Method = http.MethodGet
	req.Close = true // want `http.Request sets Close`
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A method that is not a constant: reported, as before.
func (p *pusher) Any(method string) error {
	req, err := http.NewRequest(method, p.url, nil)
	if err != nil {
		return err
	}
	req.Close = true // want `http.Request sets Close`
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Keep-alives off on the whole transport of a client that only POSTs
// (syncthing's global discovery announcer): the same remedy, quiet.
type announcer struct {
	client *http.Client
	url    string
}

func newAnnouncer(url string) *announcer {
	return &announcer{client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}, url: url}
}

func (a *announcer) Announce(body []byte) {
	for range time.Tick(30 * time.Minute) {
		req, err := http.NewRequest(http.MethodPost, a.url, bytes.NewReader(body))
		if err != nil {
			continue
		}
		if resp, err := a.client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

func (a *announcer) Post(body []byte) (*http.Response, error) {
	return a.client.Post(a.url, "application/json", bytes.NewReader(body))
}

func Announce(url string, body []byte) { newAnnouncer(url).Announce(body) }

// The same transport also sending a GET: reported.
type querier struct {
	client *http.Client
	url    string
}

func newQuerier(url string) *querier {
	return &querier{client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}, url: url} // want `http.Transport sets DisableKeepAlives and sends more than one request`
}

func (q *querier) Announce(body []byte) {
	for range time.Tick(30 * time.Minute) {
		if resp, err := q.client.Post(q.url, "application/json", bytes.NewReader(body)); err == nil {
			resp.Body.Close()
		}
	}
}

func (q *querier) Lookup() (*http.Response, error) { return q.client.Get(q.url) }

func Query(url string, body []byte) { newQuerier(url).Announce(body) }
