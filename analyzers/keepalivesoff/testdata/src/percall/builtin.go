package percall

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Shaped like Open Policy Agent's http.send builtin (topdown/http.go): a
// request and a client with a transport of their own are made for each
// evaluation, returned together, and sent by a helper that retries only
// failed attempts. The helper has several callers, each of which made the
// client it passes.

// socketTransport makes a transport per call that dials a Unix socket.
func socketTransport(raw string) (bool, string, *http.Transport) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "unix" {
		return false, raw, nil
	}
	socket := u.Query().Get("socket")
	u.Scheme = "http"
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", socket)
	}
	tr.DisableKeepAlives = true
	return true, u.String(), tr
}

func newBuiltinRequest(ctx context.Context, target string, conf *tls.Config) (*http.Request, *http.Client, error) {
	client := &http.Client{Timeout: 5 * time.Second}
	var transport *http.Transport
	if ok, u, tr := socketTransport(target); ok {
		transport = tr
		target = u
	} else if conf != nil {
		transport = http.DefaultTransport.(*http.Transport).Clone()
		transport.TLSClientConfig = conf
		transport.DisableKeepAlives = true
	}
	if transport != nil {
		client.Transport = transport
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, nil, err
	}
	return req, client, nil
}

// sendRetrying sends again only after a failed attempt.
func sendRetrying(req *http.Request, client *http.Client, retries int) (*http.Response, error) {
	var err error
	for i := 0; true; i++ {
		var resp *http.Response
		resp, err = client.Do(req)
		if err == nil {
			return resp, nil
		}
		if i == retries {
			break
		}
		if err == context.Canceled {
			return nil, err
		}
		select {
		case <-time.After(time.Duration(i) * time.Second):
		case <-req.Context().Done():
			return nil, context.Canceled
		}
	}
	return nil, err
}

// interCache keeps the request and client it made in its fields.
type interCache struct {
	ctx    context.Context
	target string
	conf   *tls.Config
	req    *http.Request
	client *http.Client
}

func (c *interCache) Execute() (*http.Response, error) {
	var err error
	c.req, c.client, err = newBuiltinRequest(c.ctx, c.target, c.conf)
	if err != nil {
		return nil, err
	}
	return sendRetrying(c.req, c.client, 3)
}

func (c *interCache) Revalidate(etag string) (*http.Response, error) {
	var err error
	c.req, c.client, err = newBuiltinRequest(c.ctx, c.target, c.conf)
	if err != nil {
		return nil, err
	}
	return revalidate(c.req, c.client, etag)
}

func revalidate(req *http.Request, client *http.Client, etag string) (*http.Response, error) {
	clone := req.Clone(req.Context())
	clone.Header.Set("If-None-Match", etag)
	return sendRetrying(clone, client, 3)
}

type intraCache struct {
	ctx    context.Context
	target string
}

func (c *intraCache) Execute() (*http.Response, error) {
	req, client, err := newBuiltinRequest(c.ctx, c.target, nil)
	if err != nil {
		return nil, err
	}
	return sendRetrying(req, client, 3)
}

// The same pieces, but one caller sends many requests through the client
// it made once.
func newBatchRequest(ctx context.Context, target string, conf *tls.Config) (*http.Request, *http.Client, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = conf
	transport.DisableKeepAlives = true // want `sets DisableKeepAlives and sends more than one request`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, nil, err
	}
	return req, &http.Client{Transport: transport}, nil
}

func sendBatchOnce(req *http.Request, client *http.Client) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func SendOne(ctx context.Context, target string) error {
	req, client, err := newBatchRequest(ctx, target, nil)
	if err != nil {
		return err
	}
	return sendBatchOnce(req, client)
}

func SendMany(ctx context.Context, target string, n int) error {
	req, client, err := newBatchRequest(ctx, target, nil)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := sendBatchOnce(req.Clone(ctx), client); err != nil {
			return err
		}
	}
	return nil
}
