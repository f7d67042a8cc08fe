// Package good is chttp after PR #206: a request may carry a GetBody
// function that DoReq installs as the request's GetBody, and the session
// POST (with the driver's other idempotent POSTs) sets it and an empty
// X-Idempotency-Key header, which makes net/http's transport send it again
// on a new connection when a pooled one turns out to be closed.
package good

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
)

const typeJSON = "application/json"

// Authenticator authenticates the client's requests.
type Authenticator interface {
	Authenticate(*Client) error
}

// Client is a connection to a CouchDB server. It embeds an *http.Client.
type Client struct {
	*http.Client

	rawDSN string
	dsn    *url.URL
	auth   Authenticator
	authMU sync.Mutex
}

// New returns a connection to the server at dsn; credentials in it are
// used for cookie authentication.
func New(dsn string) (*Client, error) {
	return NewWithClient(&http.Client{}, dsn)
}

// NewWithClient is New with the caller's *http.Client.
func NewWithClient(client *http.Client, dsn string) (*Client, error) {
	dsnURL, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	user := dsnURL.User
	dsnURL.User = nil
	c := &Client{Client: client, dsn: dsnURL, rawDSN: dsn}
	if user != nil {
		password, _ := user.Password()
		if err := c.Auth(&CookieAuth{Username: user.Username(), Password: password}); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func parseDSN(dsn string) (*url.URL, error) {
	if dsn == "" {
		return nil, errors.New("no URL specified")
	}
	if !strings.HasPrefix(dsn, "http://") && !strings.HasPrefix(dsn, "https://") {
		dsn = "http://" + dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, err
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u, nil
}

// Auth authenticates using a.
func (c *Client) Auth(a Authenticator) error {
	if c.auth != nil {
		return errors.New("auth already set")
	}
	if err := a.Authenticate(c); err != nil {
		return err
	}
	c.auth = a
	return nil
}

// Options are optional parameters of a request.
type Options struct {
	Accept      string
	ContentType string
	// Body sets the body of the request.
	Body io.ReadCloser
	// GetBody returns the body, anew for each attempt; if set, Body is
	// ignored.
	GetBody func() (io.ReadCloser, error)
	// Header is a list of default headers to be set on the request.
	Header http.Header
}

// NewRequest returns a request for path on the server.
func (c *Client) NewRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	fullPath := path
	if cPath := strings.TrimSuffix(c.dsn.Path, "/"); cPath != "" {
		fullPath = cPath + "/" + strings.TrimPrefix(path, "/")
	}
	reqPath, err := url.Parse(fullPath)
	if err != nil {
		return nil, err
	}
	u := *c.dsn
	u.Path = reqPath.Path
	u.RawQuery = reqPath.RawQuery
	req, err := http.NewRequest(method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Add("User-Agent", "Kivik chttp")
	return req.WithContext(ctx), nil
}

// DoReq sends a request; only a failure to send it is an error.
func (c *Client) DoReq(ctx context.Context, method, path string, opts *Options) (*http.Response, error) {
	if method == "" {
		return nil, errors.New("chttp: method required")
	}
	var body io.Reader
	if opts != nil {
		if opts.GetBody != nil {
			var err error
			opts.Body, err = opts.GetBody()
			if err != nil {
				return nil, err
			}
		}
		if opts.Body != nil {
			body = opts.Body
			defer opts.Body.Close()
		}
	}
	req, err := c.NewRequest(ctx, method, path, body)
	if err != nil {
		return nil, err
	}
	setHeaders(req, opts)
	if opts != nil {
		req.GetBody = opts.GetBody
	}
	return c.Do(req)
}

// DoError is DoReq followed by a check of the response status.
func (c *Client) DoError(ctx context.Context, method, path string, opts *Options) (*http.Response, error) {
	res, err := c.DoReq(ctx, method, path, opts)
	if err != nil {
		return res, err
	}
	if res.Body != nil {
		defer res.Body.Close()
	}
	if res.StatusCode >= 400 {
		return res, errors.New(res.Status)
	}
	return res, nil
}

// EncodeBody JSON-encodes i into a pipe, as it is read.
func EncodeBody(i interface{}) io.ReadCloser {
	r, w := io.Pipe()
	go func() {
		w.CloseWithError(json.NewEncoder(w).Encode(i))
	}()
	return r
}

// BodyEncoder returns a GetBody function that encodes i anew each time.
func BodyEncoder(i interface{}) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		return EncodeBody(i), nil
	}
}

func setHeaders(req *http.Request, opts *Options) {
	accept, contentType := typeJSON, typeJSON
	if opts != nil {
		if opts.Accept != "" {
			accept = opts.Accept
		}
		if opts.ContentType != "" {
			contentType = opts.ContentType
		}
		for k, v := range opts.Header {
			if _, ok := req.Header[k]; !ok {
				req.Header[k] = v
			}
		}
	}
	req.Header.Add("Accept", accept)
	req.Header.Add("Content-Type", contentType)
}

func (a *CookieAuth) setCookieJar(c *Client) {
	if c.Jar == nil {
		jar, _ := cookiejar.New(nil)
		c.Jar = jar
	}
}
