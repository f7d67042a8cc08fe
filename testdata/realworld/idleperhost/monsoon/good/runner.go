// Package good is monsoon's response package after PR #3: the shared
// transport keeps as many idle connections, per host too, as the run has
// concurrent runners.
package good

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"example.com/realworld/idleperhost/monsoon/good/request"
	"golang.org/x/net/http2"
)

// Runner executes HTTP requests.
type Runner struct {
	Template *request.Request

	Client    *http.Client
	Transport *http.Transport

	input  <-chan string
	output chan<- Response
}

// Response is what a runner learned about one item.
type Response struct {
	Item       string
	URL        string
	StatusCode int
	Duration   time.Duration
	Error      error
}

// NewTransport creates a new shared transport for clients to use.
func NewTransport(insecure bool, clientCertKeyFile string, disableHTTP2 bool, concurrentRequests int) (*http.Transport, error) {
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		Dial: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).Dial,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		IdleConnTimeout:       15 * time.Second,
		TLSClientConfig:       &tls.Config{},
		MaxIdleConns:          concurrentRequests,
		MaxIdleConnsPerHost:   concurrentRequests,
	}
	if insecure {
		tr.TLSClientConfig.InsecureSkipVerify = true
	}
	if !disableHTTP2 {
		if err := http2.ConfigureTransport(tr); err != nil {
			return nil, err
		}
	}
	if clientCertKeyFile != "" {
		crt, err := tls.LoadX509KeyPair(clientCertKeyFile, clientCertKeyFile)
		if err != nil {
			return nil, fmt.Errorf("parse TLS client cert or key: %v", err)
		}
		tr.TLSClientConfig.Certificates = []tls.Certificate{crt}
	}
	return tr, nil
}

// NewRunner returns a runner sending through tr.
func NewRunner(tr *http.Transport, template *request.Request, input <-chan string, output chan<- Response) *Runner {
	c := &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &Runner{Template: template, Client: c, Transport: tr, input: input, output: output}
}

func (r *Runner) request(ctx context.Context, item string) (res Response) {
	req, err := r.Template.Apply(item)
	if err != nil {
		res.Error = err
		return
	}
	res = Response{Item: item, URL: req.URL.String()}
	start := time.Now()
	resp, err := r.Client.Do(req.WithContext(ctx))
	res.Duration = time.Since(start)
	if err != nil {
		res.Error = err
		return
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		res.Error = err
	}
	resp.Body.Close()
	res.StatusCode = resp.StatusCode
	return
}

// Run processes items read from the input and sends what it learned on.
func (r *Runner) Run(ctx context.Context) {
	for item := range r.input {
		res := r.request(ctx, item)
		select {
		case <-ctx.Done():
			return
		case r.output <- res:
		}
	}
}
