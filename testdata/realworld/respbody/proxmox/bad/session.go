// Package bad is the shape of Telmate/proxmox-api-go before PR #74: every
// API call goes through Session.Do, which hands the live response up
// through Request and Post/Put/Get, and many of the client's methods keep
// only the error (`_, err = c.session.Post(...)`), so the body of each of
// those calls is never read or closed and a file descriptor leaks per
// request.
package bad

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Session is an authenticated connection to the Proxmox API.
type Session struct {
	httpClient *http.Client
	ApiUrl     string
	AuthTicket string
	Headers    http.Header
}

// Client is the Proxmox API client.
type Client struct {
	session *Session
}

// NewClient creates a client of the API at apiUrl.
func NewClient(apiUrl string, hclient *http.Client) *Client {
	if hclient == nil {
		hclient = &http.Client{Transport: &http.Transport{DisableCompression: true}}
	}
	return &Client{session: &Session{httpClient: hclient, ApiUrl: apiUrl, Headers: http.Header{}}}
}

// ParamsToBody encodes params as a form.
func ParamsToBody(params map[string]any) []byte {
	vals := url.Values{}
	for k, v := range params {
		vals.Set(k, fmt.Sprint(v))
	}
	return []byte(vals.Encode())
}

// ResponseJSON decodes the whole body of resp.
func ResponseJSON(resp *http.Response) (jbody map[string]any, err error) {
	rbody, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("error reading response body: %s", err)
	}
	err = json.Unmarshal(rbody, &jbody)
	return jbody, err
}

// Do sends req with the session's headers.
func (s *Session) Do(req *http.Request) (*http.Response, error) {
	for k := range s.Headers {
		req.Header.Set(k, s.Headers.Get(k))
	}
	if s.AuthTicket != "" {
		req.Header.Add("Cookie", "PVEAuthCookie="+s.AuthTicket)
	}
	resp, err := s.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, errors.New(resp.Status)
	}
	return resp, nil
}

// Request sends a request to an endpoint of the API.
func (s *Session) Request(method, path string, params *url.Values, body *[]byte) (*http.Response, error) {
	u := s.ApiUrl + path
	if params != nil {
		u += "?" + params.Encode()
	}
	var buf io.Reader
	if body != nil {
		buf = bytes.NewReader(*body)
	}
	req, err := http.NewRequest(method, u, buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return s.Do(req)
}

func (s *Session) Get(path string, params *url.Values) (*http.Response, error) {
	return s.Request("GET", path, params, nil)
}

func (s *Session) Post(path string, params *url.Values, body *[]byte) (*http.Response, error) {
	return s.Request("POST", path, params, body)
}

func (s *Session) Put(path string, params *url.Values, body *[]byte) (*http.Response, error) {
	return s.Request("PUT", path, params, body)
}

// CreateTemplate turns a VM into a template.
func (c *Client) CreateTemplate(node string, vmid int) error {
	_, err := c.session.Post(fmt.Sprintf("/nodes/%s/qemu/%d/template", node, vmid), nil, nil)
	return err
}

// Sendkey sends a key press to a VM.
func (c *Client) Sendkey(node string, vmid int, key string) error {
	body := ParamsToBody(map[string]any{"key": key})
	_, err := c.session.Put(fmt.Sprintf("/nodes/%s/qemu/%d/sendkey", node, vmid), nil, &body)
	return err
}

// DeleteVMDisks deletes the given disks of a node.
func (c *Client) DeleteVMDisks(node string, disks []string) error {
	for _, disk := range disks {
		_, err := c.session.Post(fmt.Sprintf("/nodes/%s/storage/content/%s", node, disk), nil, nil)
		if err != nil {
			return err
		}
	}
	return nil
}

// MonitorCmd runs a monitor command on a VM and returns its output.
func (c *Client) MonitorCmd(node string, vmid int, command string) (map[string]any, error) {
	body := ParamsToBody(map[string]any{"command": command})
	resp, err := c.session.Post(fmt.Sprintf("/nodes/%s/qemu/%d/monitor", node, vmid), nil, &body)
	if err != nil {
		return nil, err
	}
	return ResponseJSON(resp)
}

// GetVersion returns the API's version.
func (c *Client) GetVersion() (map[string]any, error) {
	resp, err := c.session.Get("/version", nil)
	if err != nil {
		return nil, err
	}
	return ResponseJSON(resp)
}
