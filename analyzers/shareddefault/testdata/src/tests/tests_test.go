package tests

import (
	"net/http"
	"testing"
	"time"
)

func TestSomething(t *testing.T) {
	http.DefaultClient.Timeout = time.Second  // want `Timeout changes http.DefaultClient`
	http.DefaultTransport = &http.Transport{} // want `assignment to http.DefaultTransport outside package main`
}
