// Package oauth2 is a stand-in for golang.org/x/oauth2 with its Transport
// in the shape v0.38.0 has it: a RoundTripper that adds the token and sends
// through Base.
package oauth2

import (
	"errors"
	"net/http"
)

// Token is an access token.
type Token struct{ AccessToken string }

// TokenSource supplies tokens.
type TokenSource interface{ Token() (*Token, error) }

// Transport authorises each request and sends it through Base.
type Transport struct {
	Source TokenSource
	Base   http.RoundTripper
}

// RoundTrip sends req through Base with the token.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.Source == nil {
		return nil, errors.New("oauth2: Transport's Source is nil")
	}
	tok, err := t.Source.Token()
	if err != nil {
		return nil, err
	}
	req2 := req.Clone(req.Context())
	req2.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return t.Base.RoundTrip(req2)
}
