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
// only those calls count, and each of them is walked up on its own (a
// send helper called by every function that makes a client of its own).
func (s *state) repeats(instr ssa.Instruction, creations []ssa.Instruction, held map[ssa.Value]bool) bool {
	w := &walkUp{state: s, creations: creations, held: held, onPath: make(map[*ssa.Function]bool), done: make(map[ssa.Instruction]bool)}
	return w.repeats(instr)
}

// A walkUp is one walk of [state.repeats]: the functions on the way from
// the send (a function met again is recursion, which repeats), and the
// call sites already judged not to repeat.
type walkUp struct {
	*state
	creations []ssa.Instruction
	held      map[ssa.Value]bool
	onPath    map[*ssa.Function]bool
	done      map[ssa.Instruction]bool
}

func (w *walkUp) repeats(instr ssa.Instruction) bool {
	var path []*ssa.Function
	defer func() {
		for _, fn := range path {
			delete(w.onPath, fn)
		}
	}()
	for {
		if w.done[instr] {
			return false
		}
		fn := instr.Parent()
		for _, cr := range w.creations {
			if cr.Parent() == fn {
				return w.loopsAgain(instr) && !w.loops.SameLoop(instr, cr)
			}
		}
		switch {
		case w.loopsAgain(instr):
			return true
		case w.runsOnce(fn):
			return false
		case w.onPath[fn]:
			return true
		}
		w.onPath[fn] = true
		path = append(path, fn)
		callers, given := w.passing(fn, w.held)
		if !given {
			if w.index.MayHaveUnseenCallers(fn) {
				return true
			}
			callers = w.index.Callers(fn)
			if len(callers) > 1 {
				return true
			}
		}
		switch len(callers) {
		case 0:
			return false // never called
		case 1:
			instr = callers[0]
			continue
		}
		for _, call := range callers {
			if w.repeats(call) {
				return true
			}
			w.done[call] = true
		}
		return false
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
