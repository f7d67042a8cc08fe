// Package good is crowdsec's API client after PR #3214: each constructor
// that needs the default's settings takes a Clone() of http.DefaultTransport
// and sets the TLS configuration on its own copy.
package good

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strings"
)

var (
	InsecureSkipVerify = false
	Cert               *tls.Certificate
	CaCertPool         *x509.CertPool
)

// Config configures a client of the local API.
type Config struct {
	MachineID     string
	Password      string
	URL           *url.URL
	UserAgent     string
	VersionPrefix string
}

// ApiClient is a client of the local API.
type ApiClient struct {
	client    *http.Client
	BaseURL   *url.URL
	URLPrefix string
	UserAgent string
}

// NewClient returns a client that logs in with config's credentials.
func NewClient(config *Config) (*ApiClient, error) {
	t := &JWTTransport{
		MachineID:     &config.MachineID,
		Password:      &config.Password,
		UserAgent:     config.UserAgent,
		VersionPrefix: config.VersionPrefix,
	}
	transport, baseURL := createTransport(config.URL)
	if transport != nil {
		t.Transport = transport
	} else {
		// can be httpmock.MockTransport
		if ht, ok := http.DefaultTransport.(*http.Transport); ok {
			t.Transport = ht.Clone()
		}
	}
	t.URL = baseURL

	tlsconfig := tls.Config{InsecureSkipVerify: InsecureSkipVerify}
	tlsconfig.RootCAs = CaCertPool
	if Cert != nil {
		tlsconfig.Certificates = []tls.Certificate{*Cert}
	}
	if t.Transport != nil {
		t.Transport.(*http.Transport).TLSClientConfig = &tlsconfig
	}
	return &ApiClient{client: t.Client(), BaseURL: baseURL, UserAgent: config.UserAgent, URLPrefix: config.VersionPrefix}, nil
}

// NewDefaultClient returns a client of URL that sends through client, or
// through a client of its own if nil.
func NewDefaultClient(URL *url.URL, prefix string, userAgent string, client *http.Client) (*ApiClient, error) {
	transport, baseURL := createTransport(URL)
	if client == nil {
		client = &http.Client{}
		if transport != nil {
			client.Transport = transport
		} else {
			if ht, ok := http.DefaultTransport.(*http.Transport); ok {
				ht = ht.Clone()
				tlsconfig := tls.Config{InsecureSkipVerify: InsecureSkipVerify}
				tlsconfig.RootCAs = CaCertPool
				if Cert != nil {
					tlsconfig.Certificates = []tls.Certificate{*Cert}
				}
				ht.TLSClientConfig = &tlsconfig
				client.Transport = ht
			}
		}
	}
	return &ApiClient{client: client, BaseURL: baseURL, UserAgent: userAgent, URLPrefix: prefix}, nil
}

// RegisterClient registers the machine with the local API.
func RegisterClient(config *Config, client *http.Client) (*ApiClient, error) {
	transport, baseURL := createTransport(config.URL)
	if client == nil {
		client = &http.Client{}
		if transport != nil {
			client.Transport = transport
		} else {
			tlsconfig := tls.Config{InsecureSkipVerify: InsecureSkipVerify}
			if Cert != nil {
				tlsconfig.RootCAs = CaCertPool
				tlsconfig.Certificates = []tls.Certificate{*Cert}
			}
			client.Transport = http.DefaultTransport.(*http.Transport).Clone()
			client.Transport.(*http.Transport).TLSClientConfig = &tlsconfig
		}
	} else if client.Transport == nil && transport != nil {
		client.Transport = transport
	}
	c := &ApiClient{client: client, BaseURL: baseURL, UserAgent: config.UserAgent, URLPrefix: config.VersionPrefix}
	if err := c.registerWatcher(context.Background(), config); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *ApiClient) registerWatcher(ctx context.Context, config *Config) error {
	u := c.BaseURL.JoinPath(c.URLPrefix, "watchers")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(`{"machine_id":"`+config.MachineID+`"}`))
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var answer struct {
		Message string `json:"message"`
	}
	return json.NewDecoder(resp.Body).Decode(&answer)
}

// createTransport returns a transport of a unix socket for a URL that is a
// path, and nil (use the default) otherwise.
func createTransport(url *url.URL) (*http.Transport, *url.URL) {
	urlString := url.String()
	if !strings.HasPrefix(urlString, "/") {
		return nil, url
	}
	url.Path = "/"
	url.Host = "unix"
	url.Scheme = "http"
	return &http.Transport{
		DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
			return net.Dial("unix", strings.TrimSuffix(urlString, "/"))
		},
	}, url
}
