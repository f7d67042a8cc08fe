// Package good is the subutai agent with the fix issue #690 asked for: the
// heartbeat request is sent with Close set, on a fresh connection.
package good

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
	req, err := http.NewRequest(http.MethodPost, console+"/rest/v1/peer/heartbeat", bytes.NewReader(data))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Close = true
	resp, err := client.Do(req)
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
