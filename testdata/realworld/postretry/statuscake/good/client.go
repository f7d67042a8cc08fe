// Package good is statuscake-go's client after PR #18: callAPI reads the
// request body once and gives each attempt a fresh reader over it, so a
// POST or PUT that is retried sends its form again.
package good

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"
)

// Backoff gives the wait before each retry.
type Backoff interface {
	Backoff(retries int) time.Duration
}

type exponential struct{ base, max time.Duration }

func (b exponential) Backoff(retries int) time.Duration {
	d := b.base << retries
	if d > b.max || d <= 0 {
		return b.max
	}
	return d
}

type options struct {
	client       *http.Client
	backoff      Backoff
	maxRetries   int
	disableRetry bool
	debug        bool
	host         string
	userAgent    string
	apiToken     string
}

// Option configures a Client.
type Option func(*options)

// WithMaxRetries sets how often a failed request is sent again.
func WithMaxRetries(n int) Option { return func(o *options) { o.maxRetries = n } }

// WithAPIToken sets the bearer token.
func WithAPIToken(tok string) Option { return func(o *options) { o.apiToken = tok } }

// Client manages communication with the StatusCake API.
type Client struct {
	options options
	common  service

	UptimeAPI *UptimeService
}

type service struct {
	client *Client
}

// NewClient creates a new API client.
func NewClient(opts ...Option) *Client {
	o := options{
		client:     &http.Client{Timeout: 30 * time.Second},
		backoff:    exponential{base: time.Second, max: 30 * time.Second},
		maxRetries: 3,
		userAgent:  "statuscake-go",
	}
	for _, opt := range opts {
		opt(&o)
	}
	c := &Client{options: o}
	c.common.client = c
	c.UptimeAPI = (*UptimeService)(&c.common)
	return c
}

// ReadCloserFunc returns a new reader over a request body.
type ReadCloserFunc func() io.ReadCloser

// bodyFunc reads body and returns a function that gives copies of it.
func bodyFunc(body io.Reader) (ReadCloserFunc, error) {
	if body == nil {
		return func() io.ReadCloser { return nil }, nil
	}
	buf, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	return func() io.ReadCloser {
		return io.NopCloser(bytes.NewReader(buf))
	}, nil
}

// retriesExceeded reports whether attempt idx is past the retry limit.
func (c *Client) retriesExceeded(idx int) bool {
	return idx > c.options.maxRetries
}

// callAPI sends the request, retrying on errors and 429s, with the body
// rewound before every attempt.
func (c *Client) callAPI(req *http.Request) (*http.Response, error) {
	if c.options.disableRetry {
		return c.do(req)
	}

	ctx := req.Context()
	backoffIdx := 0

	var res *http.Response
	var err error

	body, err := bodyFunc(req.Body)
	if err != nil {
		return nil, err
	}

	for !c.retriesExceeded(backoffIdx) {
		req.Body = body()
		res, err = c.do(req)
		if err != nil && c.retriesExceeded(backoffIdx+1) {
			return res, fmt.Errorf("retries exceeded: %w", err)
		}
		if res != nil && res.StatusCode == http.StatusTooManyRequests && c.retriesExceeded(backoffIdx+1) {
			break
		}
		if err != nil || res.StatusCode == http.StatusTooManyRequests {
			timer := time.NewTimer(c.options.backoff.Backoff(backoffIdx))
			select {
			case <-timer.C:
				backoffIdx++
				continue
			case <-ctx.Done():
				timer.Stop()
			}
		}
		break
	}
	return res, err
}

func (c *Client) do(request *http.Request) (*http.Response, error) {
	if c.options.debug {
		dump, err := httputil.DumpRequestOut(request, true)
		if err != nil {
			return nil, err
		}
		log.Printf("\n%s\n", dump)
	}
	return c.options.client.Do(request)
}

// prepareRequest builds the request of an operation.
func (c *Client) prepareRequest(ctx context.Context, path, method string, headerParams map[string]string, queryParams, formParams url.Values) (*http.Request, error) {
	var body *bytes.Buffer
	if strings.HasPrefix(headerParams["Content-Type"], "application/x-www-form-urlencoded") && len(formParams) > 0 {
		body = &bytes.Buffer{}
		body.WriteString(formParams.Encode())
		headerParams["Content-Length"] = fmt.Sprintf("%d", body.Len())
	}

	u, err := url.Parse(path)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	for k, vs := range queryParams {
		for _, v := range vs {
			q.Add(k, v)
		}
	}
	u.RawQuery = q.Encode()
	if c.options.host != "" {
		o, err := url.Parse(c.options.host)
		if err != nil {
			return nil, err
		}
		u.Scheme, u.Host = o.Scheme, o.Host
	}

	// A nil *bytes.Buffer in the io.Reader would not be a nil body.
	var req *http.Request
	if body != nil {
		req, err = http.NewRequest(method, u.String(), body)
	} else {
		req, err = http.NewRequest(method, u.String(), nil)
	}
	if err != nil {
		return nil, err
	}
	for h, v := range headerParams {
		req.Header.Set(h, v)
	}
	if ctx != nil {
		req = req.WithContext(ctx)
	}
	if c.options.apiToken != "" {
		req.Header.Set("Authorization", "Bearer "+c.options.apiToken)
	}
	req.Header.Add("User-Agent", c.options.userAgent)
	return req, nil
}
