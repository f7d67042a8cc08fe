// Package good is the metadata client after PR #45092: the Close is
// deferred before the status check. (A non-200 body is closed unread, so
// that connection is not reused; the PR did not drain it.)
package good

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

const metadataURL = "http://100.100.100.200/latest/meta-data"

var client = &http.Client{Timeout: 10 * time.Second}

func getMetadata(ctx context.Context, path string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, metadataURL+"/"+path, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("metadata service returned status code %d", resp.StatusCode)
	}
	respBytes, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(respBytes)), nil
}

// GetInstanceID returns the ECS instance's ID.
func GetInstanceID(ctx context.Context) (string, error) {
	return getMetadata(ctx, "instance-id")
}

// GetVPCID returns the ID of the instance's VPC.
func GetVPCID(ctx context.Context) (string, error) {
	return getMetadata(ctx, "vpc-id")
}
