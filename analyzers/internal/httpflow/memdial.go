package httpflow

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// InMemoryTransport reports whether t, an allocated http.Transport, dials
// only in memory: its Dial or DialContext is set, and every function
// stored there is one of the package's own that calls nothing of net or
// crypto/tls and returns only connections of a type the package declares.
// httputil.DumpRequestOut builds one to capture a request as written; it
// has no network connection, so no pool to lose and no body to leak.
func InMemoryTransport(t *ssa.Alloc) bool {
	dials, ok := storedDials(t, httpapi.TransportDial, httpapi.TransportDialContext)
	return ok && dialsAlways(t, dials) && !slices.ContainsFunc(dials, func(st *ssa.Store) bool { return !memoryDialer(st.Val, t.Parent().Pkg) })
}

// dialsAlways reports whether one of dials, stores into t's Dial or
// DialContext, runs on every path from t's making to its function's
// return: a dialer set under a condition (influxdb1-client's
// `if c.UnixSocket != ""`) leaves net's default dialer on the others.
func dialsAlways(t ssa.Value, dials []*ssa.Store) bool {
	return slices.ContainsFunc(dials, func(st *ssa.Store) bool { return ssaflow.Unavoidable(t, st) })
}

// storedDials returns the stores, in t's own function, into those of t's
// fields that are one of fields; ok is false if t is not an allocated
// http.Transport or a clone of http.DefaultTransport (see [madeTransport]).
func storedDials(t ssa.Value, fields ...httpapi.Field) (dials []*ssa.Store, ok bool) {
	if madeTransport(t) == nil || t.Referrers() == nil {
		return nil, false
	}
	for _, ref := range *t.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != t {
			continue
		}
		f := ssaflow.FieldOf(t.Type(), fa.Field)
		if !slices.ContainsFunc(fields, func(want httpapi.Field) bool { return want.Matches(t.Type(), f) }) {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				dials = append(dials, st)
			}
		}
	}
	return dials, true
}

// madeTransport returns the function that makes t, an allocated
// http.Transport or a clone of http.DefaultTransport ([CloneOfDefault]) whose
// fields t's function sets, or nil when t is neither. A clone of another
// transport keeps that one's dial functions (Clone in
// net/http/transport.go copies them), which t's function need not show.
func madeTransport(t ssa.Value) *ssa.Function {
	if IsAllocOf(t, httpapi.Transport) || CloneOfDefault(t) {
		return t.(ssa.Instruction).Parent()
	}
	return nil
}

// ownFunc returns the function of pkg, with a body, that v is or whose
// closure v makes, or nil.
func ownFunc(v ssa.Value, pkg *ssa.Package) *ssa.Function {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = v
	}
	if fn == nil || fn.Pkg != pkg || len(fn.Blocks) == 0 {
		return nil
	}
	return fn
}

// memoryDialer reports whether v is a function of pkg that calls nothing
// of package net or crypto/tls and returns, as its connection, only values
// of a type pkg declares that wrap no connection (see [wrapsConn]).
func memoryDialer(v ssa.Value, pkg *ssa.Package) bool {
	fn := ownFunc(v, pkg)
	if fn == nil {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if f := callee.Func(instr.Common()); f == nil || f.Pkg() != nil && (f.Pkg().Path() == "net" || f.Pkg().Path() == "crypto/tls") {
					return false // dials, or calls something it cannot see
				}
			case *ssa.Return:
				if len(instr.Results) == 0 {
					return false
				}
				mi, ok := instr.Results[0].(*ssa.MakeInterface)
				if !ok {
					return false
				}
				if tn := httpapi.NamedOf(mi.X.Type()); tn == nil || tn.Pkg() != pkg.Pkg || wrapsConn(mi.X) {
					return false
				}
				returns++
			}
		}
	}
	return returns > 0
}

// wrapsConn reports whether conn, a dialer's result, is a struct allocated
// with a connection stored in one of its fields (`&tracingConn{Conn: nc}`,
// wrapping a connection dialed elsewhere, coder/wgtunnel#12): a network
// connection, not one in memory.
func wrapsConn(conn ssa.Value) bool {
	a, ok := conn.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != a {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa && isConn(st.Val) {
				return true
			}
		}
	}
	return false
}

// isConn reports whether v is a net.Conn, or a connection of package net
// or crypto/tls (*net.TCPConn, *tls.Conn), before any conversion.
func isConn(v ssa.Value) bool {
	if httpapi.NetConn.Matches(v.Type()) {
		return true
	}
	tn := httpapi.NamedOf(ssaflow.Unconverted(v).Type())
	return tn != nil && tn.Pkg() != nil && (tn.Pkg().Path() == "net" || tn.Pkg().Path() == "crypto/tls")
}
