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
	if args = NewRequestArgs(call); args == nil {
		return nil, nil
	}
	return call, args
}

// NewRequestArgs returns the method, URL and body arguments of a call of
// http.NewRequest or http.NewRequestWithContext (the context dropped), or
// nil if call is neither.
func NewRequestArgs(call *ssa.Call) []ssa.Value {
	fn := callee.Func(&call.Call)
	switch {
	case httpapi.NewRequest.Matches(fn):
		return call.Call.Args
	case httpapi.NewRequestWithContext.Matches(fn):
		return call.Call.Args[1:]
	}
	return nil
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
// all are constants (see [Request]). back walks v to its sources (through
// WithContext and Clone: [Derived]) and, through the callers the package
// shows, the method given to http.NewRequest to constants; tracer follows
// the requests forward to their Method stores.
func Methods(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, v ssa.Value) (methods []string, known bool) {
	r := Walk(back, tracer, back.Sources(v))
	return r.Methods, r.MethodsKnown && !r.Opaque && !r.Nil
}

// SendMethods returns the methods that send, a call of a client's or
// transport's send ([httpapi.ClientSends], [httpapi.TransportSends]),
// may send its request with, when all are constants: the one its name
// implies (Client.Get, Head, Post, PostForm), or those of the request it
// is given (see [Methods]).
func SendMethods(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, send ssa.CallInstruction) (methods []string, known bool) {
	common := send.Common()
	fn := callee.Func(common)
	switch {
	case httpapi.ClientGet.Matches(fn):
		return []string{"GET"}, true
	case httpapi.ClientHead.Matches(fn):
		return []string{"HEAD"}, true
	case httpapi.ClientPost.Matches(fn), httpapi.ClientPostForm.Matches(fn):
		return []string{"POST"}, true
	case httpapi.ClientDo.Matches(fn), httpapi.TransportRoundTrip.Matches(fn), httpapi.RoundTripperRoundTrip.Matches(fn):
		if len(common.Args) == 0 {
			return nil, false
		}
		return Methods(back, tracer, common.Args[len(common.Args)-1])
	}
	return nil, false
}

// MethodOrGet maps the empty method to GET, as net/http does
// (NewRequestWithContext in request.go, Client.do in client.go).
func MethodOrGet(m string) string {
	if m == "" {
		return "GET"
	}
	return m
}

// Handler returns fn or the function it is nested in that is an HTTP
// handler (func(http.ResponseWriter, *http.Request)), or nil: code that
// runs once for every request served.
func Handler(fn *ssa.Function) *ssa.Function {
	for ; fn != nil; fn = fn.Parent() {
		params := fn.Signature.Params()
		if params.Len() == 2 && fn.Signature.Results().Len() == 0 &&
			httpapi.ResponseWriter.Matches(params.At(0).Type()) && httpapi.Request.MatchesPtr(params.At(1).Type()) {
			return fn
		}
	}
	return nil
}
