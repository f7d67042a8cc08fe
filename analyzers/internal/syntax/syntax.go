// Package syntax answers questions about a package's syntax that its SSA
// form cannot: ssapass builds only the functions that name an HTTP type,
// so a constructor or a flag parser that only sets a field of the
// package's own configuration may have no body to trace.
package syntax

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A Write is a place where the package sets a variable or a struct field:
// an assignment (`x.f = v`, `f = v`), a key of a struct literal
// (`T{f: v}`), or its address taken (`flag.BoolVar(&cfg.f, ...)`).
type Write struct {
	// Func is the function declaration the write is in, or nil at
	// package level.
	Func *ast.FuncDecl
	// Value is the value written, or nil when it is not known: the
	// address is taken, or the assignment takes a call's several results.
	Value ast.Expr
}

// Writes returns the writes to v in files.
func Writes(files []*ast.File, info *types.Info, v *types.Var) []Write {
	names := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[e] == v || info.Defs[e] == v
		case *ast.SelectorExpr:
			return info.Uses[e.Sel] == v
		}
		return false
	}
	var out []Write
	for _, file := range files {
		var fn *ast.FuncDecl
		visit := func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if !names(lhs) {
						continue
					}
					w := Write{Func: fn}
					if len(n.Rhs) == len(n.Lhs) {
						w.Value = n.Rhs[i]
					}
					out = append(out, w)
				}
			case *ast.CompositeLit:
				if !isStruct(info.TypeOf(n)) {
					return true
				}
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok && info.Uses[key] == v {
							out = append(out, Write{Func: fn, Value: kv.Value})
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && names(n.X) {
					out = append(out, Write{Func: fn})
				}
			}
			return true
		}
		for _, d := range file.Decls {
			fn, _ = d.(*ast.FuncDecl)
			ast.Inspect(d, visit)
		}
	}
	return out
}

// OnlyZeroWrites reports whether every write of v in files gives it its
// zero value: no assignment or struct literal key sets it to anything
// but a constant false, 0 or "", and no code takes its address. A field
// nothing sets keeps its zero value in every run the files show; a
// decoder that fills its struct as a whole (`json.Unmarshal(b, &cfg)`)
// is not seen.
func OnlyZeroWrites(files []*ast.File, info *types.Info, v *types.Var) bool {
	for _, w := range Writes(files, info, v) {
		if w.Value == nil {
			return false
		}
		tv, ok := info.Types[w.Value]
		if !ok || tv.Value == nil || !zeroConst(tv.Value) {
			return false
		}
	}
	return true
}

func zeroConst(c constant.Value) bool {
	switch c.Kind() {
	case constant.Bool:
		return !constant.BoolVal(c)
	case constant.String:
		return constant.StringVal(c) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(c) == 0
	}
	return false
}

// isStruct reports whether a composite literal of type t is a struct's
// (or, elided in a slice of pointers, a pointer to one).
func isStruct(t types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// StoredValue returns the expression a store at pos writes, given the
// path of nodes enclosing pos (innermost first, as
// astutil.PathEnclosingInterval gives it): the value of the struct
// literal key whose colon is at pos, or the right-hand side of the
// assignment whose left-hand side holds pos. It is nil when the path
// shows neither (a call's several results, a store the syntax does not
// spell).
func StoredValue(path []ast.Node, pos token.Pos) ast.Expr {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			return n.Value
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return nil
			}
			for i, lhs := range n.Lhs {
				if lhs.Pos() <= pos && pos <= lhs.End() {
					return n.Rhs[i]
				}
			}
			return nil
		case ast.Stmt, *ast.FuncLit:
			return nil
		}
	}
	return nil
}
