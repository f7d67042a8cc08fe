// Package good is the notifier package after PR #4: alerts are POSTed
// through a retrying client (go-retryablehttp) that tries four more times
// with an exponential backoff of up to 30 seconds, so an alert that meets
// a connection the provider closed is sent again on a new one.
package good

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

func postMessage(address string, payload interface{}) error {
	httpClient := retryablehttp.NewClient()
	httpClient.HTTPClient.Timeout = 15 * time.Second
	httpClient.RetryWaitMin = 2 * time.Second
	httpClient.RetryWaitMax = 30 * time.Second
	httpClient.RetryMax = 4
	httpClient.Logger = nil

	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("marshalling notification payload failed: %w", err)
	}
	if _, err := httpClient.Post(address, "application/json", data); err != nil {
		return err
	}
	return nil
}
