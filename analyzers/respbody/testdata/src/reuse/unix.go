package reuse

import (
	"context"
	"errors"
	"net"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// A client of a local daemon's Unix socket (tailscale's gokrazy updater:
// a clone of http.DefaultTransport whose DialContext dials "unix"): a
// connection given up by an unread close is replaced without a TCP or
// TLS handshake and leaves no TIME_WAIT socket, so the close is quiet.
func daemonClient(sock string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", sock)
	}
	return &http.Client{Transport: tr}
}

func daemonPost(ctx context.Context, hc *http.Client, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://daemon"+path, nil)
	if err != nil {
		return err
	}
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return nil
}

func switchAndReboot(ctx context.Context, sock string) error {
	hc := daemonClient(sock)
	if err := daemonPost(ctx, hc, "/switch"); err != nil {
		return err
	}
	return daemonPost(ctx, hc, "/reboot")
}

// The twin over TCP: the same clone dialing "tcp" loses a pooled
// connection to each unread close.
func tcpClient(addr string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	}
	return &http.Client{Transport: tr}
}

func tcpPost(ctx context.Context, hc *http.Client, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://daemon"+path, nil)
	if err != nil {
		return err
	}
	res, err := hc.Do(req) // want `res.Body is closed without being read`
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return nil
}

func switchAndRebootTCP(ctx context.Context, addr string) error {
	hc := tcpClient(addr)
	if err := tcpPost(ctx, hc, "/switch"); err != nil {
		return err
	}
	return tcpPost(ctx, hc, "/reboot")
}

// A socket dialer set only when a socket is configured (influxdb1-client's
// Ping): without one the client dials TCP, and the unread close costs a
// pooled connection.
type influx struct {
	hc *http.Client
	u  string
}

func newInflux(u, sock string) *influx {
	tr := &http.Transport{}
	if sock != "" {
		tr.DialContext = func(_ context.Context, _, _ string) (net.Conn, error) {
			return net.Dial("unix", sock)
		}
	}
	return &influx{hc: &http.Client{Transport: tr}, u: u}
}

func (c *influx) ping() error {
	req, err := http.NewRequest(http.MethodGet, c.u+"/ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func (c *influx) pingTwice() error {
	if err := c.ping(); err != nil {
		return err
	}
	return c.ping()
}

// Keep-alives off inside a well-known wrapper (docker/cli's registry
// login: otelhttp.NewTransport around a transport with DisableKeepAlives):
// the wrapper sends through it, so an unread close loses nothing.
func newRegistryTransport() http.RoundTripper {
	return otelhttp.NewTransport(&http.Transport{DisableKeepAlives: true})
}

func login(ctx context.Context, endpoint string) error {
	c := &http.Client{Transport: newRegistryTransport()}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"/v2/", nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func loginTwice(ctx context.Context, endpoint string) error {
	if err := login(ctx, endpoint); err != nil {
		return err
	}
	return login(ctx, endpoint)
}

// The twin wraps a transport with keep-alives on: the close costs the
// pool a connection.
func newPooledRegistryTransport() http.RoundTripper {
	return otelhttp.NewTransport(&http.Transport{})
}

var pooledRegistry = &http.Client{Transport: newPooledRegistryTransport()}

func loginPooled(ctx context.Context, endpoint string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"/v2/", nil)
	if err != nil {
		return err
	}
	resp, err := pooledRegistry.Do(req) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// A constructor that may fail hands back a nil client on that path,
// which sends nothing: the client's transports still decide.
func newLoginClient(ok bool) (*http.Client, error) {
	if !ok {
		return nil, errors.New("no registry")
	}
	return &http.Client{Transport: newRegistryTransport()}, nil
}

func loginChecked(ctx context.Context, endpoint string, ok bool) error {
	c, err := newLoginClient(ok)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"/v2/", nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return loginTwice(ctx, endpoint)
}
