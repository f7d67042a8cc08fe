// Package good is webdeskltd/dadata after PR #19 (issue #18): requests no
// longer carry "Connection: close", and the transport keeps the connection
// to the API host for the next call.
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

var baseURL = "https://dadata.ru/api/v2/"

// DaData is a client of the DaData API.
type DaData struct {
	apiKey     string
	secretKey  string
	httpClient *http.Client
}

// NewDaData creates a client with its own http.Client.
func NewDaData(apiKey, secretKey string) *DaData {
	return NewDaDataCustomClient(apiKey, secretKey, &http.Client{})
}

// NewDaDataCustomClient creates a client that sends through httpClient.
func NewDaDataCustomClient(apiKey, secretKey string, httpClient *http.Client) *DaData {
	return &DaData{apiKey: apiKey, secretKey: secretKey, httpClient: httpClient}
}

func (d *DaData) sendRequestToURL(ctx context.Context, method, url string, source, result any) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sendRequestToURL: %v", err)
	}
	buf := &bytes.Buffer{}
	if err := json.NewEncoder(buf).Encode(source); err != nil {
		return fmt.Errorf("sendRequestToURL: encode: %v", err)
	}
	req, err := http.NewRequest(method, url, buf)
	if err != nil {
		return fmt.Errorf("sendRequestToURL: new request: %v", err)
	}
	req = req.WithContext(ctx)
	req.Header.Add("Authorization", "Token "+d.apiKey)
	req.Header.Add("X-Secret", d.secretKey)
	req.Header.Add("Content-Type", "application/json")
	req.Header.Add("Accept", "application/json")

	resp, err := d.httpClient.Do(req)
	if err != nil {
		return fmt.Errorf("sendRequestToURL: do: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("sendRequestToURL: request error %v", resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
		return fmt.Errorf("sendRequestToURL: decode: %v", err)
	}
	return nil
}

func (d *DaData) sendRequest(ctx context.Context, lastURLPart string, source, result any) error {
	return d.sendRequestToURL(ctx, "POST", baseURL+lastURLPart, source, result)
}

// CleanAddresses standardises addresses.
func (d *DaData) CleanAddresses(ctx context.Context, sources ...string) (result []map[string]any, err error) {
	err = d.sendRequest(ctx, "clean/address", sources, &result)
	return
}

// SuggestAddresses suggests addresses for a query.
func (d *DaData) SuggestAddresses(ctx context.Context, query string) (result map[string]any, err error) {
	err = d.sendRequest(ctx, "suggest/address", map[string]string{"query": query}, &result)
	return
}

// ProfileBalance returns the account's balance.
func (d *DaData) ProfileBalance(ctx context.Context) (float64, error) {
	var result struct{ Balance float64 }
	if err := d.sendRequestToURL(ctx, "GET", baseURL+"profile/balance", nil, &result); err != nil {
		return 0, err
	}
	return result.Balance, nil
}
