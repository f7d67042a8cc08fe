package httpflow

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// NewRequest returns the call of http.NewRequest or
// http.NewRequestWithContext whose request v is (its first result), and
// the call's method, URL and body arguments (the context dropped); nil if
// v is no such request.
func NewRequest(v ssa.Value) (call *ssa.Call, args []ssa.Value) {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil, nil
	}
	call, ok = ex.Tuple.(*ssa.Call)
	if !ok {
		return nil, nil
	}
	fn := callee.Func(&call.Call)
	switch {
	case httpapi.NewRequest.Matches(fn):
		return call, call.Call.Args
	case httpapi.NewRequestWithContext.Matches(fn):
		return call, call.Call.Args[1:]
	}
	return nil, nil
}

// IsNewRequest reports whether v is the request that a call of
// http.NewRequest[WithContext] returns: a [ssaflow.Backtracer]'s Stop for
// walks that read the request's construction.
func IsNewRequest(v ssa.Value) bool {
	call, _ := NewRequest(v)
	return call != nil
}

// Derived returns the request that v, a call of Request.WithContext or
// Request.Clone, derives from, or nil: a [ssaflow.Backtracer]'s Through, so
// that a derived request comes from the one it copies.
func Derived(v ssa.Value) []ssa.Value {
	if call, ok := v.(*ssa.Call); ok {
		if fn := callee.Func(&call.Call); httpapi.RequestWithContext.Matches(fn) || httpapi.RequestClone.Matches(fn) {
			return call.Call.Args[:1]
		}
	}
	return nil
}

// Methods returns the methods that the request v may be sent with, when
// all are constants: the method given to http.NewRequest[WithContext] or
// GET for an http.Request literal, unless the package stores constants in
// its Method field, which override them ("" reads as GET, as net/http
// does). known is false when a source of v is not a request the package
// makes, or a method is not a constant. back walks v to its sources
// (through WithContext and Clone: [Derived]); tracer follows them forward
// to the Method stores.
func Methods(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, v ssa.Value) (methods []string, known bool) {
	var made, stored []string
	var roots []ssa.Value
	for _, src := range back.Sources(v).Sources {
		m, ok := "GET", true
		switch a, isAlloc := src.Value.(*ssa.Alloc); {
		case IsNewRequest(src.Value):
			_, args := NewRequest(src.Value)
			m, ok = ssaflow.ConstString(args[0])
		case isAlloc && httpapi.Request.MatchesPtr(a.Type()):
		default:
			return nil, false
		}
		if !ok {
			return nil, false
		}
		made = append(made, MethodOrGet(m))
		roots = append(roots, src.Value)
	}
	if len(roots) == 0 {
		return nil, false
	}
	for _, fv := range tracer.Trace(roots...).Values {
		for _, ref := range tracer.Index.Referrers(fv) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != fv || !httpapi.RequestMethod.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				continue
			}
			for _, use := range *fa.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
					m, ok := ssaflow.ConstString(st.Val)
					if !ok {
						return nil, false
					}
					stored = append(stored, MethodOrGet(m))
				}
			}
		}
	}
	if len(stored) > 0 {
		return stored, true
	}
	return made, true
}

// MethodOrGet maps the empty method to GET, as net/http does
// (NewRequestWithContext in request.go, Client.do in client.go).
func MethodOrGet(m string) string {
	if m == "" {
		return "GET"
	}
	return m
}
