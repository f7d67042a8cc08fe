package notests_test

import (
	"net/http"
	"testing"
)

func BenchmarkExternal(b *testing.B) {
	for b.Loop() {
		c := &http.Client{Transport: &http.Transport{}}
		c.Get("http://bench")
	}
}
