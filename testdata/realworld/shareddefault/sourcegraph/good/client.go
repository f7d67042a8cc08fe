// Package good is pkg/httpcli after PR #4666: an Opt that mutates the
// transport first replaces http.DefaultTransport with a copy of it, so the
// RootCAs go to a transport of the client's own. (The copy is the PR's
// own; PR #5881 later replaced it with http.Transport.Clone of Go 1.13,
// which is what this twin calls.)
package good

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
)

// A Doer sends requests.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// An Opt configures an aspect of a given *http.Client.
type Opt func(*http.Client) error

// A Factory constructs http.Clients with the given options applied.
type Factory struct {
	common []Opt
}

// NewFactory returns a Factory that applies common after each call's opts.
func NewFactory(common ...Opt) *Factory {
	return &Factory{common: common}
}

// Client returns a new http.Client configured with base and common opts.
func (f Factory) Client(base ...Opt) (*http.Client, error) {
	var cli http.Client
	for _, opt := range append(base, f.common...) {
		if err := opt(&cli); err != nil {
			return nil, err
		}
	}
	return &cli, nil
}

// NewCertPoolOpt returns an Opt that sets the RootCAs pool of a client's
// transport.
func NewCertPoolOpt(pool *x509.CertPool) Opt {
	return func(cli *http.Client) error {
		tr, err := getTransportForMutation(cli)
		if err != nil {
			return err
		}
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = new(tls.Config)
		}
		tr.TLSClientConfig.RootCAs = pool
		return nil
	}
}

// getTransportForMutation returns the client's *http.Transport, first
// swapping http.DefaultTransport (or a nil Transport) for a copy of it.
func getTransportForMutation(cli *http.Client) (*http.Transport, error) {
	if cli.Transport == nil || cli.Transport == http.DefaultTransport {
		cli.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	tr, ok := cli.Transport.(*http.Transport)
	if !ok {
		return nil, errors.New("httpcli: http.Client.Transport is not an *http.Transport")
	}
	return tr, nil
}

// NewCodeHostClient is how repo-updater builds the client of a code host
// connection that has a certificate of its own.
func NewCodeHostClient(f *Factory, certPEM string) (Doer, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM([]byte(certPEM)) {
		return nil, errors.New("invalid certificate value")
	}
	return f.Client(NewCertPoolOpt(pool))
}
