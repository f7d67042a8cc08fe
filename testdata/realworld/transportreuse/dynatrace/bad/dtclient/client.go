// Package dtclient is the operator's Dynatrace REST API client.
package dtclient

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client reads from the Dynatrace API.
type Client struct {
	url        string
	apiToken   string
	httpClient *http.Client
}

// Option customizes a new Client.
type Option func(*Client)

// NewClient returns a client of the environment at url.
func NewClient(url, apiToken string, opts ...Option) (*Client, error) {
	if url == "" || apiToken == "" {
		return nil, fmt.Errorf("url and token must be set")
	}
	c := &Client{url: url, apiToken: apiToken, httpClient: http.DefaultClient}
	for _, opt := range opts {
		opt(c)
	}
	return c, nil
}

// SkipCertificateValidation makes the client accept any server
// certificate.
func SkipCertificateValidation(skip bool) Option {
	return func(c *Client) {
		if skip {
			c.httpClient = &http.Client{
				Transport: &http.Transport{
					TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
				},
			}
		} else {
			c.httpClient = http.DefaultClient
		}
	}
}

// GetLatestAgentVersion asks which OneAgent version to roll out.
func (c *Client) GetLatestAgentVersion(os, installerType string) (string, error) {
	req, err := http.NewRequest("GET", fmt.Sprintf("%s/v1/deployment/installer/agent/%s/%s/latest/metainfo", c.url, os, installerType), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Api-Token "+c.apiToken)
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var v struct {
		LatestAgentVersion string `json:"latestAgentVersion"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return "", err
	}
	return v.LatestAgentVersion, nil
}
