package httpflow

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Roots returns the starting points of the values of named type t in the
// package, one slice per value: every allocation, each struct field holding
// a t by value (all selections of one field are one value), each package
// variable of type t, and each *t produced by a call of code outside the
// package (calls of the package's own functions are followed through their
// results).
func Roots(x *ssaflow.Index, t httpapi.Type) [][]ssa.Value {
	var roots [][]ssa.Value
	byField := make(map[*types.Var][]ssa.Value)
	var fieldOrder []*types.Var
	for _, fn := range x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok || !t.MatchesPtr(v.Type()) {
					continue
				}
				switch v := v.(type) {
				case *ssa.Alloc:
					roots = append(roots, []ssa.Value{v})
				case *ssa.FieldAddr:
					f := ssaflow.FieldOf(v.X.Type(), v.Field)
					if f == nil {
						continue
					}
					if byField[f] == nil {
						fieldOrder = append(fieldOrder, f)
					}
					byField[f] = append(byField[f], v)
				case *ssa.Call, *ssa.Extract:
					if Foreign(x, v) {
						roots = append(roots, []ssa.Value{v})
					}
				}
			}
		}
	}
	for _, f := range fieldOrder {
		roots = append(roots, byField[f])
	}
	pkg := x.Pkg
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && t.MatchesPtr(g.Type()) {
			roots = append(roots, []ssa.Value{g})
		}
	}
	return roots
}

// Params returns the parameters of type *t of the package's functions that
// only code the package does not show calls: exported functions and
// methods, and functions used as values ([ssaflow.Index.MayHaveUnseenCallers]),
// with no call in the package. Their values come from callers elsewhere;
// one slice per parameter. A function that the package calls is judged by
// those calls instead, as the tracer follows what they pass into it from
// the roots of [Roots] (a transport made in the package and handed to a
// helper): what callers elsewhere pass with their own transports does not
// change what the package does with its own (idleperhost judges an
// exported constructor the same way).
func Params(x *ssaflow.Index, t httpapi.Type) [][]ssa.Value {
	var params [][]ssa.Value
	for _, fn := range x.Funcs {
		if !x.MayHaveUnseenCallers(fn) || len(x.Callers(fn)) > 0 {
			continue
		}
		for _, p := range fn.Params {
			if t.MatchesPtr(p.Type()) {
				params = append(params, []ssa.Value{p})
			}
		}
	}
	return params
}

// Foreign reports whether v is the result of a call of code outside the
// package (a function of another package, a function value, an interface
// method).
func Foreign(x *ssaflow.Index, v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := callee.Body(&call.Call)
	return fn == nil || fn.Pkg != x.Pkg
}
