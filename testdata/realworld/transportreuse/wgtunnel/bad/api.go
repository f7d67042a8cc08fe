// Package bad is the shape of coder/wgtunnel's tunneld before PR #12: for
// every request to a tunnel's subdomain the middleware dials the peer over
// WireGuard and proxies the request through a reverse proxy whose new
// Transport hands out that one connection (wrapped for tracing). Each
// request paid a new connection, and each transport, dropped after the
// request, kept its connection idle in its pool with no IdleConnTimeout,
// so connections and their goroutines piled up.
package bad

import (
	"context"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"example.com/realworld/transportreuse/wgtunnel/bad/netstack"
)

// TunnelPort is the port the tunnel clients serve HTTP on.
const TunnelPort = 8090

// Options are the server's settings.
type Options struct {
	BaseURL         *url.URL
	PeerDialTimeout time.Duration
}

// API serves the tunnels.
type API struct {
	*Options

	wgNet *netstack.Net
}

// New returns the API of the tunnel server.
func New(options *Options) *API {
	return &API{Options: options, wgNet: &netstack.Net{}}
}

// Router returns the server's handler.
func (api *API) Router() http.Handler {
	return api.handleTunnelMW(http.NotFoundHandler())
}

func (api *API) handleTunnelMW(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		host := r.Host
		if host == "" {
			http.Error(rw, "Missing Host header.", http.StatusBadRequest)
			return
		}
		subdomain, rest := splitHostname(host)
		if rest != api.BaseURL.Hostname() {
			next.ServeHTTP(rw, r)
			return
		}
		parts := strings.Split(subdomain, "-")
		ip, err := api.HostnameToWireguardIP(parts[len(parts)-1])
		if err != nil {
			http.Error(rw, "Invalid tunnel URL.", http.StatusBadRequest)
			return
		}

		dialCtx, dialCancel := context.WithTimeout(ctx, api.Options.PeerDialTimeout)
		defer dialCancel()
		nc, err := api.wgNet.DialContextTCPAddrPort(dialCtx, netip.AddrPortFrom(ip, TunnelPort))
		if err != nil {
			http.Error(rw, "Failed to dial peer.", http.StatusBadGateway)
			return
		}

		rp := httputil.ReverseProxy{
			Director: func(rp *http.Request) {
				rp.URL.Scheme = "http"
				rp.URL.Host = r.Host
				rp.Host = r.Host
			},
			Transport: &http.Transport{
				DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
					return &tracingConnWrapper{Conn: nc, ctx: ctx, name: host}, nil
				},
			},
		}
		rp.ServeHTTP(rw, r)
	})
}

// HostnameToWireguardIP decodes the peer's address from its subdomain.
func (api *API) HostnameToWireguardIP(name string) (netip.Addr, error) {
	return netip.ParseAddr(strings.ReplaceAll(name, "x", ":"))
}

// splitHostname splits a hostname into the subdomain and the rest.
func splitHostname(hostname string) (subdomain, rest string) {
	hostname = strings.Trim(hostname, ".")
	if h, _, err := net.SplitHostPort(hostname); err == nil {
		hostname = h
	}
	parts := strings.SplitN(hostname, ".", 2)
	if len(parts) != 2 {
		return hostname, ""
	}
	return parts[0], parts[1]
}

// tracingConnWrapper logs the reads and writes of a proxied connection.
type tracingConnWrapper struct {
	net.Conn

	ctx  context.Context
	name string
}

func (n *tracingConnWrapper) Read(b []byte) (int, error) {
	nb, err := n.Conn.Read(b)
	log.Printf("%s: read %d bytes", n.name, nb)
	return nb, err
}

func (n *tracingConnWrapper) Write(b []byte) (int, error) {
	nb, err := n.Conn.Write(b)
	log.Printf("%s: wrote %d bytes", n.name, nb)
	return nb, err
}

func (n *tracingConnWrapper) Close() error {
	log.Printf("%s: close", n.name)
	return n.Conn.Close()
}
