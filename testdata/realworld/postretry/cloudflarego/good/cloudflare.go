// Package good is cloudflare-go's request helper after PR #826: the body
// is built again at the top of every attempt, so a retried POST sends the
// whole payload. (An io.Reader given as params is still handed to every
// attempt as it is, so its retries still send what the first attempt
// left of it.)
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"time"
)

// RetryPolicy says how often and how long to retry.
type RetryPolicy struct {
	MaxRetries    int
	MinRetryDelay time.Duration
	MaxRetryDelay time.Duration
}

// API is a Cloudflare API client.
type API struct {
	BaseURL     string
	APIToken    string
	httpClient  *http.Client
	retryPolicy RetryPolicy
}

func (api *API) makeRequestContext(ctx context.Context, method, uri string, params interface{}) ([]byte, error) {
	var resp *http.Response
	var respErr error
	var respBody []byte
	for i := 0; i <= api.retryPolicy.MaxRetries; i++ {
		var reqBody io.Reader
		if params != nil {
			if r, ok := params.(io.Reader); ok {
				reqBody = r
			} else if paramBytes, ok := params.([]byte); ok {
				reqBody = bytes.NewReader(paramBytes)
			} else {
				jsonBody, err := json.Marshal(params)
				if err != nil {
					return nil, fmt.Errorf("error marshalling params to JSON: %w", err)
				}
				reqBody = bytes.NewReader(jsonBody)
			}
		}

		if i > 0 {
			sleep := time.Duration(math.Pow(2, float64(i-1)) * float64(api.retryPolicy.MinRetryDelay))
			if sleep > api.retryPolicy.MaxRetryDelay {
				sleep = api.retryPolicy.MaxRetryDelay
			}
			select {
			case <-time.After(sleep):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}

		resp, respErr = api.request(ctx, method, uri, reqBody)
		if respErr != nil || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			if respErr == nil {
				respBody, _ = io.ReadAll(resp.Body)
				resp.Body.Close()
				respErr = fmt.Errorf("HTTP status %d: %s", resp.StatusCode, respBody)
			}
			continue
		}
		defer resp.Body.Close()
		respBody, respErr = io.ReadAll(resp.Body)
		break
	}
	if respErr != nil {
		return nil, respErr
	}
	return respBody, nil
}

// request sends one attempt; the caller closes the answer's body.
func (api *API) request(ctx context.Context, method, uri string, reqBody io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, api.BaseURL+uri, reqBody)
	if err != nil {
		return nil, fmt.Errorf("HTTP request creation failed: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+api.APIToken)
	req.Header.Set("Content-Type", "application/json")
	return api.httpClient.Do(req)
}

// CreateDNSRecord posts a new DNS record of a zone.
func (api *API) CreateDNSRecord(ctx context.Context, zoneID string, record interface{}) ([]byte, error) {
	return api.makeRequestContext(ctx, http.MethodPost, "/zones/"+zoneID+"/dns_records", record)
}
