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


func TestStore(t *testing.T) {
	c := &Client{c: http.DefaultClient, url: "http://127.0.0.1:1"}
	if err := c.Store([]byte("x")); err != nil {
		t.Fatal(err)
	}
}

func TestHelper(t *testing.T) {
	if err := postTestHelper(http.DefaultClient, "http://127.0.0.1:1"); err != nil {
		t.Fatal(err)
	}
}

func postTestHelper(c *http.Client, url string) error {
	resp, err := c.Post(url, "text/plain", nil) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
