// Package literals declares clients and transports as values
// (client := http.Client{...}): SSA builds the literal in a temporary and
// copies it into the variable, and the fields set in the literal are the
// variable's fields.
package literals

import (
	"net/http"
	"strings"
)

// wrapper is a RoundTripper of the package, which may retry.
type wrapper struct{ next http.RoundTripper }

func (w *wrapper) RoundTrip(req *http.Request) (*http.Response, error) { return w.next.RoundTrip(req) }

type auth struct{ inner http.RoundTripper }

func newAuth(t http.RoundTripper) *auth { return &auth{inner: &wrapper{next: t}} }

// The client's transport is the package's wrapper: quiet.
func (a *auth) token(u string) error {
	client := http.Client{Transport: a.inner}
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader("grant_type=x"))
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same shape with net/http's transport: reported.
func tokenPooled(u string) error {
	client := http.Client{Transport: http.DefaultTransport}
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader("grant_type=x"))
	if err != nil {
		return err
	}
	resp, err := client.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport declared as a value with keep-alives off, sent through
// again and again: quiet.
func noKeepAlives(us []string) error {
	t := http.Transport{DisableKeepAlives: true}
	client := &http.Client{Transport: &t}
	for _, u := range us {
		resp, err := client.Post(u, "text/plain", nil)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// The same value with keep-alives on: reported.
func keepAlives(us []string) error {
	t := http.Transport{MaxIdleConns: 10}
	client := &http.Client{Transport: &t}
	for _, u := range us {
		resp, err := client.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

var _ = newAuth
