// Package bad is the shape of cloudfoundry/go-cfclient's NewClient before
// PR #91: a config without a transport gets http.DefaultTransport itself,
// and NewClient then sets SkipSslValidation on its TLS configuration, so
// every client of the default transport in the process stops (or starts)
// checking certificates with the last cfclient made.
package bad

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client talks to a Cloud Foundry API.
type Client struct {
	config   Config
	Endpoint Endpoint
}

// Endpoint is the API's /v2/info.
type Endpoint struct {
	AuthEndpoint  string `json:"authorization_endpoint"`
	TokenEndpoint string `json:"token_endpoint"`
}

// Config configures a Client.
type Config struct {
	ApiAddress        string
	Username          string
	Password          string
	SkipSslValidation bool
	HttpClient        *http.Client
	Token             string
	UserAgent         string
}

// DefaultConfig is the configuration NewClient fills gaps from.
func DefaultConfig() *Config {
	return &Config{
		ApiAddress: "http://api.bosh-lite.com",
		Username:   "admin",
		Password:   "admin",
		HttpClient: http.DefaultClient,
		UserAgent:  "Go-CF-client/1.1",
	}
}

type httpClientKey struct{}

// NewClient returns a client for config's API.
func NewClient(config *Config) (*Client, error) {
	defConfig := DefaultConfig()
	if config.ApiAddress == "" {
		config.ApiAddress = defConfig.ApiAddress
	}
	if config.Username == "" {
		config.Username = defConfig.Username
	}
	if config.Password == "" {
		config.Password = defConfig.Password
	}
	if config.UserAgent == "" {
		config.UserAgent = defConfig.UserAgent
	}
	if config.HttpClient == nil {
		config.HttpClient = defConfig.HttpClient
	}
	if config.HttpClient.Transport == nil {
		config.HttpClient.Transport = http.DefaultTransport
	}
	tp := config.HttpClient.Transport.(*http.Transport)
	if tp.TLSClientConfig == nil {
		tp.TLSClientConfig = &tls.Config{}
	}
	timeout := config.HttpClient.Timeout
	tp.TLSClientConfig.InsecureSkipVerify = config.SkipSslValidation
	ctx := context.WithValue(context.Background(), httpClientKey{}, config.HttpClient)

	endpoint, err := getInfo(ctx, config.ApiAddress)
	if err != nil {
		return nil, fmt.Errorf("could not get api /v2/info: %w", err)
	}
	if config.HttpClient.Timeout != timeout {
		config.HttpClient.Timeout = timeout
	}
	return &Client{config: *config, Endpoint: *endpoint}, nil
}

func getInfo(ctx context.Context, api string) (*Endpoint, error) {
	client, _ := ctx.Value(httpClientKey{}).(*http.Client)
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Get(api + "/v2/info")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var e Endpoint
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return nil, err
	}
	return &e, nil
}
