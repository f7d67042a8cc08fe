package httpflow

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// DialsUnix reports whether t, an allocated http.Transport or a clone of
// http.DefaultTransport ([madeTransport]: tailscale's gokrazy client
// clones it and sets its DialContext), dials only a Unix domain socket:
// its Dial or DialContext (a clone's DialContext) is set on every path
// ([dialsAlways]), and every function
// stored there or in DialTLS or DialTLSContext is one of the package's
// own whose every returned connection comes from a dial of net
// ([httpapi.DialNetwork]) of the constant network "unix" or
// "unixpacket". Such a transport opens no TCP connection: a new
// connection costs no TCP or TLS handshake and leaves no TIME_WAIT socket
// (github.com/cli/go-gh's client of a Unix socket).
func DialsUnix(t ssa.Value) bool {
	plain, ok := storedDials(t, httpapi.TransportDial, httpapi.TransportDialContext)
	always := plain
	if CloneOfDefault(t) {
		// The clone keeps DefaultTransport's DialContext, which
		// (*Transport).dial in net/http/transport.go calls before Dial.
		always, _ = storedDials(t, httpapi.TransportDialContext)
	}
	if !ok || !dialsAlways(t, always) {
		return false
	}
	tls, _ := storedDials(t, httpapi.TransportDialTLS, httpapi.TransportDialTLSContext)
	pkg := madeTransport(t).Pkg
	return !slices.ContainsFunc(append(plain, tls...), func(st *ssa.Store) bool { return !unixDialer(st.Val, pkg) })
}

// unixDialer reports whether v is a function of pkg whose every returned
// connection is nil or the connection of a dial of a Unix stream socket,
// and which returns one at least.
func unixDialer(v ssa.Value, pkg *ssa.Package) bool {
	fn := ownFunc(v, pkg)
	if fn == nil {
		return false
	}
	dials := 0
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if len(ret.Results) == 0 || !unixConn(ret.Results[0], &dials, map[ssa.Value]bool{}) {
				return false
			}
		}
	}
	return dials > 0
}

// unixConn reports whether the connection v is, on every path, nil or
// the first result of a dial of a Unix stream socket, counting the dials
// in dials.
func unixConn(v ssa.Value, dials *int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.MakeInterface:
		return unixConn(v.X, dials, seen)
	case *ssa.ChangeInterface:
		return unixConn(v.X, dials, seen)
	case *ssa.Phi:
		return !slices.ContainsFunc(v.Edges, func(e ssa.Value) bool { return !unixConn(e, dials, seen) })
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 || !unixDial(call) {
			return false
		}
		*dials++
		return true
	}
	return false
}

// unixDial reports whether call dials net's constant network "unix" or
// "unixpacket".
func unixDial(call *ssa.Call) bool {
	fn := callee.Func(call.Common())
	param, ok := httpapi.DialNetwork(fn)
	if !ok || call.Call.IsInvoke() {
		return false
	}
	args := callee.Args(&call.Call, fn)
	if param >= len(args) {
		return false
	}
	network, ok := ssaflow.ConstString(args[param])
	return ok && httpapi.IsUnixStream(network)
}
