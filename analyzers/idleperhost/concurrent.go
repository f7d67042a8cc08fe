package idleperhost

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// concurrentSink returns what makes a request call run concurrently with
// others: the call itself when it is a go statement in a loop, or what
// starts its function concurrently; nil if nothing does.
func (s *state) concurrentSink(call ssa.CallInstruction) ssa.Instruction {
	if g, ok := call.(*ssa.Go); ok && s.loops.BlockInLoop(g.Block()) {
		return g
	}
	return s.startedConcurrently(call.Parent())
}

// startedConcurrently returns the instruction that runs fn, or a function
// of the package that calls it, in goroutines started from a loop: a go
// statement, errgroup.Group.Go or sync.WaitGroup.Go inside a loop (worker
// pools included). It returns nil for code that runs once at a time.
func (s *state) startedConcurrently(fn *ssa.Function) ssa.Instruction {
	if s.concurrent == nil {
		s.findConcurrent()
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return s.concurrent[fn]
}

func (s *state) findConcurrent() {
	s.concurrent = make(map[*ssa.Function]ssa.Instruction)
	var work []*ssa.Function
	add := func(fn *ssa.Function, by ssa.Instruction) {
		if fn == nil || fn.Pkg != s.x.Pkg {
			return
		}
		if _, ok := s.concurrent[fn]; !ok {
			s.concurrent[fn] = by
			work = append(work, fn)
		}
	}
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if started := startedFunc(instr); started != nil && s.loops.BlockInLoop(b) {
					add(started, instr)
				}
			}
		}
	}
	// Whatever a concurrent function calls runs concurrently too.
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		by := s.concurrent[fn]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					add(callee.Body(call.Common()), by)
				}
			}
		}
	}
}

// maxPollDepth bounds how far [state.polled] climbs the package's callers.
const maxPollDepth = 4

// polledOnly reports whether every request of the pool is sent from one
// polling loop: a loop that waits on a ticker or timer before each request
// (see [state.polled]). Such a sender has one request to the host at a
// time, which one idle connection serves, so the per-host limit never
// bites however long the transport is kept.
func (s *state) polledOnly(p *pool) bool {
	return len(p.sinks) > 0 && !slices.ContainsFunc(p.sinks, func(sk sink) bool { return !s.polled(sk.call, 0) })
}

// serialized reports whether every request of the pool is sent under one
// mutex ([httpflow.Locks]), so that one request at a time is in flight,
// which one idle connection serves. A mutex that is a struct field
// serializes one instance's requests: it counts when the transport or
// client is held in a field of that struct (or of one linked to it) and
// not in a package variable, so that each instance has its own.
func (s *state) serialized(p *pool) bool {
	if len(p.sinks) == 0 {
		return false
	}
	var common map[types.Object]bool
	for _, sk := range p.sinks {
		held := httpflow.Locks(s.x, sk.call)
		if common == nil {
			common = held
		}
		for m := range common {
			if !held[m] {
				delete(common, m)
			}
		}
	}
	for m := range common {
		if isPkgVar(m) || s.heldBy(p, m) {
			return true
		}
	}
	return false
}

// isPkgVar reports whether mutex m is a package variable: one request at a
// time in the whole program.
func isPkgVar(m types.Object) bool {
	f, ok := m.(*types.Var)
	return ok && !f.IsField()
}

// mutexOwner returns the named struct type whose field mutex m is.
func (s *state) mutexOwner(m types.Object) *types.TypeName {
	f, ok := m.(*types.Var)
	if !ok || !f.IsField() {
		return nil
	}
	for _, sel := range s.x.Selections(f) {
		if owner := ownerOf(sel); owner != nil {
			return owner
		}
	}
	return nil
}

// heldBy reports whether the pool is held in a field of a struct linked to
// the one that has mutex field m, and in no package variable.
func (s *state) heldBy(p *pool, m types.Object) bool {
	owner := s.mutexOwner(m)
	held := false
	for _, v := range p.valueList {
		switch v := v.(type) {
		case *ssa.Global:
			return false
		case *ssa.UnOp:
			if _, ok := v.X.(*ssa.Global); ok {
				return false
			}
		}
		held = held || linked(ownerOf(v), owner)
	}
	return held
}

// polled reports whether instr runs only in a paced loop: its own loop
// receives from a ticker or timer, or it is in no loop and its function is
// one whose every call the package shows and that is called only from
// paced loops.
func (s *state) polled(instr ssa.Instruction, depth int) bool {
	if s.loops.InLoop(instr) {
		return s.pacedLoop(instr)
	}
	fn := instr.Parent()
	if depth >= maxPollDepth || s.startedConcurrently(fn) != nil || !s.callersComplete(fn) {
		return false
	}
	callers := s.x.Callers(fn)
	return len(callers) > 0 && !slices.ContainsFunc(callers, func(c ssa.CallInstruction) bool {
		_, isGo := c.(*ssa.Go)
		return isGo || !s.polled(c, depth+1)
	})
}

// pacedLoop reports whether the loop around instr receives from a ticker's
// or timer's channel, or from time.Tick or time.After, in a receive or a
// select.
func (s *state) pacedLoop(instr ssa.Instruction) bool {
	for _, b := range instr.Parent().Blocks {
		for _, in := range b.Instrs {
			var chans []ssa.Value
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					chans = append(chans, in.X)
				}
			case *ssa.Select:
				for _, st := range in.States {
					if st.Dir == types.RecvOnly {
						chans = append(chans, st.Chan)
					}
				}
			}
			if slices.ContainsFunc(chans, pacer) && s.loops.SameLoop(instr, in) {
				return true
			}
		}
	}
	return false
}

// pacer reports whether ch is a ticker's or timer's C, or the channel of
// time.Tick or time.After.
func pacer(ch ssa.Value) bool {
	switch ch := ch.(type) {
	case *ssa.UnOp:
		if fa, ok := ch.X.(*ssa.FieldAddr); ok && ch.Op == token.MUL {
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			return slices.ContainsFunc(httpapi.PacerFields, func(pf httpapi.Field) bool { return pf.Matches(fa.X.Type(), f) })
		}
	case *ssa.Call:
		return !ch.Common().IsInvoke() && httpapi.PacerFuncs.Matches(callee.Func(ch.Common()))
	}
	return false
}

// errgroupGo start their argument in a goroutine. errgroup is not in the
// standard library, so these are not in httpapi's table (which is checked
// against it).
var errgroupGo = httpapi.Callees{
	httpapi.Method{Recv: httpapi.Type{Path: "golang.org/x/sync/errgroup", Name: "Group"}, Name: "Go"},
	httpapi.Method{Recv: httpapi.Type{Path: "golang.org/x/sync/errgroup", Name: "Group"}, Name: "TryGo"},
}

// startedFunc returns the function that instr runs in a new goroutine.
func startedFunc(instr ssa.Instruction) *ssa.Function {
	switch instr := instr.(type) {
	case *ssa.Go:
		return callee.Body(instr.Common())
	case *ssa.Call:
		common := instr.Common()
		fn := callee.Func(common)
		if common.IsInvoke() || len(common.Args) != 2 {
			return nil
		}
		if httpapi.WaitGroupGo.Matches(fn) || errgroupGo.Matches(fn) {
			switch f := common.Args[1].(type) {
			case *ssa.Function:
				return originOf(f)
			case *ssa.MakeClosure:
				return originOf(f.Fn.(*ssa.Function))
			}
		}
	}
	return nil
}

func originOf(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}
