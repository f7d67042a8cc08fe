package keepalivesoff

import (
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// transport reports DisableKeepAlives: true on a transport that sends more
// than one request.
func (s *state) transport(root ssa.Value) {
	flow := s.tracer.Trace(root)
	stores := s.reportable(httpflow.TrueStores(s.index, flow.Values, httpapi.TransportDisableKeepAlives))
	if len(stores) == 0 {
		return
	}
	if httpflow.DialsUnix(root) {
		return // no TCP connection to open again, no TIME_WAIT
	}
	u := s.transportSends(root, flow)
	evidence := u.evidence
	if evidence == nil || s.unreplayedOnly(u.sends) {
		return
	}
	for _, st := range stores {
		s.report(ssaflow.StorePos(st), "http.Transport sets DisableKeepAlives and sends more than one request", "Remove DisableKeepAlives: true", evidence)
	}
}

// A transportUse is where a transport sends: its own sends, the stores
// that give it to clients, and evidence of it (or its clients) sending
// more than one request (see [state.repeated]), nil if it sends at most
// one for each time it is made.
type transportUse struct {
	own, evidence []ssa.CallInstruction
	sends         []ssa.CallInstruction // its own and its clients'
	given         []*ssa.Store
}

// transportSends returns the use of the transport root, whose flow is
// given.
func (s *state) transportSends(root ssa.Value, flow *ssaflow.Flow) transportUse {
	u := transportUse{own: sendsThrough(flow, httpapi.TransportSends)}
	var clients []ssa.Value
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			st, ok := ref.(*ssa.Store)
			if !ok || st.Val != v {
				continue
			}
			if c := httpflow.TransportClient(st); c != nil {
				clients = append(clients, s.widen(c)...)
				u.given = append(u.given, st)
			}
		}
	}
	creations := []ssa.Instruction{root.(ssa.Instruction)}
	for _, v := range flow.Values {
		if call := resultOf(v); call != nil && callee.Body(call.Common()) != nil {
			creations = append(creations, call)
		}
	}
	sends := u.own
	flows := []*ssaflow.Flow{flow}
	if len(clients) > 0 {
		clientFlow := s.tracer.Trace(clients...)
		flows = append(flows, clientFlow)
		sends = slices.Concat(sends, sendsThrough(clientFlow, httpapi.ClientSends))
		creations = makers(creations, clientFlow)
	}
	u.sends = sends
	u.evidence = s.repeated(sends, creations, held(flows...))
	return u
}

// unreplayedOnly reports whether every one of sends sends requests with
// methods that net/http does not send again when a pooled connection
// turns out stale (POST, PATCH, ...: anything but
// [httpapi.ReplayedMethods], (*Request).isReplayable in
// net/http/request.go): keep-alives off for such a client is one of the
// remedies postretry counts as handled, as Close on each request is (see
// [state.request]), so the suite does not report it both ways.
func (s *state) unreplayedOnly(sends []ssa.CallInstruction) bool {
	for _, send := range sends {
		methods, known := httpflow.SendMethods(s.back, s.tracer, send)
		if !known || len(methods) == 0 || slices.ContainsFunc(methods, func(m string) bool { return slices.Contains(httpapi.ReplayedMethods, m) }) {
			return false
		}
	}
	return len(sends) > 0
}

// singleSends returns the sends through the package's transports that send
// at most one request each time they are made (see [state.transportSends]):
// a transport made for one request, which no keep-alive switch can make
// reuse a connection. A client's send counts when that client is given
// the transport on every path to it (see [httpflow.Precedes]): on the
// others it may send through another transport, a shared one. It is worked out
// once per package, when first asked.
func (s *state) singleSends() map[ssa.CallInstruction]bool {
	if s.singles != nil {
		return s.singles
	}
	s.singles = make(map[ssa.CallInstruction]bool)
	for _, t := range s.transports {
		u := s.transportSends(t, s.tracer.Trace(t))
		if u.evidence != nil {
			continue
		}
		for _, send := range u.own {
			s.singles[send] = true
		}
		for _, st := range u.given {
			client := st.Addr.(*ssa.FieldAddr).X
			for _, send := range sendsThrough(s.tracer.Trace(s.widen(client)...), httpapi.ClientSends) {
				if httpflow.Precedes(st, send) {
					s.singles[send] = true
				}
			}
		}
	}
	return s.singles
}

// makers adds to creations the calls whose result holds a client holding
// the transport, of functions that make it (hold a creation): each such
// call makes a new transport (`c.newClient()`, one per probe), also
// through a function that calls one of them and returns the client with a
// request (`req, client, err := newRequest(...)`, one per evaluation).
func makers(creations []ssa.Instruction, clientFlow *ssaflow.Flow) []ssa.Instruction {
	for grew := true; grew; {
		grew = false
		for _, v := range clientFlow.Values {
			call := resultOf(v)
			if call == nil || slices.Contains(creations, ssa.Instruction(call)) {
				continue
			}
			if body := callee.Body(call.Common()); body != nil && slices.ContainsFunc(creations, func(cr ssa.Instruction) bool { return cr.Parent() == body }) {
				creations = append(creations, call)
				grew = true
			}
		}
	}
	return creations
}

// widen returns v and, when v is loaded from a package variable or a struct
// field, every load of that variable or field: all of them hold the same
// client.
func (s *state) widen(v ssa.Value) []ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return []ssa.Value{v}
	}
	var addrs []ssa.Value
	switch x := load.X.(type) {
	case *ssa.Global:
		addrs = []ssa.Value{x}
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(x.X.Type(), x.Field); f != nil {
			addrs = s.index.Selections(f)
		}
	}
	vs := []ssa.Value{v}
	for _, addr := range addrs {
		for _, ref := range s.index.Referrers(addr) {
			if l, ok := ref.(*ssa.UnOp); ok && l.Op == token.MUL && l != load {
				vs = append(vs, l)
			}
		}
	}
	return vs
}

// resultOf returns the call whose result v is, directly or extracted.
func resultOf(v ssa.Value) *ssa.Call {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, _ := v.(*ssa.Call)
	return call
}
