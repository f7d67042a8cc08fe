package transportreuse

import (
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// judge reports a root that is made anew for each request and dropped.
func (s *state) judge(r root) {
	if s.rep.Generated(r.instr.Pos()) {
		return // reported at r.instr
	}
	u := s.follow(r)
	if len(u.stored) > 0 {
		s.judgeStored(r, u)
		return
	}
	if u.kept || u.replaced || len(u.returns) > 0 || len(u.requests) == 0 {
		return
	}
	off := u.disabled || r.disabled && !u.enabled
	if a, ok := r.instr.(*ssa.Alloc); ok && httpflow.InMemoryTransport(a) {
		return // no network connection: no pool to lose
	}
	fn := r.instr.Parent()
	if !s.opts.Tests && report.TestCode(s.Fset, fn, r.instr.Pos()) {
		return
	}
	sites, repeated, escapes := s.sites(fn, u)
	if escapes {
		return // a closure that may run for many requests uses it
	}
	var where string
	switch h := httpflow.Handler(fn); {
	case off && h != nil:
		return // per request, but a handler's targets are often the request's own
	case h != nil:
		where = "on every request handled by " + report.FuncName(h)
	case s.loops.InLoop(r.instr) && slices.ContainsFunc(sites, func(i ssa.Instruction) bool { return s.loops.SameLoop(i, r.instr) }):
		where = "on every iteration of a loop in " + report.FuncName(fn)
	case repeated || slices.ContainsFunc(sites, s.loops.InLoop) || s.runsOnce(fn):
		return // made once and used for many requests
	case u.closed && !s.opts.Strict:
		return
	case off && !s.repeats(fn, maxRepeatDepth):
		// Keep-alives off: no pool to reuse, unless the package shows
		// the call made again and again (go-nsq's per-poll transport),
		// where turning them on alone would not help.
		return
	default:
		where = "on every call to " + report.FuncName(fn)
	}
	if s.closesEvery(u) {
		return // no idle connection kept (keepalivesoff, too, leaves a per-call transport alone)
	}
	u.again = s.oneAfterAnother(sites)
	u.off = off
	s.report(r, u, where)
}

// maxRepeatDepth bounds the callers [state.repeats] climbs.
const maxRepeatDepth = 3

// repeats reports whether the package shows fn called again and again
// for the same work: a plain call of it, or of a function that calls it
// (up to depth calls up), in a loop that does not pass it the next work
// item ([ssaflow.NextItems]: each item may go to another host) and does
// not start it as a goroutine (concurrent calls cannot share a
// connection: pebble's validations from several vantage points).
func (s *state) repeats(fn *ssa.Function, depth int) bool {
	if depth == 0 {
		return false
	}
	return slices.ContainsFunc(s.x.Callers(fn), func(c ssa.CallInstruction) bool {
		if _, plain := c.(*ssa.Call); !plain || c.Parent() == fn {
			return false
		}
		return s.loops.InLoop(c) && len(ssaflow.NextItems(c)) == 0 || s.repeats(c.Parent(), depth-1)
	})
}

// oneAfterAnother reports whether one of sites may run after another has
// succeeded, in one call: the second request may reuse the first's
// connection (an NTLM handshake, a registration and the long poll it
// opens), though none is reused by the next call. A second send only
// after the first failed (a retry), or after a first whose request closes
// its connection ([state.closesConnection]), reuses nothing.
func (s *state) oneAfterAnother(sites []ssa.Instruction) bool {
	for _, a := range sites {
		first, ok := a.(*ssa.Call)
		if !ok || s.closesConnection(first) {
			continue
		}
		failed := ssaflow.FailureBranches(first)
		for _, b := range sites {
			if b != a && b.Parent() == a.Parent() &&
				ssaflow.ReachesAvoiding(a, b, func(x ssa.Instruction) bool { return slices.Contains(failed, x.Block()) }) {
				return true
			}
		}
	}
	return false
}

// sites returns the instructions of fn through which the requests are
// sent: the requests themselves, the closures of fn that send them, or the
// calls of fn that pass the value to the package's functions that do.
// repeated reports a request sent in a loop on the way; escapes that a
// closure on the way may run anywhere, any number of times, or that the
// way cannot be told.
func (s *state) sites(fn *ssa.Function, u *use) (sites []ssa.Instruction, repeated, escapes bool) {
	viaHelper := false
	for _, req := range u.requests {
		if s.loops.InLoop(req) {
			repeated = true
		}
		for g := req.Parent(); ; {
			if g == fn {
				sites = append(sites, req)
				break
			}
			parent := g.Parent()
			if parent == nil {
				viaHelper = true // a function fn passes the value to
				break
			}
			if s.x.UsedAsValue(g) {
				escapes = true
				break
			}
			made, calls := anchor(g)
			if made == nil {
				escapes = true
				break
			}
			if slices.ContainsFunc(calls, s.loops.InLoop) {
				repeated = true
			}
			if parent == fn {
				sites = append(sites, made)
				break
			}
			if s.loops.InLoop(made) {
				repeated = true
			}
			g = parent
		}
	}
	if viaHelper {
		helpers := s.helperCalls(fn, u)
		if len(helpers) == 0 {
			escapes = true
		}
		sites = append(sites, helpers...)
	}
	return sites, repeated, escapes
}

// anchor returns the instruction of its parent that makes or calls the
// closure g, and the calls of the closure made there.
func anchor(g *ssa.Function) (made ssa.Instruction, calls []ssa.Instruction) {
	for _, b := range g.Parent().Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MakeClosure:
				if instr.Fn == g {
					for _, ref := range *instr.Referrers() {
						if c, ok := ref.(ssa.CallInstruction); ok && c.Common().Value == instr {
							calls = append(calls, c)
						}
					}
					return instr, calls
				}
			case ssa.CallInstruction:
				if instr.Common().Value == g {
					return instr, []ssa.Instruction{instr}
				}
			}
		}
	}
	return nil, nil
}

// helperCalls returns the calls in fn of the package's functions that
// take one of the traced values, interface method calls that run one
// included.
func (s *state) helperCalls(fn *ssa.Function, u *use) []ssa.Instruction {
	var calls []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if slices.Contains(u.invokes, call) {
				calls = append(calls, call)
				continue
			}
			body := callee.Body(call.Common())
			if body == nil || body.Pkg != s.x.Pkg {
				continue
			}
			if slices.ContainsFunc(call.Common().Args, func(a ssa.Value) bool { return slices.Contains(u.values, a) }) {
				calls = append(calls, call)
			}
		}
	}
	return calls
}

// runsOnce reports whether fn runs at most once per process: main, init,
// and functions called only from those (or from functions that run once),
// outside loops.
func (s *state) runsOnce(fn *ssa.Function) bool {
	if once, ok := s.once[fn]; ok {
		return once
	}
	s.once[fn] = false // recursion runs more than once
	once := false
	switch {
	case fn.Parent() == nil && fn.Signature.Recv() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")):
		once = true
	case fn.Parent() == nil && fn.Signature.Recv() == nil && fn.Name() == "main" && fn.Pkg.Pkg.Name() == "main":
		once = true
	case s.testEntry(fn):
		once = true // the test harness calls it once
	case s.unseenCallers(fn):
	default:
		callers := s.x.Callers(fn)
		once = len(callers) > 0 && !slices.ContainsFunc(callers, func(c ssa.CallInstruction) bool {
			return s.loops.InLoop(c) || !s.runsOnce(c.Parent())
		})
	}
	s.once[fn] = once
	return once
}

// testEntry reports whether fn is a test, benchmark, fuzz test, example or
// TestMain of a _test.go file.
func (s *state) testEntry(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || !report.InTest(s.Fset, fn.Pos()) {
		return false
	}
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if strings.HasPrefix(fn.Name(), prefix) {
			return true
		}
	}
	return false
}

// unseenCallers is [ssaflow.Index.MayHaveUnseenCallers], except that
// exported functions of package main have none: nothing imports it.
func (s *state) unseenCallers(fn *ssa.Function) bool {
	if fn.Pkg.Pkg.Name() == "main" && fn.Parent() == nil && fn.Signature.Recv() == nil {
		return s.x.UsedAsValue(fn)
	}
	return s.x.MayHaveUnseenCallers(fn)
}
