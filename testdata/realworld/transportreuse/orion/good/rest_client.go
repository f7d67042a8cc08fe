package good

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// RestClient sends the session's signed requests to a server.
type RestClient interface {
	Query(ctx context.Context, endpoint, method string, postData, signature []byte) (*http.Response, error)
	Submit(ctx context.Context, endpoint string, msg any, serverTimeout time.Duration) (*http.Response, error)
}

// HttpClient is what RestClient sends through (mocked in tests).
type HttpClient interface {
	Do(req *http.Request) (*http.Response, error)
}

type restClient struct {
	userID     string
	httpClient HttpClient
}

// NewRestClient returns a RestClient for userID on httpClient.
func NewRestClient(userID string, httpClient HttpClient, signer Signer) RestClient {
	return &restClient{userID: userID, httpClient: httpClient}
}

func (r *restClient) Query(ctx context.Context, endpoint, method string, postData, signature []byte) (*http.Response, error) {
	var req *http.Request
	var err error
	switch method {
	case http.MethodPost:
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(postData))
	case http.MethodGet:
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	default:
		return nil, fmt.Errorf("unexpected http method [%s]", method)
	}
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("UserID", r.userID)
	req.Header.Set("Signature", base64.StdEncoding.EncodeToString(signature))
	resp, err := r.httpClient.Do(req)
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		err = fmt.Errorf("queryTimeout error: %w", err)
	}
	return resp, err
}

func (r *restClient) Submit(ctx context.Context, endpoint string, msg any, serverTimeout time.Duration) (*http.Response, error) {
	envelope, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(envelope))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if serverTimeout > 0 {
		req.Header.Set("TxTimeout", serverTimeout.String())
	}
	resp, err := r.httpClient.Do(req)
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		err = fmt.Errorf("timeout error: %w", err)
	}
	return resp, err
}
