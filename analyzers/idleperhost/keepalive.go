package idleperhost

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
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
	info := s.pass.TypesInfo
	names := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[e] == f
		case *ast.SelectorExpr:
			return info.Uses[e.Sel] == f
		}
		return false
	}
	notFalse := func(e ast.Expr) bool {
		tv := info.Types[e]
		return tv.Value == nil || tv.Value.Kind() != constant.Bool || constant.BoolVal(tv.Value)
	}
	set := false
	for _, file := range s.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					set = set || names(lhs) && (len(n.Rhs) != len(n.Lhs) || notFalse(n.Rhs[i]))
				}
			case *ast.KeyValueExpr:
				key, ok := n.Key.(*ast.Ident)
				set = set || ok && info.Uses[key] == f && notFalse(n.Value)
			case *ast.UnaryExpr:
				set = set || n.Op == token.AND && names(n.X)
			}
			return !set
		})
	}
	s.setTrue[f] = set
	return set
}
