package h2health

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// transport is what the package does with one traced http.Transport.
type transport struct {
	root ssa.Value

	configs   []*config           // HTTP2Configs stored in its HTTP2 field
	http2     []*ssa.Store        // those stores, nil ones included
	readBack  config              // settings made through t.HTTP2.X = ...
	protos    []*protocols        // Protocols stored in its Protocols field
	protoSet  bool                // a non-nil Protocols is stored
	protoCall ssa.CallInstruction // the first call that turns HTTP/2 on in them
	force     bool                // ForceAttemptHTTP2 set, to true or an unknown value
	forceTrue bool                // ForceAttemptHTTP2 set to the constant true
	custom    string              // a custom TLSClientConfig or dialer field that turns HTTP/2 off by default
	// singleUse: DisableKeepAlives is true in every run, so every
	// connection serves one request and none is reused.
	singleUse bool

	configure  ssa.CallInstruction // http2.ConfigureTransport(s) with it
	defaultCow bool                // a Clone of http.DefaultTransport
	unknown    bool                // reaches, or comes from, code that may configure HTTP/2
	// param: a parameter of a function that callers elsewhere may call,
	// given a transport whose own settings the package does not see.
	param bool
}

// customFields are the fields with which a transport, unless it sets
// ForceAttemptHTTP2 or Protocols, speaks HTTP/1.1 only (protocols in
// net/http/transport.go).
var customFields = []httpapi.Field{
	httpapi.TransportTLSClientConfig,
	httpapi.TransportDial,
	httpapi.TransportDialContext,
	httpapi.TransportDialTLS,
	httpapi.TransportDialTLSContext,
}

// transports judges every http.Transport of the package, and the
// transports that callers elsewhere pass to its functions (a helper that
// applies the package's defaults and turns HTTP/2 on).
func (s *state) transports() {
	roots := httpflow.Roots(s.index, httpapi.Transport)
	made := len(roots)
	for i, roots := range append(roots, httpflow.Params(s.index, httpapi.Transport)...) {
		t := &transport{root: roots[0], param: i >= made}
		if httpflow.Foreign(s.index, t.root) {
			t.defaultCow = httpflow.CloneOfDefault(t.root)
		}
		flow := s.tracer.Trace(roots...)
		for _, v := range flow.Values {
			s.fields(t, v)
		}
		for _, h := range flow.HandOffs {
			s.handOff(t, h)
		}
		if !t.unknown {
			s.judge(t)
		}
	}
}

// fields records what the package stores in the fields of the transport
// that v points to.
func (s *state) fields(t *transport, v ssa.Value) {
	vs := []ssa.Value{v}
	stores := func(f httpapi.Field) []*ssa.Store { return httpflow.FieldStores(s.index, vs, f) }
	for _, st := range stores(httpapi.TransportHTTP2) {
		t.http2 = append(t.http2, st)
		if ssaflow.IsNil(st.Val) {
			continue
		}
		cs := s.configs[st.Val]
		t.unknown = t.unknown || len(cs) == 0
		t.configs = append(t.configs, cs...)
	}
	for _, load := range httpflow.FieldLoads(s.index, vs, httpapi.TransportHTTP2) {
		t.readBack.timeouts(s.index, load)
	}
	for _, st := range stores(httpapi.TransportProtocols) {
		if ssaflow.IsNil(st.Val) {
			continue
		}
		t.protoSet = true
		ps := s.protos[st.Val]
		t.unknown = t.unknown || len(ps) == 0
		t.protos = append(t.protos, ps...)
		for _, p := range ps {
			if t.protoCall == nil {
				t.protoCall = p.call
			}
		}
	}
	for _, load := range httpflow.FieldLoads(s.index, vs, httpapi.TransportProtocols) {
		for _, ref := range s.index.Referrers(load) {
			if call, ok := ref.(ssa.CallInstruction); ok && call.Common().Args[0] == load {
				if on, _ := turnsOnHTTP2(call.Common()); on {
					t.protos = append(t.protos, &protocols{http2: true, call: call})
					if t.protoCall == nil {
						t.protoCall = call
					}
				}
			}
		}
	}
	for _, st := range stores(httpapi.TransportForceAttemptHTTP2) {
		b, known := ssaflow.ConstBool(st.Val)
		t.force = t.force || b || !known
		t.forceTrue = t.forceTrue || b && known
	}
	for _, st := range stores(httpapi.TransportDisableKeepAlives) {
		t.singleUse = t.singleUse || ssaflow.AlwaysTrue(nil, t.root, st)
	}
	for _, f := range customFields {
		if t.custom == "" && set(stores(f)) {
			t.custom = f.Name
		}
	}
	// A transport whose TLSNextProto the package sets chooses its
	// protocols itself (an empty map turns HTTP/2 off).
	t.unknown = t.unknown || len(stores(httpapi.TransportTLSNextProto)) > 0
}

// handOff records what a hand-off of the transport does to it.
func (s *state) handOff(t *transport, h ssaflow.HandOff) {
	if s.keptIn(h, httpapi.ClientTransport) {
		return
	}
	call, ok := h.Instr.(ssa.CallInstruction)
	if !ok || h.Kind != ssaflow.Call {
		t.unknown = true
		return
	}
	fn := callee.Func(call.Common())
	switch {
	case httpapi.HTTP2ConfigureTransport.Matches(fn), httpapi.HTTP2ConfigureTransports.Matches(fn):
		t.configure = call
	case httpapi.TransportRegisterProtocol.Matches(fn):
		t.unknown = true
	case fn != nil && fn.Signature().Recv() != nil && httpapi.Transport.MatchesPtr(fn.Signature().Recv().Type()):
		// Its own methods (RoundTrip, Clone, CloseIdleConnections) leave
		// its HTTP/2 settings alone.
	default:
		t.unknown = true
	}
}

// health tells whether the transport's HTTP/2 connections are
// health-checked, and whether a PingTimeout is set without.
func (t *transport) health() (sendPing, ping bool) {
	sendPing, ping = t.readBack.sendPing, t.readBack.ping
	for _, c := range t.configs {
		if c.handOff {
			return true, false // set where the package cannot see
		}
		sendPing = sendPing || c.sendPing
		ping = ping || c.ping
	}
	return sendPing, ping
}

// judge reports the transport's mistake, if it has one.
func (s *state) judge(t *transport) {
	explicit := t.configure != nil || t.protoSet || len(t.protos) > 0
	settings := len(t.configs) > 0 || t.readBack != (config{})
	if t.param {
		// A transport passed in comes with settings the package does not
		// see: judged only where the package turns HTTP/2 on in it, or
		// replaces its HTTP2 settings.
		settings = len(t.configs) > 0
	}
	if !explicit && settings && t.custom != "" && !t.force && !t.param {
		s.reportHTTP1Only(t)
		return
	}
	sendPing, ping := t.health()
	if sendPing || t.singleUse {
		// Health-checked, or no connection is reused: with keep-alives
		// off an HTTP/2 connection is closed when its one request ends
		// (closeOnIdle in x/net/http2/transport.go and net/http's
		// h2_bundle.go), so a dead one never stalls a later request.
		return
	}
	inherited := httpflow.Foreign(s.index, t.root) && !t.defaultCow && len(t.http2) == 0
	switch {
	case t.configure != nil:
		if inherited {
			return
		}
		call, _ := t.configure.(*ssa.Call) // not go or defer, whose result is dropped
		result := s.results[call]
		if result != nil && (result.readIdle || result.handOff) {
			return
		}
		s.reportConfigure(t, result, ping)
	case explicit:
		for _, p := range t.protos {
			if p.handOff {
				return
			}
		}
		if !inherited && slices.ContainsFunc(t.protos, func(p *protocols) bool { return p.http2 }) {
			s.reportNoPing(t, turnedOn(ping))
		}
	case settings:
		s.reportNoPing(t, turnedOn(ping))
	case !inherited && t.forceTrue:
		s.reportNoPing(t, forced)
	case s.opts.Implicit && !inherited && (t.force || t.defaultCow):
		s.reportNoPing(t, byDefault)
	}
}
