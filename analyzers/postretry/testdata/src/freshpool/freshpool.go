// Package freshpool has POSTs through transports made for one send, in the
// shape of scaleway-sdk-go's metadata client: a transport whose idle pool
// is empty when the request goes out cannot hand it a connection the
// server closed.
package freshpool

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strings"
)

func newUserDataClient(local *net.TCPAddr) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			DialContext: (&net.Dialer{LocalAddr: local}).DialContext,
		},
	}
}

// A client made for this one send, bound to a local port.
func setUserData(local *net.TCPAddr, url, data string) error {
	c := newUserDataClient(local)
	resp, err := c.Post(url, "text/plain", strings.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport literal made for this one send.
func notify(url, data string) error {
	t := &http.Transport{}
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := t.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type api struct{ client *http.Client }

// The client made once and kept: its pool lives between sends.
func newAPI(local *net.TCPAddr) *api { return &api{client: newUserDataClient(local)} }

func (a *api) setUserData(url, data string) error {
	resp, err := a.client.Post(url, "text/plain", strings.NewReader(data)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Two sends through one fresh client: the second may take the first's
// connection from the pool.
func setTwice(local *net.TCPAddr, url, a, b string) error {
	c := newUserDataClient(local)
	if resp, err := c.Post(url, "text/plain", strings.NewReader(a)); err == nil { // want `POST via Client.Post is not retried`
		resp.Body.Close()
	}
	resp, err := c.Post(url, "text/plain", strings.NewReader(b)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A fresh client sent through on every round of a loop.
func setEach(local *net.TCPAddr, url string, items []string) error {
	c := newUserDataClient(local)
	for _, it := range items {
		resp, err := c.Post(url, "text/plain", strings.NewReader(it)) // want `POST via Client.Post is not retried`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// A client held as a package-level value, not a pointer: one pool for
// the whole program, never fresh.
var valueClient = http.Client{}

func postValue(url, body string) error {
	resp, err := valueClient.Post(url, "text/plain", strings.NewReader(body)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func getValue(url string) error {
	resp, err := valueClient.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A helper that clones the package's base transport, or the default one
// when the base is not an *http.Transport, adds a client certificate and
// returns the client with an error: each call gets an empty pool.
var base = &http.Client{Transport: http.DefaultTransport}

func certClient(cert tls.Certificate) (*http.Client, error) {
	if len(cert.Certificate) == 0 {
		return nil, errors.New("no certificate")
	}
	var tr *http.Transport
	if t, ok := base.Transport.(*http.Transport); ok {
		tr = t.Clone()
	}
	if tr == nil {
		tr = http.DefaultTransport.(*http.Transport).Clone()
	}
	tr.TLSClientConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	return &http.Client{Transport: tr}, nil
}

func refund(url, body string, cert tls.Certificate) error {
	c, err := certClient(cert)
	if err != nil {
		return err
	}
	resp, err := c.Post(url, "application/xml", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same helper shape, but a nil interface on one path: that client
// sends through http.DefaultTransport, whose pool is shared.
func maybeCertClient(cert tls.Certificate) *http.Client {
	var rt http.RoundTripper
	if len(cert.Certificate) > 0 {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
		rt = t
	}
	return &http.Client{Transport: rt}
}

func maybeRefund(url, body string, cert tls.Certificate) error {
	resp, err := maybeCertClient(cert).Post(url, "application/xml", strings.NewReader(body)) // want `POST via Client.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
