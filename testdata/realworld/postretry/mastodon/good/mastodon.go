// Package good is go-mastodon's client after PR #219: before a retry
// after 429, doAPI takes a fresh body from the request's GetBody (set by
// http.NewRequest for the strings.Reader of the form).
package good

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Config is where and as whom the client connects.
type Config struct {
	Server      string
	AccessToken string
}

// Client is an API client for mastodon.
type Client struct {
	http.Client
	Config    *Config
	UserAgent string
}

// NewClient returns a client that copies the default client.
func NewClient(config *Config) *Client {
	return &Client{Client: *http.DefaultClient, Config: config}
}

// Status is a posted status.
type Status struct {
	ID      string `json:"id"`
	Content string `json:"content"`
}

// Account is a user.
type Account struct {
	ID       string `json:"id"`
	Username string `json:"username"`
}

func (c *Client) doAPI(ctx context.Context, method, uri string, params any, res any) error {
	u, err := url.Parse(c.Config.Server)
	if err != nil {
		return err
	}
	u = u.JoinPath(uri)

	var req *http.Request
	if values, ok := params.(url.Values); ok {
		var body io.Reader
		if method == http.MethodGet {
			u.RawQuery = values.Encode()
		} else {
			body = strings.NewReader(values.Encode())
		}
		req, err = http.NewRequest(method, u.String(), body)
	} else {
		req, err = http.NewRequest(method, u.String(), nil)
	}
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+c.Config.AccessToken)
	if params != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}

	var resp *http.Response
	backoff := time.Second
	for {
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()

		// 429: the server throttles us; back off and send again.
		if resp.StatusCode == http.StatusTooManyRequests {
			if backoff > time.Hour {
				break
			}
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
				return ctx.Err()
			}
			// The previous attempt consumed the body.
			if req.GetBody != nil {
				req.Body, err = req.GetBody()
				if err != nil {
					return err
				}
			}

			backoff = time.Duration(1.5 * float64(backoff))
			continue
		}
		break
	}

	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("bad request: %s", resp.Status)
	}
	if res == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(res)
}

// PostStatus posts a status.
func (c *Client) PostStatus(ctx context.Context, text string) (*Status, error) {
	params := url.Values{}
	params.Set("status", text)
	var status Status
	if err := c.doAPI(ctx, http.MethodPost, "/api/v1/statuses", params, &status); err != nil {
		return nil, err
	}
	return &status, nil
}

// AccountFollow follows an account.
func (c *Client) AccountFollow(ctx context.Context, id string) error {
	return c.doAPI(ctx, http.MethodPost, fmt.Sprintf("/api/v1/accounts/%s/follow", url.PathEscape(id)), url.Values{}, nil)
}

// GetAccount gets an account.
func (c *Client) GetAccount(ctx context.Context, id string) (*Account, error) {
	var account Account
	if err := c.doAPI(ctx, http.MethodGet, fmt.Sprintf("/api/v1/accounts/%s", url.PathEscape(id)), nil, &account); err != nil {
		return nil, err
	}
	return &account, nil
}
