package basic

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
)

func post(url string, body []byte) error {
	resp, err := http.Post(url, "application/json", bytes.NewReader(body)) // want `POST via http\.Post is not retried when the server closes an idle connection \(sporadic EOF\)$`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func postRetried(url string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post(url, "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

func postForm(c *http.Client, u string, v url.Values) error {
	resp, err := c.PostForm(u, v) // want `POST via Client\.PostForm is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func postFormRetried(c *http.Client, u string, v url.Values) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var resp *http.Response
		if resp, err = c.PostForm(u, v); err != nil {
			continue
		}
		return resp.Body.Close()
	}
	return err
}

func do(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func doRetried(ctx context.Context, c *http.Client, u string) error {
	var err error
	for i := 0; i < 3; i++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader("{}"))
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.Do(req)
		if err != nil {
			continue
		}
		return resp.Body.Close()
	}
	return err
}

func get(c *http.Client, u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // GET: the transport retries it itself
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func roundTrip(t *http.Transport, u string) error {
	req, _ := http.NewRequest("PATCH", u, strings.NewReader("x"))
	resp, err := t.RoundTrip(req) // want `PATCH via Transport\.RoundTrip is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func roundTripDefault(u string) error {
	req, _ := http.NewRequest("PATCH", u, strings.NewReader("x"))
	resp, err := http.DefaultTransport.RoundTrip(req) // want `PATCH via RoundTripper\.RoundTrip is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func roundTripUnknown(rt http.RoundTripper, u string) error {
	req, _ := http.NewRequest("PATCH", u, strings.NewReader("x"))
	resp, err := rt.RoundTrip(req) // a RoundTripper it cannot see may retry
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
