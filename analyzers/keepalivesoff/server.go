package keepalivesoff

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// server reports SetKeepAlivesEnabled(false) where a server is set up or
// served, outside a shutdown path.
func (s *state) server(root ssa.Value) {
	flow := s.tracer.Trace(root)
	var rootFn *ssa.Function
	if instr, ok := root.(ssa.Instruction); ok {
		rootFn = instr.Parent()
	}
	for _, h := range flow.HandOffs {
		call, ok := h.Instr.(ssa.CallInstruction)
		if h.Kind != ssaflow.Call || !ok || !httpapi.ServerSetKeepAlivesEnabled.Matches(callee.Func(call.Common())) {
			continue
		}
		args := call.Common().Args
		if on, known := ssaflow.ConstBool(args[len(args)-1]); !known || on {
			continue
		}
		fn := call.Parent()
		var serves []ssa.CallInstruction
		for _, serve := range sendsThrough(flow, httpapi.ServerServes) {
			if serve.Parent() == fn {
				serves = append(serves, serve)
			}
		}
		if fn != rootFn && len(serves) == 0 {
			continue // a method of its own, such as a drain hook: may be a shutdown path
		}
		if s.rep.Generated(call.Pos()) {
			continue
		}
		if s.shutdownPath(call, flow) || s.stoppedByListener(serves) {
			continue
		}
		s.report(call.Pos(), "http.Server disables keep-alives outside shutdown", "", serves)
	}
}

// shutdownPath reports whether call is on a server's shutdown path in its
// function: after a channel receive, a select, ctx.Done(), signal.Notify
// or a Shutdown, Close or RegisterOnShutdown; or right before a Shutdown
// or Close with no serve after it.
func (s *state) shutdownPath(call ssa.CallInstruction, flow *ssaflow.Flow) bool {
	fn := call.Parent()
	var serves, stops []ssa.Instruction
	for _, h := range flow.HandOffs {
		c, ok := h.Instr.(ssa.CallInstruction)
		if !ok || h.Kind != ssaflow.Call || c.Parent() != fn {
			continue
		}
		switch callee := callee.Func(c.Common()); {
		case httpapi.ServerServes.Matches(callee):
			serves = append(serves, c)
		case httpapi.ServerStops.Matches(callee):
			stops = append(stops, c)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			sign := false
			switch instr := instr.(type) {
			case *ssa.UnOp:
				sign = instr.Op == token.ARROW
			case *ssa.Select:
				sign = true
			case ssa.CallInstruction:
				fn := callee.Func(instr.Common())
				sign = httpapi.ContextDone.Matches(fn) || httpapi.SignalNotify.Matches(fn) ||
					httpapi.ServerStops.Matches(fn)
			}
			if sign && ssaflow.Reaches(instr, call) {
				return true
			}
		}
	}
	for _, stop := range stops {
		if ssaflow.Reaches(call, stop) {
			for _, sv := range serves {
				if ssaflow.Reaches(call, sv) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// stoppedByListener reports whether one of the serves runs on a listener
// that the package closes while it serves (a Close that is not deferred in
// the serving function): a short-lived server, for an ACME challenge or a
// probe, that is stopped by closing its listener. Closing a listener only
// makes Accept fail, so (*Server).Serve returns (net/http/server.go) but
// the connections it accepted go on being served; with keep-alives off
// each of them ends after its response, so none outlives the stop. That
// is what switching them off is for there.
func (s *state) stoppedByListener(serves []ssa.CallInstruction) bool {
	for _, sv := range serves {
		args := sv.Common().Args
		if !httpapi.ServerServesListener.Matches(callee.Func(sv.Common())) || len(args) < 2 {
			continue
		}
		flow := s.tracer.Trace(s.widen(args[1])...)
		for _, c := range sendsThrough(flow, httpapi.ListenerCloses) {
			if _, deferred := c.(*ssa.Defer); !deferred || c.Parent() != sv.Parent() {
				return true
			}
		}
	}
	return false
}
