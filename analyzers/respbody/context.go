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
// returns: its returns need nothing (see [tracked.cancelledAtExit]), and
// a response it returns is no fresh one for its callers: once the context
// is done, the transport's readLoop gives the connection up
// ((*persistConn).readLoop in net/http/transport.go, its ctx.Done case
// cancels the request and closes the connection), so there is nothing for
// them to close or drain (adal's getMSIEndpoint, whose deferred cancel
// runs before MSIAvailable closes the answer). So
// does one that a wrapper of the package hands back with the response
// (p.cancel, see [state.returnedCancel]), from where the function defers
// it on (`resp, cancel, err := c.get(u); defer cancel()`). Not the call
// running again in a loop, which comes before the return.
func (s *state) contextDone(t *tracked, call *ssa.Call, p producer) {
	if p.cancel != nil {
		for _, d := range httpflow.DeferredCalls(s.index, &s.loops, t.fn, p.cancel) {
			t.add(d, effect{cancels: true})
		}
	}
	families := s.requestContexts(call)
	if families == nil {
		return
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

// requestContexts returns, for each context that the request call sends
// may be made with, the contexts whose being done makes it done
// ([httpflow.Ancestors]); nil when the call has no request or a request
// of unknown context.
func (s *state) requestContexts(call *ssa.Call) []map[ssa.Value]bool {
	req := requestArg(&call.Call)
	if req == nil {
		return nil
	}
	ctxs, known := httpflow.Contexts(s.contexts, req)
	if !known {
		return nil
	}
	families := make([]map[ssa.Value]bool, len(ctxs))
	for i, ctx := range ctxs {
		families[i] = httpflow.Ancestors(ctx)
	}
	return families
}

// returnedCancel returns the index of the result in which every one of
// rets, the returns that hand back the response of call, gives a
// CancelFunc ending its request: that of the request's context or of one
// it derives from ([httpflow.CancelOf]), or the one a wrapper handed back
// with the response (p.cancel). It returns -1 if there is none. The
// caller that defers it frees the connection at its return (see
// [state.contextDone]).
func (s *state) returnedCancel(call *ssa.Call, p producer, rets []*ssa.Return) int {
	families := s.requestContexts(call)
	at := -1
	for _, ret := range rets {
		found := -1
		for j, r := range ret.Results {
			if p.cancel != nil && httpflow.FuncValue(s.index, &s.loops, r) == p.cancel {
				found = j
			} else if ctx := httpflow.CancelOf(s.index, &s.loops, r); ctx != nil && families != nil && doneForAll(families, ctx) {
				found = j
			}
		}
		if found < 0 || at >= 0 && found != at {
			return -1
		}
		at = found
	}
	return at
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
