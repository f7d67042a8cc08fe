// Package bad is the shape of softlayer/softlayer-go's REST transport
// before PR #137 (commit b9062a9): DoRequest wraps the encoded parameters
// in a *bytes.Buffer once, and tryHTTPRequest retries a timed-out or
// refused call by calling itself with that same buffer. The first
// attempt's transport read the buffer to its end, so every retry builds
// its request from an empty buffer and a createObject POST goes out with
// no parameters.
package bad

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"strings"
	"time"
)

const (
	DefaultEndpoint  = "https://api.softlayer.com/rest/v3.1"
	DefaultTimeout   = 120 * time.Second
	DefaultRetryWait = 3 * time.Second
)

// Session is the API session.
type Session struct {
	UserName   string
	APIKey     string
	Endpoint   string
	Timeout    time.Duration
	Retries    int
	RetryWait  time.Duration
	HTTPClient *http.Client
}

// RestTransport sends API calls over REST.
type RestTransport struct{}

// DoRequest calls method of service with args and decodes the answer
// into pResult.
func (r *RestTransport) DoRequest(sess *Session, service, method string, args []interface{}, pResult interface{}) error {
	parameters, err := json.Marshal(map[string]interface{}{"parameters": args})
	if err != nil {
		return err
	}
	restMethod := http.MethodGet
	if strings.HasPrefix(method, "create") || strings.HasPrefix(method, "edit") || len(args) > 0 {
		restMethod = http.MethodPost
	}
	resp, _, err := sendHTTPRequest(sess, service+"/"+method+".json", restMethod, bytes.NewBuffer(parameters))
	if err != nil {
		return err
	}
	return json.Unmarshal(resp, pResult)
}

func isRetryable(err error) bool {
	var nerr net.Error
	if errors.As(err, &nerr) && nerr.Timeout() {
		return true
	}
	return strings.Contains(err.Error(), "connection refused")
}

func sendHTTPRequest(sess *Session, path, requestType string, requestBody *bytes.Buffer) ([]byte, int, error) {
	retries := sess.Retries
	if retries < 2 {
		return makeHTTPRequest(sess, path, requestType, requestBody)
	}
	wait := sess.RetryWait
	if wait == 0 {
		wait = DefaultRetryWait
	}
	return tryHTTPRequest(retries, wait, sess, path, requestType, requestBody)
}

func tryHTTPRequest(retries int, wait time.Duration, sess *Session, path, requestType string, requestBody *bytes.Buffer) ([]byte, int, error) {
	resp, code, err := makeHTTPRequest(sess, path, requestType, requestBody)
	if err != nil {
		if !isRetryable(err) {
			return resp, code, err
		}
		if retries--; retries > 0 {
			jitter := time.Duration(rand.Int63n(int64(wait)))
			wait = wait + jitter/2
			time.Sleep(wait)
			return tryHTTPRequest(retries, wait, sess, path, requestType, requestBody)
		}
	}
	return resp, code, err
}

func makeHTTPRequest(session *Session, path, requestType string, requestBody *bytes.Buffer) ([]byte, int, error) {
	client := session.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	}
	endpoint := session.Endpoint
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	url := fmt.Sprintf("%s/%s", strings.TrimRight(endpoint, "/"), path)
	req, err := http.NewRequest(requestType, url, requestBody)
	if err != nil {
		return nil, 0, err
	}
	req.SetBasicAuth(session.UserName, session.APIKey)

	resp, err := client.Do(req)
	if err != nil {
		return nil, 520, err
	}
	defer resp.Body.Close()

	responseBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode >= 400 {
		return responseBody, resp.StatusCode, fmt.Errorf("%s: %s", resp.Status, responseBody)
	}
	return responseBody, resp.StatusCode, nil
}
