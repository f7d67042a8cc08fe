package idleperhost

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
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
