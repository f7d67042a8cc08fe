package httpflow

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// IsLoadOf reports whether v reads the standard-library variable want
// (http.DefaultTransport, http.NoBody, ...).
func IsLoadOf(v ssa.Value, want httpapi.Var) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok {
		return false
	}
	obj, _ := g.Object().(*types.Var)
	return want.Matches(obj)
}

// CloneOfDefault reports whether v is
// http.DefaultTransport.(*http.Transport).Clone(): a copy of the
// transport that net/http/transport.go declares (DefaultTransport: its
// DialContext dials TCP, no DialTLS or DialTLSContext is set).
func CloneOfDefault(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !httpapi.TransportClone.Matches(callee.Func(&call.Call)) || len(call.Call.Args) == 0 {
		return false
	}
	ta, ok := call.Call.Args[0].(*ssa.TypeAssert)
	return ok && IsLoadOf(ta.X, httpapi.DefaultTransport)
}
