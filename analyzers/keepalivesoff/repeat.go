package keepalivesoff

import (
	"go/types"
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
func (s *state) repeated(sends []ssa.CallInstruction, creations []ssa.Instruction) []ssa.CallInstruction {
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
		if s.repeats(send, creations) {
			return []ssa.CallInstruction{send}
		}
	}
	return nil
}

// repeats reports whether instr may run more than once for each run of one
// of the creations (nil: per run of the program). It walks up from instr's
// function through the package's static call sites: a loop on the way
// repeats it, reaching a creation's function ends the walk (a loop there
// counts only if the creation is outside it), a function that runs once
// (main, init, a test) ends it, and a function that other code can call or
// that has several call sites repeats it.
func (s *state) repeats(instr ssa.Instruction, creations []ssa.Instruction) bool {
	seen := make(map[*ssa.Function]bool)
	for {
		fn := instr.Parent()
		for _, cr := range creations {
			if cr.Parent() == fn {
				return s.loops.InLoop(instr) && !s.loops.SameLoop(instr, cr)
			}
		}
		switch {
		case s.loops.InLoop(instr):
			return true
		case s.runsOnce(fn):
			return false
		case seen[fn], s.index.MayHaveUnseenCallers(fn):
			return true
		}
		seen[fn] = true
		callers := s.index.Callers(fn)
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
