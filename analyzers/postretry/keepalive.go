package postretry

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// keepAlive reports whether a send goes through a net/http transport that
// keeps connections alive: not one with DisableKeepAlives, not one made
// for this send alone ([state.freshPool]), and not a RoundTripper of the
// package's own or of another package, which may retry. A client whose
// origin is not seen is taken to use net/http's transport.
func (s *state) keepAlive(call ssa.CallInstruction, snd send, recv ssa.Value) bool {
	if s.freshPool(call, snd, recv) {
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
		case isAllocOf(src, httpapi.Transport), isCallOf(src, httpapi.TransportClone):
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

// freshPool reports whether the send goes through a transport made anew
// in the run of its function (there, or in a helper that returns it:
// newClient(addr) returning &http.Client{Transport: &http.Transport{...}})
// and sent through once in that run: not in a loop, and the client or
// transport value sent through by no other call. Its idle pool is empty
// when the request goes out, so the transport dials (queueForIdleConn in
// net/http/transport.go finds no idle connection), and no connection the
// server has closed can be picked.
func (s *state) freshPool(call ssa.CallInstruction, snd send, recv ssa.Value) bool {
	if snd.via == defaultClient || recv == nil || s.loops.InLoop(call) {
		return false
	}
	for _, ref := range s.index.Referrers(recv) { // a package-level client value has no Referrers of its own
		if other, ok := ref.(ssa.CallInstruction); ok && other != call {
			if _, isSend := sendOf(callee.Func(other.Common())); isSend {
				return false
			}
		}
	}
	srcs := s.run.Sources(recv).Sources
	if !slices.ContainsFunc(srcs, func(src ssaflow.Source) bool { return !nilPointer(src.Value) }) {
		return false
	}
	for _, src := range srcs {
		switch {
		case isAllocOf(src.Value, httpapi.Transport), isCallOf(src.Value, httpapi.TransportClone), nilPointer(src.Value):
		case isAllocOf(src.Value, httpapi.Client) && (snd.via == client || snd.via == clientDo):
			if !s.freshTransport(src.Value.(*ssa.Alloc)) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// nilPointer reports whether v is a nil *http.Client or *http.Transport:
// a send through either panics (net/http's Client methods read the
// client's fields, Transport.RoundTrip its own), so on every path that
// sends, another value has replaced it: a helper's `return nil, err`
// that its caller checks, or var tr *http.Transport; if ... { tr =
// t.Clone() }; if tr == nil { tr = ... }. A nil RoundTripper interface is
// different: the client then sends through http.DefaultTransport.
func nilPointer(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil() && (httpapi.Transport.MatchesPtr(c.Type()) || httpapi.Client.MatchesPtr(c.Type()))
}

// freshTransport reports whether the client alloc c, made in a run, is
// given a transport made in that same run, and no other.
func (s *state) freshTransport(c *ssa.Alloc) bool {
	stores := httpflow.ClientTransports(s.index, s.tracer, c)
	for _, st := range stores {
		for _, src := range s.run.Sources(st.Val).Sources {
			if !isAllocOf(src.Value, httpapi.Transport) && !isCallOf(src.Value, httpapi.TransportClone) && !nilPointer(src.Value) {
				return false
			}
		}
	}
	return len(stores) > 0
}
