// Package netstack stands in for wireguard-go's userspace network stack:
// Net dials TCP connections to peers through the tunnel.
package netstack

import (
	"context"
	"net"
	"net/netip"
)

// Net is the tunnel's network.
type Net struct {
	d net.Dialer
}

// DialContextTCPAddrPort dials addr through the tunnel.
func (n *Net) DialContextTCPAddrPort(ctx context.Context, addr netip.AddrPort) (net.Conn, error) {
	return n.d.DialContext(ctx, "tcp", addr.String())
}
