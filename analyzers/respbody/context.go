package respbody

import (
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// contextDone ends the paths of t, the response of call, on which the
// context of the request that call sent is done: the code checked
// ctx.Err() or context.Cause(ctx), or received from ctx.Done(), for that
// context or one it derives from ([httpflow.Ancestors]). Once the
// request's context is done, the transport gives the connection up and
// the body's reads fail: (*persistConn).readLoop, in
// net/http/transport.go, waits for the body with a case on
// rc.treq.ctx.Done() that sets alive to false and cancels the request,
// and the read loop then closes the connection; HTTP/2 resets the stream
// ((*http2clientStream).writeRequest in net/http/h2_bundle.go returns
// ctx.Err(), and cleanupWriteRequest aborts it).
//
// The request is the call's (last) *http.Request argument (Client.Do,
// RoundTrip, a sender of the package or of code it cannot see); its
// contexts are traced back to where they are set ([httpflow.Contexts]),
// and every one of them must be done.
//
// A CancelFunc of the request's context, or of one it derives from, that
// the function defers before the call on every path to it
// ([httpflow.DeferredCancels]) makes that context done when the function
// returns: its returns need nothing (see [tracked.cancelledAtExit]). Not
// the call running again in a loop, which comes before the return.
func (s *state) contextDone(t *tracked, call *ssa.Call) {
	req := requestArg(&call.Call)
	if req == nil {
		return
	}
	ctxs, known := httpflow.Contexts(s.contexts, req)
	if !known {
		return
	}
	families := make([]map[ssa.Value]bool, len(ctxs))
	for i, ctx := range ctxs {
		families[i] = httpflow.Ancestors(ctx)
	}
	for _, c := range s.cancels(t.fn) {
		if doneForAll(families, c.Ctx) && ssaflow.Dominates(c.Defer, call) {
			t.cancelledAtExit = true
		}
	}
	dones, ok := s.dones[t.fn]
	if !ok {
		dones = httpflow.Dones(t.fn)
		s.dones[t.fn] = dones
	}
	for _, d := range dones {
		if !doneForAll(families, d.Ctx) {
			continue
		}
		if d.Recv != nil {
			t.add(d.Recv, effect{ends: true})
		} else {
			t.settled[d.Edge.If] = d.Edge.Succ
		}
	}
}

func (s *state) cancels(fn *ssa.Function) []httpflow.DeferredCancel {
	cs, ok := s.deferredCancels[fn]
	if !ok {
		cs = httpflow.DeferredCancels(s.index, &s.loops, fn)
		s.deferredCancels[fn] = cs
	}
	return cs
}

func doneForAll(families []map[ssa.Value]bool, ctx ssa.Value) bool {
	for _, f := range families {
		if !f[ctx] {
			return false
		}
	}
	return true
}
