// Package assigned holds constructors that give the client its transport
// after the literal, on branches.
package assigned

import (
	"crypto/tls"
	"net/http"
	"time"
)

type Check struct {
	URL      string
	Insecure bool
}

// Each branch gives the client a new transport: neither replaces the
// other, and every call of the constructor makes one.
func newCheckClient(c Check) *http.Client {
	cl := &http.Client{Timeout: 5 * time.Second}
	if c.Insecure {
		cl.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	} else {
		cl.Transport = &http.Transport{}
	}
	return cl
}

// Probe runs once per measurement and drops the client.
func Probe(c Check) (int, error) {
	cl := newCheckClient(c) // want `newCheckClient\(\) creates an http.Transport on every call to Probe`
	resp, err := cl.Get(c.URL)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Good twin: the branches pick one of two transports made once.
var (
	secure   = &http.Transport{}
	insecure = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
)

func newSharedClient(c Check) *http.Client {
	cl := &http.Client{Timeout: 5 * time.Second, Transport: secure}
	if c.Insecure {
		cl.Transport = insecure
	}
	return cl
}

func ProbeShared(c Check) (int, error) {
	resp, err := newSharedClient(c).Get(c.URL)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Good twin: a fresh transport that a later store replaces with a shared
// one is never used.
func newReplaced(c Check) *http.Client {
	cl := &http.Client{Transport: &http.Transport{}}
	cl.Transport = secure
	return cl
}

func ProbeReplaced(c Check) (int, error) {
	resp, err := newReplaced(c).Get(c.URL)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Good twin: the constructor is called once, at startup, and its client
// kept.
type Prober struct{ client *http.Client }

func NewProber(c Check) *Prober { return &Prober{client: newCheckClient(c)} }

func (p *Prober) Probe(u string) error {
	resp, err := p.client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
