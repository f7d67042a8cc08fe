// Package good is openwhisk-client-go after PR #112: NewClient loads the
// key pair once, and only a non-default TLS configuration installs a
// transport, so every request of a client shares one pool.
package good

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

const defaultHTTPTimeout = 30

// Config is the whisk configuration.
type Config struct {
	Namespace string
	AuthToken string
	Host      string
	BaseURL   *url.URL
	Version   string
	Cert      string
	Key       string
	Insecure  bool
	UserAgent string
}

// Client is a whisk client.
type Client struct {
	client *http.Client
	*Config

	Actions *ActionService
}

// NewClient creates a client around httpClient, or a client of its own.
func NewClient(httpClient *http.Client, config *Config) (*Client, error) {
	if config == nil || config.Host == "" {
		return nil, errors.New("unable to create request URL, because OpenWhisk API host is missing")
	}
	if httpClient == nil {
		httpClient = &http.Client{Timeout: time.Second * defaultHTTPTimeout}
	}
	if config.BaseURL == nil {
		u, err := url.Parse("https://" + config.Host + "/api")
		if err != nil {
			return nil, err
		}
		config.BaseURL = u
	}
	if config.Namespace == "" {
		config.Namespace = "_"
	}
	if config.Version == "" {
		config.Version = "v1"
	}
	c := &Client{client: httpClient, Config: config}
	c.Actions = &ActionService{client: c}
	if err := c.LoadX509KeyPair(); err != nil {
		return nil, err
	}
	return c, nil
}

// LoadX509KeyPair builds the TLS configuration and a transport using it.
func (c *Client) LoadX509KeyPair() error {
	tlsConfig := &tls.Config{InsecureSkipVerify: c.Config.Insecure}
	tlsModified := c.Config.Insecure
	if c.Config.Cert != "" && c.Config.Key != "" {
		cert, err := ReadX509KeyPair(c.Config.Cert, c.Config.Key)
		if err != nil {
			return fmt.Errorf("unable to load the X509 key pair due to the following reason: %v", err)
		}
		tlsConfig.Certificates = []tls.Certificate{cert}
		tlsModified = true
	} else if !c.Config.Insecure && (c.Config.Cert != "") != (c.Config.Key != "") {
		return errors.New("both the Cert and the Key file must be configured")
	}

	// Only a non-default TLS configuration needs a transport of its own.
	if !tlsModified {
		return nil
	}
	// Based on DefaultTransport, to keep proxy support.
	c.client.Transport = &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       tlsConfig,
	}
	return nil
}

// ReadX509KeyPair loads a certificate; tests replace it.
var ReadX509KeyPair = func(certFile, keyFile string) (tls.Certificate, error) {
	return tls.LoadX509KeyPair(certFile, keyFile)
}

// NewRequest builds an API request with a JSON body.
func (c *Client) NewRequest(method, urlStr string, body any, includeNamespaceInURL bool) (*http.Request, error) {
	if includeNamespaceInURL {
		urlStr = fmt.Sprintf("%s/namespaces/%s/%s", c.Config.Version, c.Config.Namespace, urlStr)
	} else {
		urlStr = fmt.Sprintf("%s/%s", c.Config.Version, urlStr)
	}
	u, err := url.Parse(c.BaseURL.String() + "/" + urlStr)
	if err != nil {
		return nil, fmt.Errorf("invalid request URL %q: %v", urlStr, err)
	}
	var buf io.ReadWriter
	if body != nil {
		buf = new(bytes.Buffer)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(body); err != nil {
			return nil, fmt.Errorf("error encoding request body: %v", err)
		}
	}
	req, err := http.NewRequest(method, u.String(), buf)
	if err != nil {
		return nil, fmt.Errorf("error initializing request: %v", err)
	}
	if req.Body != nil {
		req.Header.Add("Content-Type", "application/json")
	}
	if c.Config.AuthToken != "" {
		req.Header.Add("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(c.Config.AuthToken)))
	}
	req.Header.Add("User-Agent", c.Config.UserAgent)
	return req, nil
}

// Do sends req and decodes a successful JSON answer into v.
func (c *Client) Do(req *http.Request, v any) (*http.Response, error) {
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, fmt.Errorf("request failed: %s: %s", resp.Status, data)
	}
	if v != nil && len(data) > 0 {
		return resp, json.Unmarshal(data, v)
	}
	return resp, nil
}

// ActionService invokes actions.
type ActionService struct {
	client *Client
}

// Invoke runs an action and, when blocking, returns its result.
func (s *ActionService) Invoke(name string, payload any, blocking bool) (map[string]any, *http.Response, error) {
	route := fmt.Sprintf("actions/%s?blocking=%t", url.PathEscape(name), blocking)
	req, err := s.client.NewRequest("POST", route, payload, true)
	if err != nil {
		return nil, nil, err
	}
	res := make(map[string]any)
	resp, err := s.client.Do(req, &res)
	return res, resp, err
}
