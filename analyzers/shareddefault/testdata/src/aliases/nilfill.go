package aliases

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"time"
)

// An option fills the nil Transport of the client it is given with the
// default, then writes through it: when the caller gave no transport, the
// write changes the default (sourcegraph/sourcegraph-public-snapshot#4666).
func CertPoolOpt(pool *x509.CertPool) func(*http.Client) error {
	return func(cli *http.Client) error {
		if cli.Transport == nil {
			cli.Transport = http.DefaultTransport
		}
		tr, ok := cli.Transport.(*http.Transport)
		if !ok {
			return errors.New("not an *http.Transport")
		}
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = new(tls.Config) // want `assignment to tr.TLSClientConfig changes http.DefaultTransport`
		}
		tr.TLSClientConfig.RootCAs = pool // want `assignment to tr.TLSClientConfig.RootCAs changes http.DefaultTransport`
		return nil
	}
}

// The same fill tested the other way round, and written through at once.
func TuneGiven(c *http.Client) {
	if c.Transport != nil {
		c.Timeout = time.Minute
	} else {
		c.Transport = http.DefaultTransport
	}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64 // want `MaxIdleConnsPerHost changes http.DefaultTransport`
}

// A nil client is filled with the default client the same way.
type Service struct{ HTTP *http.Client }

func (s *Service) SetTimeout(d time.Duration) {
	if s.HTTP == nil {
		s.HTTP = http.DefaultClient
	}
	s.HTTP.Timeout = d // want `assignment to s.HTTP.Timeout changes http.DefaultClient`
}

// The fill takes a copy of the default: quiet (the fix of #4666, with
// http.Transport.Clone as its follow-up #5881 has it).
func CertPoolOptClone(pool *x509.CertPool) func(*http.Client) error {
	return func(cli *http.Client) error {
		if cli.Transport == nil || cli.Transport == http.DefaultTransport {
			cli.Transport = http.DefaultTransport.(*http.Transport).Clone()
		}
		tr, ok := cli.Transport.(*http.Transport)
		if !ok {
			return errors.New("not an *http.Transport")
		}
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = new(tls.Config)
		}
		tr.TLSClientConfig.RootCAs = pool
		return nil
	}
}

// The fill makes a transport of its own: quiet.
func TuneGivenOwn(c *http.Client) {
	if c.Transport == nil {
		c.Transport = &http.Transport{}
	}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
}

// The default filled in is only read: quiet.
func IdleGiven(c *http.Client) int {
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	return c.Transport.(*http.Transport).MaxIdleConns
}

// A transport of its own is put in place on every path before the write:
// quiet.
func TuneReplaced(c *http.Client) {
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	c.Transport = &http.Transport{Proxy: http.ProxyFromEnvironment}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
}

// The test is of another field: the default is stored on one path, and
// the other keeps whatever the caller gave, quiet (as MaybeDefault).
func TuneOnJar(c *http.Client) {
	if c.Jar == nil {
		c.Transport = http.DefaultTransport
	}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
}

// A call of the package between the fill and the write may put another
// transport there: quiet.
func TuneAfterReset(c *http.Client) {
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	resetTransport(c)
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
}

func resetTransport(c *http.Client) { c.Transport = &http.Transport{} }
