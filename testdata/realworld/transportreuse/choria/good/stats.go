// Package good is go-choria after issue #198 was fixed: the collector's
// client is made once and reused by every fetch.
package good

import (
	"encoding/json"
	"net/http"
	"time"
)

type Server struct {
	monitorURL string
	client     *http.Client
	stats      map[string]any
}

func NewServer(monitorURL string) *Server {
	return &Server{monitorURL: monitorURL, client: &http.Client{
		Transport: &http.Transport{MaxIdleConns: 1, IdleConnTimeout: 5 * time.Second},
		Timeout:   2 * time.Second,
	}}
}

func (s *Server) getVarz() (map[string]any, error) {
	resp, err := s.client.Get(s.monitorURL + "/varz")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var v map[string]any
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v, err
}

func (s *Server) PublishStats(interval time.Duration, done <-chan struct{}) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			if v, err := s.getVarz(); err == nil {
				s.stats = v
			}
		case <-done:
			return
		}
	}
}
