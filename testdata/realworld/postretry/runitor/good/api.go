// Package good is runitor's client after commit e736589: the ping body is
// an io.ReadSeeker, and Post seeks it back to the start before every try.
package good

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	urlpkg "net/url"
	"strconv"
	"time"
)

const (
	DefaultBaseURL      = "https://hc-ping.com"
	DefaultTimeout      = 5 * time.Second
	DefaultRetries      = 2
	PingBodyLimitHeader = "Ping-Body-Limit"
)

var (
	ErrNonRetriable        = errors.New("nonretriable error response")
	ErrMaxTries            = errors.New("max tries reached")
	RetriableResponseCodes = []int{
		http.StatusRequestTimeout,
		http.StatusTooManyRequests,
		http.StatusInternalServerError,
		http.StatusBadGateway,
		http.StatusServiceUnavailable,
		http.StatusGatewayTimeout,
	}
)

// NewDefaultTransportWithResumption returns http.DefaultTransport with a
// TLS session cache.
func NewDefaultTransportWithResumption() *http.Transport {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		panic("cannot assert DefaultTranport to *Transport")
	}
	t.TLSClientConfig = &tls.Config{ClientSessionCache: tls.NewLRUClientSessionCache(1)}
	return t
}

func retriableResponse(code int) bool {
	for _, i := range RetriableResponseCodes {
		if code == i {
			return true
		}
	}
	return false
}

// PingParams are a ping's query parameters.
type PingParams struct {
	RunId  string
	Create bool
}

// APIClient is a Healthchecks ping client.
type APIClient struct {
	BaseURL    string
	Retries    uint
	UserAgent  string
	Backoff    time.Duration
	ReqHeaders map[string]string

	*http.Client
}

// InstanceConfig is what a ping's answer tells about the instance.
type InstanceConfig struct {
	PingBodyLimit uint
}

// FromResponse reads the instance's ping body limit.
func (c *InstanceConfig) FromResponse(resp *http.Response) {
	if v, err := strconv.ParseUint(resp.Header.Get(PingBodyLimitHeader), 10, 32); err == nil {
		c.PingBodyLimit = uint(v)
	}
}

// Post sends body, retrying timeouts, temporary errors and retriable
// statuses with a linear backoff.
func (c *APIClient) Post(url, contentType string, body io.ReadSeeker) (resp *http.Response, err error) {
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	for k, v := range c.ReqHeaders {
		req.Header.Set(k, v)
	}
	req.Header.Set("Content-Type", contentType)
	if len(c.UserAgent) > 0 {
		req.Header.Set("User-Agent", c.UserAgent)
	}

	backoffStep := c.Backoff
	if backoffStep == 0 {
		backoffStep = time.Second
	}

	var tries uint
Try:
	// Rewind
	if body != nil {
		body.Seek(0, io.SeekStart)
	}

	time.Sleep(time.Duration(tries) * backoffStep)

	if tries++; tries > 1+c.Retries {
		err = fmt.Errorf("%w after try %d. last error: %v", ErrMaxTries, tries-1, err)
		return
	}

	resp, err = c.Do(req)
	if err != nil {
		var uerr *urlpkg.Error
		if errors.As(err, &uerr) && (uerr.Timeout() || uerr.Temporary()) {
			goto Try
		}
		return
	}

	switch {
	case resp.StatusCode == http.StatusOK, resp.StatusCode == http.StatusCreated:
		return
	case retriableResponse(resp.StatusCode):
		err = fmt.Errorf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
		goto Try
	default:
		err = fmt.Errorf("%w: %s", ErrNonRetriable, resp.Status)
		return
	}
}

// PingStart sends a start ping.
func (c *APIClient) PingStart(handle string, params PingParams) (*InstanceConfig, error) {
	return c.ping(handle, params, "start", nil)
}

// PingSuccess sends a success ping with the command's output.
func (c *APIClient) PingSuccess(handle string, params PingParams, body io.ReadSeeker) (*InstanceConfig, error) {
	return c.ping(handle, params, "", body)
}

// PingFail sends a failure ping with the command's output.
func (c *APIClient) PingFail(handle string, params PingParams, body io.ReadSeeker) (*InstanceConfig, error) {
	return c.ping(handle, params, "fail", body)
}

func (c *APIClient) ping(handle string, params PingParams, typePath string, body io.ReadSeeker) (*InstanceConfig, error) {
	u, err := urlpkg.Parse(c.BaseURL)
	if err != nil {
		return nil, err
	}
	u.Path, err = urlpkg.JoinPath(u.Path, handle, typePath)
	if err != nil {
		return nil, err
	}
	q := urlpkg.Values{}
	if len(params.RunId) > 0 {
		q.Add("rid", params.RunId)
	}
	if params.Create {
		q.Add("create", "1")
	}
	if len(q) > 0 {
		u.RawQuery = q.Encode()
	}
	resp, err := c.Post(u.String(), "text/plain", body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	icfg := &InstanceConfig{}
	icfg.FromResponse(resp)
	return icfg, nil
}
