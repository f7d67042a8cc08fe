package bad

import (
	"net/http"
	"net/url"
	"sync"
)

// JWTTransport authenticates each request with the machine's token.
type JWTTransport struct {
	MachineID     *string
	Password      *string
	Token         string
	UserAgent     string
	VersionPrefix string
	URL           *url.URL
	// Transport is the underlying transport; http.DefaultTransport if nil.
	Transport http.RoundTripper

	mu sync.Mutex
}

// RoundTrip adds the token and sends req.
func (t *JWTTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.mu.Lock()
	token := t.Token
	t.mu.Unlock()
	req = req.Clone(req.Context())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("User-Agent", t.UserAgent)
	return t.transport().RoundTrip(req)
}

// Client returns a client that sends through t.
func (t *JWTTransport) Client() *http.Client {
	return &http.Client{Transport: t}
}

func (t *JWTTransport) transport() http.RoundTripper {
	if t.Transport != nil {
		return t.Transport
	}
	return http.DefaultTransport
}
