// Package client downloads GeoIP databases.
package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Client is a download client.
type Client struct {
	accountID  int
	licenseKey string
	endpoint   string
	httpClient *http.Client
}

// Option configures a Client.
type Option func(*Client)

// WithEndpoint sets the update server.
func WithEndpoint(endpoint string) Option { return func(c *Client) { c.endpoint = endpoint } }

// WithHTTPClient sets the client used to download.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.httpClient = hc } }

// New returns a client for an account.
func New(accountID int, licenseKey string, opts ...Option) (Client, error) {
	if accountID == 0 || licenseKey == "" {
		return Client{}, errors.New("an account ID and license key are required")
	}
	c := Client{accountID: accountID, licenseKey: licenseKey, endpoint: "https://updates.maxmind.com", httpClient: http.DefaultClient}
	for _, o := range opts {
		o(&c)
	}
	return c, nil
}

// DownloadResponse is a downloaded edition.
type DownloadResponse struct {
	Body            []byte
	UpdateAvailable bool
}

// Download fetches an edition unless its hash is current.
func (c Client) Download(ctx context.Context, editionID, md5 string) (DownloadResponse, error) {
	url := fmt.Sprintf("%s/geoip/databases/%s/update?db_md5=%s", c.endpoint, editionID, md5)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return DownloadResponse{}, err
	}
	req.SetBasicAuth(fmt.Sprint(c.accountID), c.licenseKey)
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return DownloadResponse{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return DownloadResponse{}, err
	}
	switch resp.StatusCode {
	case http.StatusNotModified:
		return DownloadResponse{}, nil
	case http.StatusOK:
		return DownloadResponse{Body: body, UpdateAvailable: true}, nil
	}
	return DownloadResponse{}, fmt.Errorf("unexpected HTTP status code: %s", resp.Status)
}
