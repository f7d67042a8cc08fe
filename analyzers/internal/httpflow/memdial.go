package httpflow

import (
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
	if t.Referrers() == nil || !httpapi.Transport.MatchesPtr(t.Type()) {
		return false
	}
	dials := 0
	for _, ref := range *t.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != t {
			continue
		}
		f := ssaflow.FieldOf(t.Type(), fa.Field)
		if !httpapi.TransportDial.Matches(t.Type(), f) && !httpapi.TransportDialContext.Matches(t.Type(), f) {
			continue
		}
		for _, use := range *fa.Referrers() {
			st, ok := use.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if !memoryDialer(st.Val, t.Parent().Pkg) {
				return false
			}
			dials++
		}
	}
	return dials > 0
}

// memoryDialer reports whether v is a function of pkg that calls nothing
// of package net or crypto/tls and returns, as its connection, only values
// of a type pkg declares.
func memoryDialer(v ssa.Value, pkg *ssa.Package) bool {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = v
	}
	if fn == nil || fn.Pkg != pkg || len(fn.Blocks) == 0 {
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
				if tn := httpapi.NamedOf(mi.X.Type()); tn == nil || tn.Pkg() != pkg.Pkg {
					return false
				}
				returns++
			}
		}
	}
	return returns > 0
}
