// Package gcm stands for github.com/mercari/gcm, the GCM sender gaurun
// hands its client to.
package gcm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Sender sends messages to GCM with its Http client.
type Sender struct {
	ApiKey string
	Http   *http.Client
}

// Message is a GCM message.
type Message struct {
	RegistrationIDs []string `json:"registration_ids"`
	Data            any      `json:"data,omitempty"`
}

// SendNoRetry sends msg once.
func (s *Sender) SendNoRetry(msg *Message) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	req, err := http.NewRequest("POST", "https://fcm.googleapis.com/fcm/send", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "key="+s.ApiKey)
	resp, err := s.Http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("gcm: %s", resp.Status)
	}
	return nil
}
