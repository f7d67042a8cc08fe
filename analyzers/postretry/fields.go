package postretry

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A function value kept in an unexported field of a struct of the package
// (c.retry = func(f func() error) error {...}, c.send = c.postOnce) is
// stored and called only by the package: its uses there say whether it
// retries, or is retried.

// ownField returns the unexported field of a struct of the package that
// addr (a FieldAddr) or v (a Field) selects, or nil.
func (s *state) ownField(v ssa.Value) *types.Var {
	var f *types.Var
	switch v := v.(type) {
	case *ssa.FieldAddr:
		f = ssaflow.FieldOf(v.X.Type(), v.Field)
	case *ssa.Field:
		f = ssaflow.FieldOf(v.X.Type(), v.Field)
	}
	if f == nil || f.Exported() || f.Pkg() != s.index.Pkg.Pkg {
		return nil
	}
	return f
}

// fieldLoads returns the loads of a field: what the package reads back from
// it wherever it stored the value.
func (s *state) fieldLoads(f *types.Var) []ssa.Value {
	var out []ssa.Value
	for _, sel := range s.index.Selections(f) {
		switch sel := sel.(type) {
		case *ssa.FieldAddr:
			for _, ref := range *sel.Referrers() {
				if load, ok := ref.(*ssa.UnOp); ok && load.Op == token.MUL {
					out = append(out, load)
				}
			}
		case *ssa.Field:
			out = append(out, sel)
		}
	}
	return out
}

// storedRetried reports, for a function value stored at st, whether the
// package may retry it: st stores it in an unexported field of its own
// (then the calls of the field's loads decide), or somewhere else it
// cannot follow.
func (s *state) storedRetried(st *ssa.Store) bool {
	f := s.ownField(st.Addr)
	if f == nil || s.fieldsSeen[f] {
		return f == nil // a field already being followed adds nothing
	}
	s.fieldsSeen[f] = true
	defer delete(s.fieldsSeen, f)
	return s.flowRetried(s.local().Trace(s.fieldLoads(f)...))
}

// calledFuncs returns the functions of the package that a called function
// value may be, when it comes only from them through unexported fields of
// the package's structs and values the package follows; ok is false
// otherwise.
func (s *state) calledFuncs(fv ssa.Value) (fns []*ssa.Function, ok bool) {
	origins := s.back.Sources(fv)
	for _, v := range origins.Values {
		if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
			if _, isField := load.X.(*ssa.FieldAddr); isField && s.ownField(load.X) == nil {
				return nil, false // another package may set the field
			}
		}
	}
	for _, src := range origins.Sources {
		fn, _ := src.Value.(*ssa.Function)
		if mc, ok := src.Value.(*ssa.MakeClosure); ok {
			fn, _ = mc.Fn.(*ssa.Function)
		}
		if fn == nil || fn.Pkg != s.index.Pkg || fn.Synthetic != "" || len(fn.Blocks) == 0 {
			return nil, false
		}
		fns = append(fns, fn)
	}
	return fns, len(fns) > 0
}

// callRetries reports whether a call of a function value of the package
// (see [state.calledFuncs]) may call v, one of its arguments, repeatedly:
// one of the functions it may be retries its parameter.
func (s *state) callRetries(call ssa.CallInstruction, v ssa.Value) (retries, known bool) {
	common := call.Common()
	if common.IsInvoke() || common.StaticCallee() != nil {
		return false, false
	}
	fns, ok := s.calledFuncs(common.Value)
	if !ok {
		return false, false
	}
	for _, fn := range fns {
		for i, arg := range common.Args {
			if arg == v && i < len(fn.Params) && s.flowRetried(s.local().Trace(fn.Params[i])) {
				return true, true
			}
		}
	}
	return false, true
}
