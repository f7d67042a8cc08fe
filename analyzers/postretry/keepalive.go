package postretry

import (
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// keepAlive reports whether a send goes through a net/http transport that
// keeps connections alive: not one with DisableKeepAlives, not one made
// for this send alone ([httpflow.FreshPool]), and not a RoundTripper of the
// package's own or of another package, which may retry. A client whose
// origin is not seen is taken to use net/http's transport.
func (s *state) keepAlive(call ssa.CallInstruction, snd send, recv ssa.Value) bool {
	if snd.via != defaultClient && httpflow.FreshPool(s.index, s.run, s.tracer, &s.loops, call, recv) {
		return false
	}
	switch snd.via {
	case defaultClient:
		return true
	case transport:
		return s.transportKeepAlive(recv, true)
	case roundTripper:
		return s.transportKeepAlive(recv, false)
	}
	for _, src := range s.sources(recv) {
		c, ok := src.(*ssa.Alloc)
		if !ok || !httpapi.Client.MatchesPtr(c.Type()) {
			continue // http.DefaultClient, or a client made elsewhere
		}
		for _, st := range httpflow.ClientTransports(s.index, s.tracer, c) {
			if !s.transportKeepAlive(st.Val, false) {
				return false
			}
		}
	}
	return true
}

// transportKeepAlive reports whether a RoundTripper is a net/http transport
// with keep-alives on. unseen says what to assume of a value whose origin is
// not seen.
func (s *state) transportKeepAlive(v ssa.Value, unseen bool) bool {
	for _, src := range s.sources(v) {
		switch {
		case ssaflow.IsNil(src), httpflow.IsLoadOf(src, httpapi.DefaultTransport):
		case httpflow.IsAllocOf(src, httpapi.Transport), httpflow.IsCallOf(src, httpapi.TransportClone):
			for _, st := range httpflow.FieldStores(s.index, httpflow.TraceMade(s.tracer, src).Values, httpapi.TransportDisableKeepAlives) {
				if on, known := ssaflow.ConstBool(st.Val); !known || on {
					return false
				}
			}
		case httpapi.Transport.MatchesPtr(src.Type()):
			if !unseen {
				return false
			}
		default:
			return false // a RoundTripper that may retry
		}
	}
	return true
}
