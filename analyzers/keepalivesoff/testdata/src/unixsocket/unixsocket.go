// Package unixsocket holds transports that switch keep-alives off and
// dial a Unix domain socket: a new connection there costs no TCP or TLS
// handshake and leaves no TIME_WAIT socket, so none is reported; their
// twins dial TCP, or may.
package unixsocket

import (
	"context"
	"net"
	"net/http"
)

// github.com/cli/go-gh/v2 pkg/api/http_client.go: a client of a local
// daemon's socket, whose methods share one transport.
type API struct {
	hc *http.Client
}

func NewSocketAPI(socketPath string) *API {
	return &API{hc: &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socketPath)
		},
		DisableKeepAlives: true,
	}}}
}

func NewTCPAPI(addr string) *API {
	return &API{hc: &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "tcp", addr)
		},
		DisableKeepAlives: true, // want `sets DisableKeepAlives`
	}}}
}

func (a *API) Get(url string) (*http.Response, error) { return a.hc.Get(url) }

// Clients kept in package variables and used by exported functions.
var (
	unixAddr = &net.UnixAddr{Name: "/run/app.sock", Net: "unix"}
	viaUnix  = &http.Client{Transport: &http.Transport{
		Dial:              func(_, _ string) (net.Conn, error) { return net.DialUnix("unix", nil, unixAddr) },
		DisableKeepAlives: true,
	}}
	named = &http.Client{Transport: &http.Transport{Dial: dialSocket, DialTLS: dialSocket, DisableKeepAlives: true}}

	network   = "unix"
	variable  = &http.Client{Transport: &http.Transport{Dial: dialNetwork, DisableKeepAlives: true}}                  // want `sets DisableKeepAlives`
	parameter = &http.Client{Transport: &http.Transport{Dial: net.Dial, DisableKeepAlives: true}}                     // want `sets DisableKeepAlives`
	branches  = &http.Client{Transport: &http.Transport{Dial: dialUnixOrTCP, DisableKeepAlives: true}}                // want `sets DisableKeepAlives`
	tlsOnTCP  = &http.Client{Transport: &http.Transport{Dial: dialSocket, DialTLS: dialTCP, DisableKeepAlives: true}} // want `sets DisableKeepAlives`
)

func dialSocket(_, _ string) (net.Conn, error) {
	c, err := net.DialTimeout("unix", "/run/app.sock", 0)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func dialNetwork(_, addr string) (net.Conn, error) { return net.Dial(network, addr) }

var local bool

func dialUnixOrTCP(_, addr string) (net.Conn, error) {
	if local {
		return net.Dial("unix", "/run/app.sock")
	}
	return net.Dial("tcp", addr)
}

func dialTCP(_, addr string) (net.Conn, error) { return net.Dial("tcp", addr) }

func FetchUnix(url string) (*http.Response, error)      { return viaUnix.Get(url) }
func FetchNamed(url string) (*http.Response, error)     { return named.Get(url) }
func FetchVariable(url string) (*http.Response, error)  { return variable.Get(url) }
func FetchParameter(url string) (*http.Response, error) { return parameter.Get(url) }
func FetchBranches(url string) (*http.Response, error)  { return branches.Get(url) }
func FetchTLSOnTCP(url string) (*http.Response, error)  { return tlsOnTCP.Get(url) }

// A clone of http.DefaultTransport set to dial the socket is the same.
func NewClonedSocketAPI(socketPath string) *API {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", socketPath)
	}
	tr.DisableKeepAlives = true
	return &API{hc: &http.Client{Transport: tr}}
}

func NewClonedTCPAPI(addr string) *API {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	}
	tr.DisableKeepAlives = true // want `sets DisableKeepAlives`
	return &API{hc: &http.Client{Transport: tr}}
}

// A clone of another transport keeps its DialTLSContext: HTTPS requests
// dial TCP whatever the clone's DialContext does.
var tlsBase = &http.Transport{
	DialTLSContext: func(ctx context.Context, _, addr string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	},
}

func NewClonedTLSAPI(socketPath string) *API {
	tr := tlsBase.Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", socketPath)
	}
	tr.DisableKeepAlives = true // want `sets DisableKeepAlives`
	return &API{hc: &http.Client{Transport: tr}}
}

// A socket dialer set only when a socket is configured (influxdb1-client)
// leaves net's TCP dialer on the other path.
func NewMaybeSocketAPI(socketPath string) *API {
	tr := &http.Transport{DisableKeepAlives: true} // want `sets DisableKeepAlives`
	if socketPath != "" {
		tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socketPath)
		}
	}
	return &API{hc: &http.Client{Transport: tr}}
}
