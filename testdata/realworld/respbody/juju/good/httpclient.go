// Package good is juju after PR #20732: the 401 response is closed once
// its error has been read.
package good

import (
	"encoding/json"
	"errors"
	"io"
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
	defer resp.Body.Close()
	var apiErr struct {
		Message string `json:"message"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&apiErr); err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	if err := d.login(); err != nil {
		return nil, errors.New(apiErr.Message)
	}
	return d.client.Do(req)
}
