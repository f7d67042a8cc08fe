// Package bad is the shape of longbridge/openapi-go's REST client before
// PR #94: Call, through which Get, Post, Put, Delete and GetOTP go, sets
// req.Close on every request, so the long-lived client opens a new TCP and
// TLS connection for each API call.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	nhttp "net/http"
	"strings"
)

type apiResponse struct {
	Code    int
	Message string
	Data    json.RawMessage
	TraceID string
}

type otpResponse struct {
	Otp string
}

// Client calls the REST OpenAPI.
type Client struct {
	opts       *Options
	httpClient *nhttp.Client
}

// Error is a failed API call.
type Error struct {
	Status int
	Resp   *apiResponse
}

func (e *Error) Error() string {
	return fmt.Sprintf("openapi: status %d code %d: %s", e.Status, e.Resp.Code, e.Resp.Message)
}

// Get sends a GET request with queryParams.
func (c *Client) Get(ctx context.Context, path string, queryParams any, resp any) error {
	return c.Call(ctx, "GET", path, queryParams, nil, resp)
}

// Post sends a POST request with a JSON body.
func (c *Client) Post(ctx context.Context, path string, body any, resp any) error {
	return c.Call(ctx, "POST", path, nil, body, resp)
}

// Put sends a PUT request with a JSON body.
func (c *Client) Put(ctx context.Context, path string, body any, resp any) error {
	return c.Call(ctx, "PUT", path, nil, body, resp)
}

// Delete sends a DELETE request with queryParams.
func (c *Client) Delete(ctx context.Context, path string, queryParams any, resp any) error {
	return c.Call(ctx, "DELETE", path, queryParams, nil, resp)
}

// GetOTP gets a one-time password for the socket API.
func (c *Client) GetOTP(ctx context.Context) (string, error) {
	res := &otpResponse{}
	if err := c.Get(ctx, "/v1/socket/token", nil, res); err != nil {
		return "", err
	}
	return res.Otp, nil
}

// Call sends a signed request and decodes the answer's data into resp.
func (c *Client) Call(ctx context.Context, method, path string, queryParams any, body any, resp any) (err error) {
	var (
		br       io.Reader
		bb       []byte
		httpResp *nhttp.Response
		rb       []byte
	)
	if body != nil {
		bb, err = json.Marshal(body)
		if err != nil {
			return err
		}
		br = bytes.NewBuffer(bb)
	}
	req, err := nhttp.NewRequestWithContext(ctx, method, c.opts.URL+path, br)
	if err != nil {
		return err
	}
	req.Header.Add("accept-language", c.opts.Language)
	req.Header.Add("x-api-key", c.opts.AppKey)
	req.Header.Add("authorization", c.opts.AccessToken)
	for k, v := range c.opts.ExtraHeaders {
		req.Header.Set(k, v)
	}
	if len(bb) != 0 {
		req.Header.Add("content-type", "application/json; charset=utf-8")
	}
	if queryParams != nil {
		vals, err := queryValues(queryParams)
		if err != nil {
			return err
		}
		req.URL.RawQuery = vals.Encode()
	}
	signature(req, c.opts.AppSecret, bb)

	req.Close = true
	httpResp, err = c.httpClient.Do(req)
	if err != nil {
		return err
	}
	defer httpResp.Body.Close()

	if rb, err = io.ReadAll(httpResp.Body); err != nil {
		return err
	}
	apiResp := &apiResponse{TraceID: httpResp.Header.Get("x-trace-id")}
	if strings.Contains(httpResp.Header.Get("content-type"), "application/json") {
		if err = jsonUnmarshal(bytes.NewReader(rb), apiResp); err != nil {
			return err
		}
	} else {
		apiResp.Message = string(rb)
	}
	if httpResp.StatusCode != nhttp.StatusOK || apiResp.Code != 0 {
		return &Error{Status: httpResp.StatusCode, Resp: apiResp}
	}
	if resp == nil {
		return nil
	}
	return jsonUnmarshal(bytes.NewReader(apiResp.Data), resp)
}

func jsonUnmarshal(r io.Reader, v any) error {
	d := json.NewDecoder(r)
	d.UseNumber()
	return d.Decode(v)
}

// New creates a client of the REST OpenAPI.
func New(opt ...Option) (*Client, error) {
	opts := newOptions(opt...)
	if opts.URL == "" {
		return nil, errors.New("http url is empty")
	}
	cli := &nhttp.Client{Timeout: opts.Timeout}
	if opts.Client != nil {
		cli = opts.Client
	}
	return &Client{opts: opts, httpClient: cli}, nil
}
