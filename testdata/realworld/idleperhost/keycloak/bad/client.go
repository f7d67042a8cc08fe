// Package bad is the shape of keycloak/terraform-provider-keycloak's API
// client before PR #1169: newHttpClient builds a transport of its own with
// the default 2 idle connections per host and puts it in the client it
// takes from retryablehttp, and every request of the provider goes to the
// one Keycloak base URL, from Terraform's parallel resource operations; the
// connections beyond two are closed after each burst, churning through
// ports on a shared NAT.
package bad

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

const apiUrl = "/admin"

// KeycloakClient is the provider's client of one Keycloak server.
type KeycloakClient struct {
	baseUrl     string
	accessToken string
	httpClient  *http.Client
}

// NewKeycloakClient creates a client of the server at url.
func NewKeycloakClient(url, basePath string, clientTimeout int, caCert string, tlsInsecureSkipVerify bool) (*KeycloakClient, error) {
	httpClient, err := newHttpClient(tlsInsecureSkipVerify, clientTimeout, caCert)
	if err != nil {
		return nil, fmt.Errorf("failed to create http client: %v", err)
	}
	return &KeycloakClient{baseUrl: url + basePath, httpClient: httpClient}, nil
}

// RetryPolicy retries on connection errors and on 5xx responses.
func RetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	return err != nil || resp.StatusCode >= 500, nil
}

func newHttpClient(tlsInsecureSkipVerify bool, clientTimeout int, caCert string) (*http.Client, error) {
	cookieJar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: tlsInsecureSkipVerify},
		Proxy:           http.ProxyFromEnvironment,
	}
	if caCert != "" {
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM([]byte(caCert))
		transport.TLSClientConfig.RootCAs = pool
	}

	retryClient := retryablehttp.NewClient()
	retryClient.CheckRetry = RetryPolicy
	retryClient.RetryMax = 5
	retryClient.RetryWaitMin = time.Second
	retryClient.RetryWaitMax = time.Minute

	httpClient := retryClient.StandardClient()
	httpClient.Timeout = time.Second * time.Duration(clientTimeout)
	httpClient.Transport = transport
	httpClient.Jar = cookieJar
	return httpClient, nil
}

func (c *KeycloakClient) sendRequest(request *http.Request, body []byte) ([]byte, error) {
	if body != nil {
		request.Body = io.NopCloser(bytes.NewReader(body))
	}
	request.Header.Set("Authorization", "Bearer "+c.accessToken)
	request.Header.Set("Accept", "application/json")

	response, err := c.httpClient.Do(request)
	if err != nil {
		return nil, fmt.Errorf("error sending request: %v", err)
	}
	defer response.Body.Close()

	responseBody, err := io.ReadAll(response.Body)
	if err != nil {
		return nil, err
	}
	if response.StatusCode >= 400 {
		return nil, fmt.Errorf("error sending %s request to %s: %s", request.Method, request.URL.Path, response.Status)
	}
	return responseBody, nil
}

func (c *KeycloakClient) get(ctx context.Context, path string, resource any, params map[string]string) error {
	request, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseUrl+apiUrl+path, nil)
	if err != nil {
		return err
	}
	if params != nil {
		query := url.Values{}
		for k, v := range params {
			query.Add(k, v)
		}
		request.URL.RawQuery = query.Encode()
	}
	body, err := c.sendRequest(request, nil)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, resource)
}

func (c *KeycloakClient) put(ctx context.Context, path string, requestBody any) error {
	payload, err := json.Marshal(requestBody)
	if err != nil {
		return err
	}
	request, err := http.NewRequestWithContext(ctx, http.MethodPut, c.baseUrl+apiUrl+path, nil)
	if err != nil {
		return err
	}
	request.Header.Set("Content-Type", "application/json")
	_, err = c.sendRequest(request, payload)
	return err
}

// Realm is a Keycloak realm.
type Realm struct {
	Id      string `json:"id"`
	Enabled bool   `json:"enabled"`
}

// GetRealm fetches a realm.
func (c *KeycloakClient) GetRealm(ctx context.Context, name string) (*Realm, error) {
	var realm Realm
	if err := c.get(ctx, "/realms/"+name, &realm, nil); err != nil {
		return nil, err
	}
	return &realm, nil
}

// UpdateRealm stores a realm.
func (c *KeycloakClient) UpdateRealm(ctx context.Context, realm *Realm) error {
	return c.put(ctx, "/realms/"+realm.Id, realm)
}
