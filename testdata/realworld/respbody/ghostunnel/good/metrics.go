// Package good is ghostunnel's metrics bridge after PR #45: postMetrics
// closes the bridge's answer when the post succeeded. (It closes it
// unread; whether that costs the connection depends on the bridge
// answering with an empty body.)
package good

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
	resp, err := http.Post(mb.url, "application/json", bytes.NewReader(raw))
	if err == nil {
		resp.Body.Close()
	}
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
