// Package bad is the shape of stripe/veneur's flusher before PR #49: every
// flush interval (10s) the server POSTs its metrics to Datadog and to the
// global veneur it forwards to, over pooled connections; when the peer had
// closed the idle connection in between, Do failed with EOF and that
// interval's metrics were dropped.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

type Server struct {
	HTTPClient    *http.Client
	DDHostname    string
	DDAPIKey      string
	ForwardAddr   string
	interval      time.Duration
	pendingSeries []DDMetric
}

type DDMetric struct {
	Name  string        `json:"metric"`
	Value [1][2]float64 `json:"points"`
	Tags  []string      `json:"tags,omitempty"`
	Host  string        `json:"host,omitempty"`
}

// postHelper POSTs bodyObject as JSON to endpoint.
func (s *Server) postHelper(endpoint string, bodyObject interface{}, action string) error {
	var bodyBuffer bytes.Buffer
	if err := json.NewEncoder(&bodyBuffer).Encode(bodyObject); err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, endpoint, &bodyBuffer)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.HTTPClient.Do(req)
	if err != nil {
		log.Printf("could not execute %s request: %v", action, err)
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s: %s: %s", action, resp.Status, body)
	}
	return nil
}

func (s *Server) flushRemote(series []DDMetric) {
	s.postHelper(fmt.Sprintf("%s/api/v1/series?api_key=%s", s.DDHostname, s.DDAPIKey), map[string][]DDMetric{"series": series}, "flush")
}

func (s *Server) flushForward(series []DDMetric) {
	s.postHelper(fmt.Sprintf("%s/import", s.ForwardAddr), series, "forward")
}

// Start flushes on every tick.
func (s *Server) Start() {
	ticker := time.NewTicker(s.interval)
	for range ticker.C {
		series := s.pendingSeries
		s.pendingSeries = nil
		if s.ForwardAddr != "" {
			s.flushForward(series)
		} else {
			s.flushRemote(series)
		}
	}
}
