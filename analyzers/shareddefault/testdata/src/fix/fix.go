// Package fix configures the default transport where a clone would do.
package fix

import (
	"fmt"
	"net/http"
	"time"
)

func NewClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConnsPerHost = 100     // want `assignment to t.MaxIdleConnsPerHost changes http.DefaultTransport`
	t.IdleConnTimeout = time.Minute // want `assignment to t.IdleConnTimeout changes http.DefaultTransport`
	return &http.Client{Transport: t, Timeout: time.Minute}
}

func NewTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport)
	t.DisableCompression = true // want `assignment to t.DisableCompression changes http.DefaultTransport`
	return t
}

func configure(t *http.Transport) {
	t.MaxConnsPerHost = 10 // want `assignment to t.MaxConnsPerHost changes http.DefaultTransport`
}

func NewConfigured() *http.Client {
	t := http.DefaultTransport.(*http.Transport)
	configure(t)
	c := &http.Client{}
	c.Transport = t
	return c
}

// Direct writes rely on the global effect: no fix.
func Direct() {
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 200 // want `MaxIdleConns changes http.DefaultTransport`
}

// The transport is handed to code the package cannot see: no fix.
func Printed() *http.Client {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConns = 200 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	fmt.Println(t)
	return &http.Client{Transport: t}
}

// The default client gets it: every http.Get would lose the setting with
// a clone, so no fix.
func DefaultClient() {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConns = 200             // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	http.DefaultClient.Transport = t // want `assignment to http.DefaultClient.Transport changes http.DefaultClient`
}

// A comma-ok assertion cannot take .Clone(): no fix.
func CommaOK() *http.Client {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultClient
	}
	t.MaxIdleConns = 200 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	return &http.Client{Transport: t}
}

// The default is also used as it is: no fix.
func Both() (*http.Client, *http.Client) {
	rt := http.DefaultTransport
	t := rt.(*http.Transport)
	t.MaxIdleConns = 200 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	return &http.Client{Transport: t}, &http.Client{Transport: rt}
}

// Only configured, never given to a client nor returned: no fix.
func Kept() {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConns = 200 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
}
