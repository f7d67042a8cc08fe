package testfilesquiet

import (
	"net/http"
	"testing"
)

func TestPost(t *testing.T) {
	resp, err := http.Post("http://127.0.0.1:1", "text/plain", nil)
	if err == nil {
		resp.Body.Close()
	}
}

// A test calling send directly.
func TestSend(t *testing.T) {
	if err := send(http.DefaultClient); err != nil {
		t.Log(err)
	}
}
