package tests_test

import (
	"net/http"
	"testing"
)

func BenchmarkExternal(b *testing.B) {
	for b.Loop() {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every iteration of a loop in BenchmarkExternal`
		c.Get("http://bench")
	}
}
