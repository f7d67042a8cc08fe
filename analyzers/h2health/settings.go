package h2health

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A config is what the package does with one http.HTTP2Config.
type config struct {
	root     ssa.Value
	sendPing bool // SendPingTimeout set to something other than 0
	ping     bool // PingTimeout set likewise
	handOff  bool // made elsewhere, or reaches code that may set it
}

// protocols is what the package does with one http.Protocols.
type protocols struct {
	http2   bool                // SetHTTP2 or SetUnencryptedHTTP2 with true or an unknown argument
	call    ssa.CallInstruction // the first such call
	handOff bool
}

// traceSettings traces the package's HTTP2Configs and Protocols, so that
// a transport's HTTP2 and Protocols fields can be told by the values
// stored in them.
func (s *state) traceSettings() {
	s.configs = make(map[ssa.Value][]*config)
	for _, roots := range httpflow.Roots(s.index, httpapi.HTTP2Config) {
		c := &config{root: roots[0], handOff: httpflow.Foreign(s.index, roots[0])}
		flow := s.tracer.Trace(roots...)
		for _, v := range flow.Values {
			s.configs[v] = append(s.configs[v], c)
			c.timeouts(s.index, v)
		}
		for _, h := range flow.HandOffs {
			c.handOff = c.handOff || !s.keptIn(h, httpapi.TransportHTTP2, httpapi.ServerHTTP2)
		}
	}
	s.protos = make(map[ssa.Value][]*protocols)
	for _, roots := range httpflow.Roots(s.index, httpapi.Protocols) {
		p := &protocols{handOff: httpflow.Foreign(s.index, roots[0])}
		flow := s.tracer.Trace(roots...)
		for _, v := range flow.Values {
			s.protos[v] = append(s.protos[v], p)
		}
		for _, h := range flow.HandOffs {
			if call, ok := h.Instr.(ssa.CallInstruction); ok && h.Kind == ssaflow.Call {
				if on, known := turnsOnHTTP2(call.Common()); known {
					if on && !p.http2 {
						p.http2, p.call = true, call
					}
					continue
				}
			}
			p.handOff = p.handOff || !s.keptIn(h, httpapi.TransportProtocols)
		}
	}
}

// timeouts records the health-check settings that the package stores in
// the HTTP2Config v points to.
func (c *config) timeouts(x *ssaflow.Index, v ssa.Value) {
	vs := []ssa.Value{v}
	c.sendPing = c.sendPing || set(httpflow.FieldStores(x, vs, httpapi.HTTP2ConfigSendPingTimeout))
	c.ping = c.ping || set(httpflow.FieldStores(x, vs, httpapi.HTTP2ConfigPingTimeout))
}

// turnsOnHTTP2 tells, for a call of a method of http.Protocols, whether
// it turns HTTP/2 on (true or an unknown argument to SetHTTP2 or
// SetUnencryptedHTTP2); known is false for calls of anything else.
func turnsOnHTTP2(call *ssa.CallCommon) (on, known bool) {
	fn := callee.Func(call)
	if fn == nil || fn.Signature().Recv() == nil || !httpapi.Protocols.MatchesPtr(fn.Signature().Recv().Type()) {
		return false, false
	}
	if !httpapi.ProtocolsHTTP2.Matches(fn) {
		return false, true // SetHTTP1, or a query
	}
	b, constant := ssaflow.ConstBool(call.Args[len(call.Args)-1])
	return b || !constant, true
}

// keptIn reports whether hand-off h stores the value in one of the fields
// of net/http types that h2health reads (a transport's HTTP2, say), or
// returns it (judged here, where it is made).
func (s *state) keptIn(h ssaflow.HandOff, fields ...httpapi.Field) bool {
	if h.Kind == ssaflow.Return {
		return true
	}
	st, ok := h.Instr.(*ssa.Store)
	if !ok || h.Kind != ssaflow.Store {
		return false
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
	for _, want := range fields {
		if want.Matches(fa.X.Type(), f) {
			return true
		}
	}
	return false
}

// set reports whether one of stores sets its field to something other
// than the zero value: a non-zero constant (a negative timeout is a
// deliberate choice) or a value not known here.
func set(stores []*ssa.Store) bool {
	for _, st := range stores {
		if !ssaflow.IsZero(st.Val) {
			return true
		}
	}
	return false
}
