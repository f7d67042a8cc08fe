// Package good is the client after PR #150 (merge e5fb6a3): request takes
// the body as a []byte and gives every attempt a new reader of all of it.
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"time"
)

// Config is the client's configuration.
type Config struct {
	APIKey     string
	NumRetries int
	Client     *http.Client
}

// Client is a Grafana API client.
type Client struct {
	config  Config
	baseURL url.URL
	client  *http.Client
}

// New returns a client of the Grafana at baseURL.
func New(baseURL string, cfg Config) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	cli := cfg.Client
	if cli == nil {
		cli = &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 16}}
	}
	return &Client{config: cfg, baseURL: *u, client: cli}, nil
}

func (c *Client) request(method, requestPath string, query url.Values, body []byte, responseStruct interface{}) error {
	var (
		req          *http.Request
		resp         *http.Response
		err          error
		bodyContents []byte
	)

	for n := 0; n <= c.config.NumRetries; n++ {
		req, err = c.newRequest(method, requestPath, query, bytes.NewReader(body))
		if err != nil {
			return err
		}

		if n != 0 {
			time.Sleep(time.Second * 5)
		}

		resp, err = c.client.Do(req)
		if err != nil {
			continue
		}
		defer resp.Body.Close()

		bodyContents, err = io.ReadAll(resp.Body)
		if err != nil {
			continue
		}
		if resp.StatusCode < http.StatusInternalServerError && resp.StatusCode != http.StatusTooManyRequests {
			break
		}
	}
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("status: %d, body: %v", resp.StatusCode, string(bodyContents))
	}
	if responseStruct == nil {
		return nil
	}
	return json.Unmarshal(bodyContents, responseStruct)
}

func (c *Client) newRequest(method, requestPath string, query url.Values, body io.Reader) (*http.Request, error) {
	u := c.baseURL
	u.Path = path.Join(u.Path, requestPath)
	u.RawQuery = query.Encode()
	req, err := http.NewRequest(method, u.String(), body)
	if err != nil {
		return req, err
	}
	if c.config.APIKey != "" {
		req.Header.Add("Authorization", "Bearer "+c.config.APIKey)
	}
	req.Header.Add("Content-Type", "application/json")
	return req, nil
}

// Folder is a dashboard folder.
type Folder struct {
	ID    int64  `json:"id"`
	UID   string `json:"uid"`
	Title string `json:"title"`
}

// NewFolder creates a folder.
func (c *Client) NewFolder(title string) (Folder, error) {
	f := Folder{}
	data, err := json.Marshal(map[string]string{"title": title})
	if err != nil {
		return f, err
	}
	err = c.request("POST", "/api/folders", nil, data, &f)
	return f, err
}
