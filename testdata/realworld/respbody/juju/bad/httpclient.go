// Package bad is the shape of juju/juju's API HTTP doer before PR #20732:
// on a 401 the wrapper reads the error out of the body and retries with a
// fresh login, but never closes the first response.
package bad

import (
	"encoding/json"
	"errors"
	"net/http"
)

type httpRequestDoer struct {
	client *http.Client
	login  func() error
}

func (d httpRequestDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusUnauthorized {
		return resp, nil
	}
	var apiErr struct {
		Message string `json:"message"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&apiErr); err != nil {
		return nil, err
	}
	if err := d.login(); err != nil {
		return nil, errors.New(apiErr.Message)
	}
	return d.client.Do(req)
}
