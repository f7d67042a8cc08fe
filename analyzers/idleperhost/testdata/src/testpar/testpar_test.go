package testpar

import (
	"net/http"
	"testing"
)

var client = &Client{HTTP: &http.Client{Transport: &http.Transport{}}, Base: "http://127.0.0.1:8080"} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Client.Base`

func TestItem(t *testing.T) {
	t.Parallel()
	client.Get("item")
}

func TestItems(t *testing.T) {
	t.Parallel()
	client.Get("items")
}
