package testseq

import (
	"net/http"
	"testing"
)

// Sequential tests: one request at a time, one idle connection is enough.
var client = &Client{HTTP: &http.Client{Transport: &http.Transport{}}, Base: "http://127.0.0.1:8080"}

func TestItem(t *testing.T)  { client.Get("item") }
func TestItems(t *testing.T) { client.Get("items") }
