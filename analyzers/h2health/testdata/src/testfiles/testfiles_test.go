package testfiles

import (
	"net/http"
	"testing"
	"time"
)

func TestClient(t *testing.T) {
	tr := &http.Transport{HTTP2: &http.HTTP2Config{}} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
	tr.CloseIdleConnections()
}

func TestClientGood(t *testing.T) {
	tr := &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: time.Second}}
	tr.CloseIdleConnections()
}
