package flags

import (
	"net/http"
	"testing"
)

func TestClient(t *testing.T) {
	tr := &http.Transport{HTTP2: &http.HTTP2Config{}} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
	tr.CloseIdleConnections()
}
