package testfilesquiet

import (
	"net/http"
	"testing"
)

// Test files are left alone by default.
func TestClient(t *testing.T) {
	tr := &http.Transport{HTTP2: &http.HTTP2Config{}}
	tr.CloseIdleConnections()
}
