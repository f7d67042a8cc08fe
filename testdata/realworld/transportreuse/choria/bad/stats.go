// Package bad is the shape of choria-io/go-choria before the fix for issue
// #198: the broker's stats collector makes a new transport each time it
// fetches the gnatsd varz page, every few seconds, for the life of the
// process.
package bad

import (
	"encoding/json"
	"net/http"
	"time"
)

type Server struct {
	monitorURL string
	stats      map[string]any
}

func (s *Server) getVarz() (map[string]any, error) {
	tr := &http.Transport{}
	client := &http.Client{Transport: tr, Timeout: 2 * time.Second}
	resp, err := client.Get(s.monitorURL + "/varz")
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
