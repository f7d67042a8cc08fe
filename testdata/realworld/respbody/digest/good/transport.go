// Package good is icholy/digest's Transport after the fix for issue #3:
// the 401's body is drained before it is closed, so its connection goes
// back to the pool for the second request.
package good

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Challenge is a parsed WWW-Authenticate digest challenge.
type Challenge struct {
	Realm, Nonce, Opaque string
}

type cached struct {
	chal  *Challenge
	count int
}

// Transport implements http.RoundTripper with digest authentication.
type Transport struct {
	Username  string
	Password  string
	Transport http.RoundTripper

	mu    sync.Mutex
	cache map[string]*cached
}

func findChallenge(h http.Header) (*Challenge, error) {
	for _, v := range h.Values("WWW-Authenticate") {
		if strings.HasPrefix(v, "Digest ") {
			return &Challenge{Realm: v[len("Digest "):]}, nil
		}
	}
	return nil, errors.New("digest: no challenge")
}

// save keeps the response's challenge for the host.
func (t *Transport) save(res *http.Response) error {
	chal, err := findChallenge(res.Header)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cache == nil {
		t.cache = map[string]*cached{}
	}
	t.cache[res.Request.URL.Hostname()] = &cached{chal: chal}
	return nil
}

// authorize answers a cached challenge for the request's host, if any.
func (t *Transport) authorize(req *http.Request) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	cc, ok := t.cache[req.URL.Hostname()]
	if !ok {
		return nil
	}
	cc.count++
	req.Header.Set("Authorization", "Digest username=\""+t.Username+"\", realm=\""+cc.chal.Realm+"\"")
	return nil
}

// RoundTrip tries a cached challenge first, and on a 401 answers the new one.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	tr := t.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	clone, err := cloner(req)
	if err != nil {
		return nil, err
	}
	first, err := clone()
	if err != nil {
		return nil, err
	}
	if err := t.authorize(first); err != nil {
		return nil, err
	}
	res, err := tr.RoundTrip(first)
	if err != nil || res.StatusCode != http.StatusUnauthorized {
		return res, err
	}
	// drain and close the first message body
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	if err := t.save(res); err != nil {
		return nil, err
	}
	second, err := clone()
	if err != nil {
		return nil, err
	}
	if err := t.authorize(second); err != nil {
		return nil, err
	}
	return tr.RoundTrip(second)
}

// cloner returns a function that makes copies of req, body included.
func cloner(req *http.Request) (func() (*http.Request, error), error) {
	getBody := req.GetBody
	if getBody == nil && req.Body != nil {
		data, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		getBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}
	}
	return func() (*http.Request, error) {
		c := req.Clone(req.Context())
		if getBody != nil {
			b, err := getBody()
			if err != nil {
				return nil, err
			}
			c.Body = b
		}
		return c, nil
	}, nil
}
