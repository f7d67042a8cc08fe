// Package bad is the shape of subutai-io/agent before the fix for issue
// #690: the agent POSTs a heartbeat to the console every 30 seconds over
// the pooled connection, and some heartbeats failed with EOF.
package bad

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func sendHeartbeat(console string, status map[string]string) error {
	data, err := json.Marshal(status)
	if err != nil {
		return err
	}
	resp, err := client.Post(console+"/rest/v1/peer/heartbeat", "application/json", bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func Heartbeats(console string, status func() map[string]string) {
	for range time.Tick(30 * time.Second) {
		if err := sendHeartbeat(console, status()); err != nil {
			log.Println("heartbeat failed:", err)
		}
	}
}
