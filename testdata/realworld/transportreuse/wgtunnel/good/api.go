// Package good is wgtunnel's tunneld after PR #12: the API keeps one
// Transport, made in New, whose DialContext dials the peer that the
// request's context names, so connections to a peer are pooled and reused
// across requests and closed after 90 idle seconds.
package good

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"example.com/realworld/transportreuse/wgtunnel/good/netstack"
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

	wgNet     *netstack.Net
	transport *http.Transport
}

type ipPortKey struct{}

// New returns the API of the tunnel server.
func New(options *Options) *API {
	wgNet := &netstack.Net{}
	return &API{
		Options: options,
		wgNet:   wgNet,
		transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				ip := ctx.Value(ipPortKey{})
				if ip == nil {
					return nil, errors.New("no ip on context")
				}
				ipp, ok := ip.(netip.AddrPort)
				if !ok {
					return nil, fmt.Errorf("ip is incorrect type, got %T", ip)
				}
				dialCtx, dialCancel := context.WithTimeout(ctx, options.PeerDialTimeout)
				defer dialCancel()
				return wgNet.DialContextTCPAddrPort(dialCtx, ipp)
			},
			ForceAttemptHTTP2:     false,
			MaxIdleConns:          0,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: 1 * time.Second,
		},
	}
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

		// The transport dials the peer this value names.
		ctx = context.WithValue(ctx, ipPortKey{}, netip.AddrPortFrom(ip, TunnelPort))
		r = r.WithContext(ctx)

		rp := httputil.ReverseProxy{
			ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
				http.Error(w, "Failed to dial peer.", http.StatusBadGateway)
			},
			Director: func(rp *http.Request) {
				rp.URL.Scheme = "http"
				rp.URL.Host = r.Host
				rp.Host = r.Host
			},
			Transport: api.transport,
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
