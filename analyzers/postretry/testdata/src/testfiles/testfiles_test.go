package testfiles

import (
	"net/http"
	"testing"
)

func TestPost(t *testing.T) {
	resp, err := http.Post("http://127.0.0.1:1", "text/plain", nil) // want `POST via http\.Post is not retried`
	if err == nil {
		resp.Body.Close()
	}
}

