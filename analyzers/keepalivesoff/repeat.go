package keepalivesoff

import (
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// repeated returns the sends that show a transport sending more than one
// request: two send sites of one function, one after the other (sites on
// exclusive branches, such as a command-line switch, do not count), or one
// site that runs more than once for each transport created; nil if there
// are none.
func (s *state) repeated(sends []ssa.CallInstruction, creations []ssa.Instruction, held map[ssa.Value]bool) []ssa.CallInstruction {
	for i, a := range sends {
		for _, b := range sends[i+1:] {
			if a != b && ssaflow.Reaches(a, b) {
				return []ssa.CallInstruction{a, b}
			}
			if a != b && ssaflow.Reaches(b, a) {
				return []ssa.CallInstruction{b, a}
			}
		}
	}
	for _, send := range sends {
		if s.repeats(send, creations, held) {
			return []ssa.CallInstruction{send}
		}
	}
	return nil
}

// repeats reports whether instr may run more than once for each run of one
// of the creations (nil: per run of the program). It walks up from instr's
// function through the package's static call sites: a loop on the way
// repeats it (unless it retries only a failed call, see [state.loopsAgain]),
// reaching a creation's function ends the walk (a loop there counts only
// if the creation is outside it), a function that runs once (main, init, a
// test) ends it, and a function that other code can call or that has
// several call sites repeats it. held are the values that hold the
// switched transport or request (or a client holding it): a function given
// one as an argument runs with it only where the package passes it, so
// only those calls count.
func (s *state) repeats(instr ssa.Instruction, creations []ssa.Instruction, held map[ssa.Value]bool) bool {
	seen := make(map[*ssa.Function]bool)
	for {
		fn := instr.Parent()
		for _, cr := range creations {
			if cr.Parent() == fn {
				return s.loopsAgain(instr) && !s.loops.SameLoop(instr, cr)
			}
		}
		switch {
		case s.loopsAgain(instr):
			return true
		case s.runsOnce(fn):
			return false
		case seen[fn]:
			return true
		}
		seen[fn] = true
		callers, given := s.passing(fn, held)
		if !given {
			if s.index.MayHaveUnseenCallers(fn) {
				return true
			}
			callers = s.index.Callers(fn)
		}
		switch len(callers) {
		case 0:
			return false // never called
		case 1:
			instr = callers[0]
		default:
			return true
		}
	}
}

// passing returns the package's calls of fn that pass it one of the held
// values, when fn receives one as a parameter (given).
func (s *state) passing(fn *ssa.Function, held map[ssa.Value]bool) (calls []ssa.CallInstruction, given bool) {
	if !slices.ContainsFunc(fn.Params, func(p *ssa.Parameter) bool { return held[p] }) {
		return nil, false
	}
	for _, call := range s.index.Callers(fn) {
		if slices.ContainsFunc(call.Common().Args, func(a ssa.Value) bool { return held[a] }) {
			calls = append(calls, call)
		}
	}
	return calls, true
}

// loopsAgain reports whether instr runs again in a loop of its function.
// A call that the loop makes again only after it failed (a retry that
// stops at the first success) is no repeat: a failed request leaves no
// connection that keep-alives would have kept.
func (s *state) loopsAgain(instr ssa.Instruction) bool {
	if !s.loops.InLoop(instr) {
		return false
	}
	call, ok := instr.(*ssa.Call)
	return !ok || !ssaflow.AgainOnlyAfterFailure(call)
}

// runsOnce reports whether fn runs at most once in a program: main.main,
// an init function, or a test or example function.
func (s *state) runsOnce(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil {
		return false
	}
	if fn.Synthetic == "package initializer" {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	switch name := obj.Name(); {
	case name == "init":
		return true
	case name == "main":
		return fn.Pkg.Pkg.Name() == "main"
	case strings.HasPrefix(name, "Test"), strings.HasPrefix(name, "Example"):
		return report.InTest(s.pass.Fset, fn.Pos())
	}
	return false
}
