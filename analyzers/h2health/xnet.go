package h2health

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// h2transport is what the package does with one of x/net's
// http2.Transports.
type h2transport struct {
	readIdle bool // ReadIdleTimeout set to something other than 0
	ping     bool // PingTimeout set likewise
	handOff  bool // reaches code that may set them
}

// http2Transports judges the x/net HTTP/2 transports that the package
// makes (literals and new), and records what happens to the ones that
// ConfigureTransports returns, for the transport it was given.
func (s *state) http2Transports() {
	s.results = make(map[*ssa.Call]*h2transport)
	for _, roots := range httpflow.Roots(s.index, httpapi.HTTP2Transport) {
		root := roots[0]
		result := configureTransportsCall(root)
		if _, made := root.(*ssa.Alloc); !made && result == nil {
			continue // another package's transport, or one kept in a field
		}
		t := &h2transport{}
		flow := s.tracer.Trace(roots...)
		for _, v := range flow.Values {
			vs := []ssa.Value{v}
			t.readIdle = t.readIdle || set(httpflow.FieldStores(s.index, vs, httpapi.HTTP2TransportReadIdleTimeout))
			t.ping = t.ping || set(httpflow.FieldStores(s.index, vs, httpapi.HTTP2TransportPingTimeout))
		}
		for _, h := range flow.HandOffs {
			t.handOff = t.handOff || !s.keptIn(h, httpapi.ClientTransport) && !http2Method(h)
		}
		if result != nil {
			s.results[result] = t
			continue
		}
		if !t.readIdle && !t.handOff {
			s.reportHTTP2Transport(root.(*ssa.Alloc), t)
		}
	}
}

// configureTransportsCall returns the call of http2.ConfigureTransports
// whose first result v is, or nil.
func configureTransportsCall(v ssa.Value) *ssa.Call {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || !httpapi.HTTP2ConfigureTransports.Matches(callee.Func(&call.Call)) {
		return nil
	}
	return call
}

// http2Method reports whether h is a call of a method of x/net's
// http2.Transport on the traced transport: none of them configures it.
func http2Method(h ssaflow.HandOff) bool {
	call, ok := h.Instr.(ssa.CallInstruction)
	if !ok || h.Kind != ssaflow.Call {
		return false
	}
	fn := callee.Func(call.Common())
	return fn != nil && fn.Signature().Recv() != nil && httpapi.HTTP2Transport.MatchesPtr(fn.Signature().Recv().Type())
}
