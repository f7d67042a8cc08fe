// Package bad is the shape of StatusCakeDev/statuscake-go's client before
// PR #18: callAPI, through which every operation of the generated API
// goes, retries a request that failed or got a non-2xx status by sending
// the same *http.Request again. For a POST or PUT the first attempt has
// already read and closed the form body, so the retry goes out with a
// body that is spent and fails, and a create or update that met a stale
// connection or a 429 is never retried in fact.
package bad

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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

// callAPI sends the request, retrying on errors and non-2xx statuses.
func (c *Client) callAPI(request *http.Request) (*http.Response, error) {
	if c.options.disableRetry {
		return c.do(request)
	}

	ctx := request.Context()
	backoffIdx := 0

	var res *http.Response
	var err error

	for backoffIdx <= c.options.maxRetries {
		res, err = c.do(request)
		if err != nil || res.StatusCode < 200 || res.StatusCode >= 300 {
			if backoffIdx == c.options.maxRetries {
				err = errors.New("non 2xx status code")
				break
			}
			timer := time.NewTimer(c.options.backoff.Backoff(backoffIdx))
			select {
			case <-timer.C:
				backoffIdx++
				continue
			case <-ctx.Done():
				timer.Stop()
			}
		}
		return res, err
	}
	return res, fmt.Errorf("retries exceeded: %w", err)
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
