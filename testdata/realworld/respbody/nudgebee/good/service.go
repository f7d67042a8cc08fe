// Package good is services_server after the fix of issue #434: the
// deferred Close sits right after the error check.
package good

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
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return nil, ErrUnauthorized
	}
	if resp.StatusCode == http.StatusInternalServerError {
		return nil, errors.New("upstream error")
	}
	return io.ReadAll(resp.Body)
}
