// Package bad is the shape of mailjet/mailjet-apiv3-go before PR #14:
// doRequest resends a request that got a 500, up to NbAttempt times,
// dropping each 500 response without closing its body, and returns an
// error response (status 400 and up) together with the error from
// checkResponseError; List, Get, Post and SendMail return on that error
// without closing the body. Every failed call left a connection and its
// goroutines behind, and long-running senders ran out of memory and file
// descriptors.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

const apiBase = "https://api.mailjet.com/v3"

// DebugLevel is the level of request logging.
var DebugLevel = 0

// NbAttempt is the number of attempts of a request as long as it gets a
// 500.
var NbAttempt = 5

// Client is the Mailjet API client.
type Client struct {
	apiKeyPublic  string
	apiKeyPrivate string
	client        *http.Client
}

// NewMailjetClient returns a client authenticating with the given keys.
func NewMailjetClient(apiKeyPublic, apiKeyPrivate string) *Client {
	return &Client{apiKeyPublic: apiKeyPublic, apiKeyPrivate: apiKeyPrivate, client: http.DefaultClient}
}

// SetClient replaces the HTTP client.
func (mj *Client) SetClient(c *http.Client) {
	mj.client = c
}

// RequestError is the body of an API error.
type RequestError struct {
	ErrorInfo    string
	ErrorMessage string
	StatusCode   int
}

func createRequest(method string, url string, payload any) (*http.Request, error) {
	var body []byte
	if payload != nil {
		b, err := json.Marshal(payload)
		if err != nil {
			return nil, err
		}
		body = b
	}
	return http.NewRequest(method, url, bytes.NewBuffer(body))
}

// doRequest executes the request with the client's keys.
func (m *Client) doRequest(req *http.Request) (resp *http.Response, err error) {
	if DebugLevel > 0 {
		log.Printf("%s %s", req.Method, req.URL)
	}
	req.SetBasicAuth(m.apiKeyPublic, m.apiKeyPrivate)
	for attempt := 0; attempt < NbAttempt; attempt++ {
		resp, err = m.client.Do(req)
		if err != nil || (resp != nil && resp.StatusCode != 500) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("Error getting %s: %s", req.URL, err)
	}
	err = checkResponseError(resp)
	return resp, err
}

// checkResponseError returns the API's error if the status is < 200 or >= 400.
func checkResponseError(resp *http.Response) error {
	if resp.StatusCode < 200 || resp.StatusCode >= 400 {
		var mailjetErr RequestError
		err := json.NewDecoder(resp.Body).Decode(&mailjetErr)
		if err != nil {
			return fmt.Errorf("Unexpected server response code: %d: %s", resp.StatusCode, err)
		}
		return fmt.Errorf("Unexpected server response code: %d: %s (%s)",
			resp.StatusCode, mailjetErr.ErrorMessage, mailjetErr.ErrorInfo)
	}
	return nil
}
