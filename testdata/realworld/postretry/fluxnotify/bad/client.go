// Package bad is the shape of fluxcd/notification-controller's notifier
// package before PR #4: every alert (a reconciliation failed, a
// deployment went out) is POSTed once to the provider's webhook (Slack,
// Discord, Rocket, a generic forwarder) through http.DefaultClient, whose
// pooled connections to the provider sit idle between events; when the
// provider had closed one meanwhile the alert failed with EOF and was
// dropped.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

func postMessage(address string, payload interface{}) error {
	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("marshalling notification payload failed: %w", err)
	}
	b := bytes.NewBuffer(data)
	req, err := http.NewRequest("POST", address, b)
	if err != nil {
		return fmt.Errorf("http.NewRequest failed: %w", err)
	}
	req.Header.Set("Content-type", "application/json")

	ctx, cancel := context.WithTimeout(req.Context(), 5*time.Second)
	defer cancel()

	res, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("sending notification failed: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		body, _ := io.ReadAll(res.Body)
		return fmt.Errorf("sending notification failed: %s", string(body))
	}
	return nil
}
