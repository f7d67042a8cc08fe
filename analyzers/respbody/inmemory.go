package respbody

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// inMemory reports whether a RoundTrip call goes through a transport made
// in the same function whose dial function, a function of this package,
// returns a connection of this package's own making and dials nothing:
// httputil.DumpRequestOut's shape, which captures the request as written
// over a connection that answers from memory. Its response has no network
// connection behind it, so there is nothing to leak or reuse.
func (s *scan) inMemory(common *ssa.CallCommon, fn *types.Func) bool {
	if !httpapi.TransportRoundTrip.Matches(fn) || common.IsInvoke() || len(common.Args) == 0 {
		return false
	}
	t, ok := common.Args[0].(*ssa.Alloc)
	if !ok || t.Referrers() == nil {
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
			if !s.memoryDialer(st.Val) {
				return false
			}
			dials++
		}
	}
	return dials > 0
}

// memoryDialer reports whether v is a function of this package that calls
// nothing of package net or crypto/tls and returns, as its connection,
// only values of a type this package declares.
func (s *scan) memoryDialer(v ssa.Value) bool {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = v
	}
	if fn == nil || fn.Pkg != s.pkg || len(fn.Blocks) == 0 {
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
				if !ok || !s.ownType(mi.X.Type()) {
					return false
				}
				returns++
			}
		}
	}
	return returns > 0
}

// ownType reports whether t, or what it points to, is a named type this
// package declares.
func (s *scan) ownType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() == s.pkg.Pkg
}
