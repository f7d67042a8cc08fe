package postretry

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// classTests returns the blocks whose If tests that the error (one of
// errs) says it is temporary or a timeout (see [httpapi.NetErrorClasses]):
// Temporary() or Timeout() on it, or a predicate of the package, or passed
// to the helper, that accepts only such errors; or that its text ends
// with, or is, one a stale connection's error cannot have (see
// [textTests]). The If's true edge is never taken for a connection the
// server closed while idle, which fails with an error that is neither:
// that edge does not retry it.
func (s *state) classTests(errs []ssa.Value) map[*ssa.BasicBlock]bool {
	ifs := make(map[*ssa.BasicBlock]bool)
	for _, t := range textTests(errs) {
		for _, i := range ifsOn(t) {
			ifs[i.Block()] = true
		}
	}
	for _, v := range errs {
		for _, ref := range *v.Referrers() {
			var tests []ssa.Value
			switch ref := ref.(type) {
			case *ssa.TypeAssert:
				tests = classCalls(ref)
			case *ssa.Call:
				if slices.Contains(ref.Call.Args, v) && s.classPredicate(ref.Call.Value) {
					tests = append(tests, ref)
				}
			}
			for _, t := range tests {
				for _, i := range ifsOn(t) {
					ifs[i.Block()] = true
				}
			}
		}
	}
	return ifs
}

// textTests returns the tests of the errors' text (err.Error()) that a
// stale connection's error fails: strings.HasSuffix or == with a constant
// its text cannot end with or be ([httpapi.StaleTextMayMatch]). Tests that
// the text contains a word, "EOF" or any other, may pass for it.
func textTests(errs []ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, text := range ssaflow.ErrorTexts(errs) {
		for _, ref := range *text.Referrers() {
			var k ssa.Value
			whole := false
			switch ref := ref.(type) {
			case *ssa.Call:
				if httpapi.StringsHasSuffix.Matches(callee.Func(&ref.Call)) && len(ref.Call.Args) == 2 && ref.Call.Args[0] == text {
					k = ref.Call.Args[1]
				}
			case *ssa.BinOp:
				if ref.Op == token.EQL {
					k, whole = ref.Y, true
					if ref.Y == text {
						k = ref.X
					}
				}
			}
			if str, ok := ssaflow.ConstString(k); k != nil && ok && !httpapi.StaleTextMayMatch(str, whole) {
				out = append(out, ref.(ssa.Value))
			}
		}
	}
	return out
}

// untaken returns a block's successors but the true one when classes
// holds it: the edges a stale connection's error can take.
func untaken(classes map[*ssa.BasicBlock]bool) func(*ssa.BasicBlock) []*ssa.BasicBlock {
	return func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if classes[b] {
			return b.Succs[1:]
		}
		return b.Succs
	}
}

// classCalls returns the calls of Temporary or Timeout on the value of a
// type assertion.
func classCalls(ta *ssa.TypeAssert) []ssa.Value {
	x := ssa.Value(ta)
	if ta.CommaOk {
		x = nil
		for _, ref := range *ta.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
				x = ex
			}
		}
	}
	var out []ssa.Value
	if x == nil {
		return nil
	}
	for _, ref := range *x.Referrers() {
		if c, ok := ref.(*ssa.Call); ok && c.Call.IsInvoke() && c.Call.Value == x && httpapi.IsErrorClass(c.Call.Method) {
			out = append(out, c)
		}
	}
	return out
}

// ifsOn returns the Ifs on the boolean test, or on a φ that merges it
// with false, as `return ok && te.Temporary()` does.
func ifsOn(test ssa.Value) []*ssa.If {
	var out []*ssa.If
	for _, ref := range *test.Referrers() {
		switch ref := ref.(type) {
		case *ssa.If:
			out = append(out, ref)
		case *ssa.Phi:
			if classOnly(ref, map[ssa.Value]bool{test: true}) {
				out = append(out, ifsOn(ref)...)
			}
		}
	}
	return out
}

// classOnly reports whether the boolean v is true only when one of the
// tests is: it is one of them, false, or a φ of such values.
func classOnly(v ssa.Value, tests map[ssa.Value]bool) bool {
	switch v := v.(type) {
	case *ssa.Const:
		b, known := ssaflow.ConstBool(v)
		return known && !b
	case *ssa.Phi:
		for _, e := range v.Edges {
			if e != v && !classOnly(e, tests) {
				return false
			}
		}
		return true
	}
	return tests[v]
}

// classPredicate reports whether a called function value is, wherever it
// comes from, a function of the package that takes the error and returns
// true only when it says it is temporary or a timeout.
func (s *state) classPredicate(fv ssa.Value) bool {
	srcs := s.sources(fv)
	for _, src := range srcs {
		fn, _ := src.(*ssa.Function)
		if mc, ok := src.(*ssa.MakeClosure); ok {
			fn, _ = mc.Fn.(*ssa.Function)
		}
		if fn == nil || !s.acceptsOnlyClass(fn) {
			return false
		}
	}
	return len(srcs) > 0
}

// acceptsOnlyClass reports whether fn, a func(error) bool with a body,
// returns true only after a Temporary or Timeout test of its error found
// true: each result is false, such a test, or true in a block that only
// the test's true branch enters.
func (s *state) acceptsOnlyClass(fn *ssa.Function) bool {
	sig := fn.Signature
	if len(fn.Blocks) == 0 || len(fn.Params) != 1 || !ssaflow.IsError(fn.Params[0].Type()) ||
		sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	tests := make(map[ssa.Value]bool)
	guarded := make(map[*ssa.BasicBlock]bool)
	for _, ref := range *fn.Params[0].Referrers() {
		if ta, ok := ref.(*ssa.TypeAssert); ok {
			for _, t := range classCalls(ta) {
				tests[t] = true
				for _, i := range ifsOn(t) {
					if b := i.Block().Succs[0]; len(b.Preds) == 1 {
						guarded[b] = true
					}
				}
			}
		}
	}
	if len(tests) == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		r := ret.Results[0]
		if on, known := ssaflow.ConstBool(r); !classOnly(r, tests) && !(guarded[b] && known && on) {
			return false
		}
	}
	return true
}
