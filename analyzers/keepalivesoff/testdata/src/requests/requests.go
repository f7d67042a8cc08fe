// Package requests closes connections per request.
package requests

import (
	"net/http"
	"strings"
)

var client = &http.Client{}

// Sent from an exported function: runs once per call.
func Ping(url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	req.Close = true // want `http.Request sets Close in code that sends repeatedly \(a new TCP connection per request`
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PingGood(url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The header, in a loop.
func Upload(urls []string, body string) {
	for _, u := range urls {
		req, _ := http.NewRequest("GET", u, strings.NewReader(body))
		req.Header.Set("Connection", "close") // want `http.Request sets Connection: close in code that sends repeatedly`
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

func UploadGood(urls []string, body string) {
	for _, u := range urls {
		req, _ := http.NewRequest("POST", u, strings.NewReader(body))
		req.Header.Set("Connection", "keep-alive")
		req.Header.Set("Content-Type", "close")
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// A literal request sent through a transport, and Add with another case.
func Forward(tr http.RoundTripper, r *http.Request) (*http.Response, error) {
	out := &http.Request{Method: r.Method, URL: r.URL, Header: http.Header{}, Close: true} // want `sets Close`
	out.Header.Add("connection", "Close")                                                  // want `sets Connection: close`
	return tr.RoundTrip(out)
}

func ForwardGood(tr http.RoundTripper, r *http.Request) (*http.Response, error) {
	out := &http.Request{Method: r.Method, URL: r.URL, Header: http.Header{}}
	return tr.RoundTrip(out)
}

// A clone of a server request, in a handler.
func Proxy(w http.ResponseWriter, r *http.Request) {
	out := r.Clone(r.Context())
	out.Close = true // want `sets Close`
	if resp, err := http.DefaultTransport.RoundTrip(out); err == nil {
		resp.Body.Close()
	}
}

func ProxyGood(w http.ResponseWriter, r *http.Request) {
	out := r.Clone(r.Context())
	if resp, err := http.DefaultTransport.RoundTrip(out); err == nil {
		resp.Body.Close()
	}
}

// A server request is not a client request.
func Handler(w http.ResponseWriter, r *http.Request) {
	r.Close = true
}

// Close set on one request after a timeout retires a stuck connection;
// the other requests keep theirs.
func PollRetiring(url string, urls []string) {
	stale := false
	for _, u := range urls {
		req, err := http.NewRequest("GET", u, nil)
		if err != nil {
			return
		}
		if stale {
			req.Close = true
		}
		resp, err := client.Do(req)
		stale = err != nil
		if err == nil {
			resp.Body.Close()
		}
	}
}

// Set on every request sent in the loop: keep-alives are off.
func PollClosing(urls []string) {
	for _, u := range urls {
		req, err := http.NewRequest("GET", u, nil)
		if err != nil {
			return
		}
		req.Close = true // want `sets Close in code that sends repeatedly`
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}
