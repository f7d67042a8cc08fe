// Package bad is the shape of michaelklishin/rabbit-hole's client before
// PR #66 (issue #65): executeAndParseRequest, which every listing and
// lookup of the management API goes through, returns "not found" on a
// 404, decided by the isNotFound helper, before its deferred Close is set
// up, so the 404's JSON error body is never read or closed and its
// connection leaks.
package bad

import (
	"encoding/json"
	"errors"
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

	if isNotFound(res) {
		return errors.New("not found")
	}

	defer res.Body.Close()

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
