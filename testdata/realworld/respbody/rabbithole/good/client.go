// Package good is rabbit-hole's client after PR #66: the body is closed
// on every path, and a 404's body is read to the end first so that its
// keep-alive connection is reused.
package good

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
)

// Client is a client of the RabbitMQ HTTP API.
type Client struct {
	Endpoint  string
	Username  string
	Password  string
	host      string
	transport http.RoundTripper
}

// NewClient creates a client of the API at uri.
func NewClient(uri, username, password string) (*Client, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return nil, err
	}
	return &Client{Endpoint: uri, host: u.Host, Username: username, Password: password}, nil
}

func newGETRequest(client *Client, path string) (*http.Request, error) {
	req, err := http.NewRequest("GET", client.Endpoint+"/api/"+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(client.Username, client.Password)
	// keep the percent-encoded path as it is
	req.URL.Opaque = "//" + client.host + "/api/" + path
	return req, nil
}

func executeAndParseRequest(client *Client, req *http.Request, rec any) error {
	var httpc *http.Client
	if client.transport != nil {
		httpc = &http.Client{Transport: client.transport}
	} else {
		httpc = &http.Client{}
	}
	res, err := httpc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close() // always close the body

	if isNotFound(res) {
		// read the body to the end so that the connection is reused
		io.Copy(io.Discard, res.Body)
		return errors.New("not found")
	}

	return json.NewDecoder(res.Body).Decode(&rec)
}

func isNotFound(res *http.Response) bool {
	return res.StatusCode == http.StatusNotFound
}

// QueueInfo describes a queue.
type QueueInfo struct {
	Name     string `json:"name"`
	Vhost    string `json:"vhost"`
	Messages int    `json:"messages"`
}

// ListQueues returns every queue.
func (c *Client) ListQueues() ([]QueueInfo, error) {
	req, err := newGETRequest(c, "queues/")
	if err != nil {
		return nil, err
	}
	var rec []QueueInfo
	if err := executeAndParseRequest(c, req, &rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// GetQueue returns one queue of a virtual host.
func (c *Client) GetQueue(vhost, queue string) (*QueueInfo, error) {
	req, err := newGETRequest(c, "queues/"+url.QueryEscape(vhost)+"/"+url.QueryEscape(queue))
	if err != nil {
		return nil, err
	}
	var rec QueueInfo
	if err := executeAndParseRequest(c, req, &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}
