// Package good is resty's pipeline after commit f593e5e: handleRequestBody
// drops the previous attempt's buffer first, so every attempt sends a new
// buffer of the whole body. (An io.Reader body is still read into the new
// buffer from where the first attempt left it, so its retries stay empty;
// the fix is for []byte, string and marshalled bodies.)
package good

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"time"
)

// Client sends requests with retries.
type Client struct {
	httpClient *http.Client
	RetryCount int
}

// Request is one request with its body in any of resty's forms.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   interface{}

	client     *Client
	bodyBuf    *bytes.Buffer
	RawRequest *http.Request
}

// Response is an answer read to its end.
type Response struct {
	RawResponse *http.Response
	body        []byte
}

// R returns a new request of c.
func (c *Client) R() *Request {
	return &Request{client: c, Header: http.Header{}}
}

func handleRequestBody(r *Request) (err error) {
	var bodyBytes []byte
	r.bodyBuf = nil
	if reader, ok := r.Body.(io.Reader); ok {
		r.bodyBuf = &bytes.Buffer{}
		_, err = r.bodyBuf.ReadFrom(reader)
	} else if b, ok := r.Body.([]byte); ok {
		bodyBytes = b
	} else if s, ok := r.Body.(string); ok {
		bodyBytes = []byte(s)
	} else if r.Body != nil {
		bodyBytes, err = json.Marshal(r.Body)
	}
	if err != nil {
		return err
	}
	if bodyBytes != nil && r.bodyBuf == nil {
		r.bodyBuf = bytes.NewBuffer(bodyBytes)
	}
	return nil
}

func createHTTPRequest(r *Request) (err error) {
	var body io.Reader
	if r.bodyBuf != nil {
		body = r.bodyBuf
	}
	r.RawRequest, err = http.NewRequest(r.Method, r.URL, body)
	if err != nil {
		return err
	}
	r.RawRequest.Header = r.Header
	return nil
}

func (c *Client) execute(r *Request) (*Response, error) {
	if err := handleRequestBody(r); err != nil {
		return nil, err
	}
	if err := createHTTPRequest(r); err != nil {
		return nil, err
	}
	resp, err := c.httpClient.Do(r.RawRequest)
	if err != nil {
		return &Response{RawResponse: resp}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return &Response{RawResponse: resp, body: body}, err
}

// Backoff calls operation until it succeeds or maxRetries retries failed,
// sleeping longer after each failure.
func Backoff(operation func() (*Response, error), maxRetries int) error {
	var err error
	for attempt := 0; attempt <= maxRetries; attempt++ {
		var resp *Response
		resp, err = operation()
		if err == nil && resp.RawResponse.StatusCode < 500 {
			return nil
		}
		if err == nil {
			err = errors.New(resp.RawResponse.Status)
		}
		time.Sleep(time.Duration(100*math.Exp2(float64(attempt))) * time.Millisecond)
	}
	return err
}

// Execute sends the request, retrying errors and 5xx answers.
func (r *Request) Execute(method, url string) (*Response, error) {
	r.Method = method
	r.URL = url
	if r.client.RetryCount == 0 {
		return r.client.execute(r)
	}
	var resp *Response
	var err error
	_ = Backoff(func() (*Response, error) {
		resp, err = r.client.execute(r)
		return resp, err
	}, r.client.RetryCount)
	return resp, err
}

// Post sends a POST of body.
func (r *Request) Post(url string, body interface{}) (*Response, error) {
	r.Body = body
	return r.Execute(http.MethodPost, url)
}
