package postretry

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// wrapperRequest returns, for a request sent by the RoundTrip method of a
// RoundTripper of the package that is given it as its parameter, a request
// with a body that the method never rewinds: a Client passes every request
// through such a wrapper, those with bodies too, so re-sending it without
// looking at Body or GetBody sends the consumed body again. nil when v is
// not that parameter or the method touches Body or GetBody (a rewind, or a
// test that the request has no body).
func (s *state) wrapperRequest(v ssa.Value) *request {
	srcs := s.sources(v)
	if len(srcs) != 1 {
		return nil
	}
	p, ok := srcs[0].(*ssa.Parameter)
	if !ok || !isRoundTrip(p.Parent()) || p != p.Parent().Params[len(p.Parent().Params)-1] {
		return nil
	}
	flow := s.local().Trace(p)
	for _, fv := range flow.Values {
		for _, ref := range s.index.Referrers(fv) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != fv {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			if httpapi.RequestBody.Matches(fa.X.Type(), f) || httpapi.RequestGetBody.Matches(fa.X.Type(), f) {
				return nil
			}
		}
	}
	return &request{body: true, flow: flow}
}

// isRoundTrip reports whether fn is a method RoundTrip(*http.Request)
// (*http.Response, error) of the package: an http.RoundTripper's.
func isRoundTrip(fn *ssa.Function) bool {
	sig := fn.Signature
	if fn.Name() != "RoundTrip" || sig.Recv() == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	return httpapi.Request.MatchesPtr(sig.Params().At(0).Type()) && httpapi.Response.MatchesPtr(sig.Results().At(0).Type()) &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}
