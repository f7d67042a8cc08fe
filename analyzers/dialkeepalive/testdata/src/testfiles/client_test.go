package testfiles

import (
	"net"
	"net/http"
	"testing"
	"time"
)

var testClient = &http.Client{Transport: &http.Transport{
	DialContext: (&net.Dialer{KeepAlive: time.Second}).DialContext, // want `net.Dialer.KeepAlive sets TCP keep-alive probes`
}}

func TestClient(t *testing.T) {
	if _, err := testClient.Get("http://127.0.0.1:1"); err == nil {
		t.Fatal("no error")
	}
}
