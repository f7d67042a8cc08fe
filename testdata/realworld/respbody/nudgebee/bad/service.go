// Package bad is the shape of nudgebee/nudgebee's services_server before
// PR #435: ExecuteQuery returns on 401 and 500 before its deferred Close,
// leaking the upstream connection whenever the upstream fails.
package bad

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

var ErrUnauthorized = errors.New("unauthorized")

type Service struct {
	upstream string
	client   *http.Client
}

func (s *Service) ExecuteQuery(query []byte) ([]byte, error) {
	resp, err := s.client.Post(s.upstream+"/query", "application/json", bytes.NewReader(query))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return nil, ErrUnauthorized
	}
	if resp.StatusCode == http.StatusInternalServerError {
		return nil, errors.New("upstream error")
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
