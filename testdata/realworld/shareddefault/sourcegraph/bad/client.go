// Package bad is the shape of sourcegraph's pkg/httpcli before PR #4666
// (issue #4659, June 2019): a Factory builds an http.Client by applying
// Opts to a zero client, and NewCertPoolOpt, which code-host clients get
// when a GitHub or GitLab connection has its own certificate, fills a
// nil Transport with http.DefaultTransport and then writes the RootCAs of
// its TLSClientConfig. That is a write to the process-wide default: every
// http.Get of the process then trusts only the code host's pool, and two
// code hosts configured at once write the same field concurrently (the
// race the issue reports).
package bad

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
		if cli.Transport == nil {
			cli.Transport = http.DefaultTransport
		}
		tr, ok := cli.Transport.(*http.Transport)
		if !ok {
			return errors.New("httpcli.NewCertPoolOpt: http.Client.Transport is not an *http.Transport")
		}
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = new(tls.Config)
		}
		tr.TLSClientConfig.RootCAs = pool
		return nil
	}
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
