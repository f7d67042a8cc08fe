package idleperhost

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/syntax"
	"golang.org/x/tools/go/ssa"
)

// mayBeTrue reports whether v, the value a transport's DisableKeepAlives
// is set to, may be true by what the package shows: any value but the
// constant false, except a field of another package's struct or another
// package's variable that the package never sets but to false nor takes
// the address of (DisableKeepAlives: cfg.DisableKeepAlives, where cfg is
// a configuration package's struct): it is false unless that package's
// code sets it, which this package does not show. The package's own
// fields and variables may be set where its SSA is not built (a flag
// parser names no HTTP type), so they may be true.
func (s *state) mayBeTrue(v ssa.Value) bool {
	for _, src := range s.settingBack.Sources(v).Sources {
		if b, known := ssaflow.ConstBool(src.Value); known {
			if b {
				return true
			}
			continue
		}
		f := foreignVar(src.Value, s.pass.Pkg)
		if f == nil || s.setsTrue(f) {
			return true
		}
	}
	return false
}

// foreignVar returns the field or package variable of another package
// than pkg that v loads, or nil.
func foreignVar(v ssa.Value, pkg *types.Package) *types.Var {
	var f *types.Var
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		switch addr := v.X.(type) {
		case *ssa.FieldAddr:
			f = ssaflow.FieldOf(addr.X.Type(), addr.Field)
		case *ssa.Global:
			f, _ = addr.Object().(*types.Var)
		}
	case *ssa.Field:
		f = ssaflow.FieldOf(v.X.Type(), v.Field)
	}
	if f == nil || f.Pkg() == pkg {
		return nil
	}
	return f
}

// setsTrue reports whether the package's syntax sets f to anything but
// the constant false (an assignment, a composite literal's key), or takes
// its address (flag.BoolVar(&cfg.DisableKeepAlives, ...)). It reads the
// syntax: the functions that do so need name no HTTP type, so their
// bodies may not be built (see ssapass).
func (s *state) setsTrue(f *types.Var) bool {
	if set, ok := s.setTrue[f]; ok {
		return set
	}
	set := false
	for _, w := range syntax.Writes(s.pass.Files, s.pass.TypesInfo, f) {
		if w.Value == nil {
			set = true // the address is taken, or a call's results are assigned
			break
		}
		tv := s.pass.TypesInfo.Types[w.Value]
		if tv.Value == nil || tv.Value.Kind() != constant.Bool || constant.BoolVal(tv.Value) {
			set = true
			break
		}
	}
	s.setTrue[f] = set
	return set
}
