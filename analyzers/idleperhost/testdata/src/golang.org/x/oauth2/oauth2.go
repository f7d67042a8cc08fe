// Package oauth2 is a stub of golang.org/x/oauth2: its Transport as
// v0.38.0 has it.
package oauth2

import (
	"errors"
	"net/http"
)

type Token struct{ AccessToken string }

type TokenSource interface{ Token() (*Token, error) }

type Transport struct {
	Source TokenSource
	Base   http.RoundTripper
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.Source == nil {
		return nil, errors.New("oauth2: Transport's Source is nil")
	}
	return t.Base.RoundTrip(req)
}
