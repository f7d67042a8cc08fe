// Package good is the splunk-cloud-sdk-go client after PR #112: the retry
// after a 401 takes a fresh copy of the body from req.GetBody, which
// http.NewRequest set for the *bytes.Buffer. (The 401 answer is still
// dropped without a Close, which the PR left alone.)
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

// RefreshToken is the token used to get a new access token.
var RefreshToken = os.Getenv("REFRESH_TOKEN")

// Client talks to the service endpoints.
type Client struct {
	token      string
	URL        url.URL
	httpClient *http.Client
	newToken   func() (string, error)
}

// NewRequest builds a request with the client's token.
func (c *Client) NewRequest(method, url string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// Do sends req, and sends it again with a new token after a 401.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	response, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if response.StatusCode == 401 && len(RefreshToken) != 0 {
		return c.onUnauthorizedRequest(req)
	}
	return response, nil
}

func (c *Client) onUnauthorizedRequest(req *http.Request) (*http.Response, error) {
	accessToken, err := c.newToken()
	if err != nil || len(accessToken) == 0 {
		return nil, err
	}
	c.token = accessToken
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	request, err := http.NewRequest(req.Method, req.URL.String(), body)
	if err != nil {
		return nil, err
	}
	request.Header.Set("Authorization", "Bearer "+accessToken)
	request.Header.Set("Content-Type", "application/json")
	return c.httpClient.Do(request)
}

// CreateEvent posts one HEC event.
func (c *Client) CreateEvent(event interface{}) error {
	data, err := json.Marshal(event)
	if err != nil {
		return err
	}
	u := c.URL
	u.Path = "/hec/v1/events"
	req, err := c.NewRequest(http.MethodPost, u.String(), bytes.NewBuffer(data))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("hec: %s", resp.Status)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}
