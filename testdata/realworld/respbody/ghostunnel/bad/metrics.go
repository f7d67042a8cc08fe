// Package bad is the shape of ghostunnel's metrics bridge (square/ghostunnel,
// now ghostunnel/ghostunnel) before PR #45, "Fix leak of response body"
// (February 2016): once a second publishMetrics serializes the registry
// and posts it with http.Post, and postMetrics drops the answer without
// closing it. Each second's connection stays out of the pool with its
// read and write goroutines, so a long-running tunnel grew without bound.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"time"
)

// metricsConfig posts metrics to an HTTP/JSON bridge endpoint.
type metricsConfig struct {
	url      string
	prefix   string
	hostname string
	values   func() map[string]interface{}
}

// publishMetrics posts the metrics every second, for the life of the
// process.
func (mb *metricsConfig) publishMetrics() {
	for range time.Tick(1 * time.Second) {
		mb.postMetrics()
	}
}

func (mb *metricsConfig) postMetrics() {
	raw, err := json.Marshal(mb.serializeMetrics())
	if err != nil {
		log.Printf("%s", err)
	}
	http.Post(mb.url, "application/json", bytes.NewReader(raw))
}

func (mb *metricsConfig) serializeMetrics() []map[string]interface{} {
	now := time.Now().Unix()
	out := []map[string]interface{}{}
	for name, value := range mb.values() {
		out = append(out, map[string]interface{}{
			"timestamp": now,
			"metric":    fmt.Sprintf("%s.%s", mb.prefix, name),
			"value":     value,
			"hostname":  mb.hostname,
		})
	}
	return out
}
