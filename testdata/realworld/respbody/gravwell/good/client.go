// Package good is the shape of gravwell/gravwell's Go client after PR
// #755 (June 2023): every answer the client sends for is finished with
// drainResponse, which reads up to 4 MB of what is left of the body and
// closes it, so the connection goes back to the pool; DeleteKitEx and
// UploadExtraction now finish their answers on every path.
package good

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

const testURL = "/api/test"

var (
	ErrNoLogin           = errors.New("not logged in")
	ErrNotAuthed         = errors.New("not authed")
	ErrNotFound          = errors.New("not found")
	ErrInvalidTestStatus = errors.New("invalid status from test URL")
)

type clientState int

const (
	stateNew clientState = iota
	stateAuthed
	stateLoggedOff
)

// Client is a Gravwell webserver client.
type Client struct {
	mtx        sync.Mutex
	server     string
	httpScheme string
	clnt       *http.Client
	state      clientState
	headers    map[string]string
}

// NewClient returns a client for the webserver at server.
func NewClient(server string, useHTTPS bool) *Client {
	scheme := "http"
	if useHTTPS {
		scheme = "https"
	}
	return &Client{
		server:     server,
		httpScheme: scheme,
		clnt:       &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 8}},
		headers:    map[string]string{},
	}
}

// SetToken installs the JWT of a login.
func (c *Client) SetToken(tok string) {
	c.mtx.Lock()
	c.headers["Authorization"] = "Bearer " + tok
	c.state = stateAuthed
	c.mtx.Unlock()
}

func (c *Client) populate(req *http.Request) {
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
}

// Test checks that the webserver answers HTTP requests.
func (c *Client) Test() error {
	c.mtx.Lock()
	defer c.mtx.Unlock()
	uri := fmt.Sprintf("%s://%s%s", c.httpScheme, c.server, testURL)
	resp, err := c.clnt.Get(uri)
	if err != nil {
		return err
	}
	drainResponse(resp)
	if resp.StatusCode != 200 {
		return ErrInvalidTestStatus
	}
	return nil
}

func (c *Client) methodRequestURL(method, url, contentType string, body io.Reader) (resp *http.Response, err error) {
	var req *http.Request
	uri := fmt.Sprintf("%s://%s%s", c.httpScheme, c.server, url)
	if req, err = http.NewRequest(method, uri, body); err != nil {
		return
	}
	c.populate(req)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err = c.clnt.Do(req)
	return
}

func (c *Client) getStaticURL(url string, obj any) error {
	if c.state != stateAuthed {
		return ErrNoLogin
	}
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s://%s%s", c.httpScheme, c.server, url), nil)
	if err != nil {
		return err
	}
	return c.staticRequest(req, obj, nil)
}

func (c *Client) deleteStaticURL(url string) error {
	return c.methodStaticPushURL(http.MethodDelete, url, nil, nil)
}

func respOK(code int, ok ...int) bool {
	for _, c := range ok {
		if code == c {
			return true
		}
	}
	return false
}

func (c *Client) staticRequest(req *http.Request, obj any, okResponses []int) error {
	c.populate(req)
	resp, err := c.clnt.Do(req)
	if err != nil {
		return err
	}
	if resp == nil {
		return errors.New("invalid response")
	}
	defer drainResponse(resp)
	if resp.StatusCode == http.StatusUnauthorized {
		c.state = stateLoggedOff
		return ErrNotAuthed
	} else if resp.StatusCode == http.StatusNotFound {
		return ErrNotFound
	}
	if !(respOK(resp.StatusCode, okResponses...) || (resp.StatusCode == http.StatusOK && len(okResponses) == 0)) {
		return fmt.Errorf("bad status %s(%d): %s", resp.Status, resp.StatusCode, getBodyErr(resp.Body))
	}
	if obj != nil {
		if err := json.NewDecoder(resp.Body).Decode(obj); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) methodStaticPushURL(method, url string, sendObj, recvObj any, okResps ...int) error {
	var data []byte
	if sendObj != nil {
		var err error
		if data, err = json.Marshal(sendObj); err != nil {
			return err
		}
	}
	req, err := http.NewRequest(method, fmt.Sprintf("%s://%s%s", c.httpScheme, c.server, url), bytes.NewBuffer(data))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	c.populate(req)
	resp, err := c.clnt.Do(req)
	if err != nil {
		return err
	}
	if resp == nil {
		return errors.New("invalid response")
	}
	defer drainResponse(resp)
	if resp.StatusCode == http.StatusUnauthorized {
		c.state = stateLoggedOff
		return ErrNotAuthed
	}
	if resp.StatusCode != http.StatusOK && !respOK(resp.StatusCode, okResps...) {
		return fmt.Errorf("bad status %s(%d): %s", resp.Status, resp.StatusCode, getBodyErr(resp.Body))
	}
	if recvObj != nil {
		if err := json.NewDecoder(resp.Body).Decode(recvObj); err != nil {
			return err
		}
	}
	return nil
}

// getBodyErr returns at most 256 bytes of an error answer's body.
func getBodyErr(rc io.Reader) string {
	buf := make([]byte, 256)
	n, err := rc.Read(buf)
	if (err != nil && err != io.EOF) || n <= 0 {
		return ""
	}
	return strings.TrimSpace(string(buf[:n]))
}

const maxDataDrain = 4 * 1024 * 1024

// ErrMaxBodyDrained stops a drain of a body larger than maxDataDrain.
var ErrMaxBodyDrained = errors.New("too many response bytes in body, closing")

// drainResponse reads up to 4 MB of what is left of the body, then
// closes it, so the connection can be reused.
func drainResponse(resp *http.Response) {
	if resp.Body == nil {
		return
	}
	var nw nilWriter
	io.Copy(&nw, resp.Body)
	resp.Body.Close()
}

type nilWriter struct {
	n int
}

func (nw *nilWriter) Write(b []byte) (int, error) {
	if nw.n > maxDataDrain {
		return -1, ErrMaxBodyDrained
	}
	nw.n += len(b)
	return len(b), nil
}
