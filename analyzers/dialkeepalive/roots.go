package dialkeepalive

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// valueSets maps each traced SSA value to the traced objects it may hold.
type valueSets[T any] struct {
	byValue map[ssa.Value][]T
}

func (s *valueSets[T]) of(v ssa.Value) []T { return s.byValue[v] }

// A tracedValue is what the package does with one traced value (an
// http.Transport, an http.Server): what it stores in the value's fields
// and where the value is handed off.
type tracedValue interface {
	// store records val stored in field f of the value, of type x.
	store(x types.Type, f *types.Var, val ssa.Value)
	// overwritten records the whole value overwritten (*v = *other) with
	// one that is not the zero value.
	overwritten()
	handOff(h ssaflow.HandOff)
}

// traced traces every value of named type t in the package (see roots);
// made returns the record of one, given its first root.
func traced[T tracedValue](s *state, t httpapi.Type, made func(root ssa.Value) T) *valueSets[T] {
	sets := &valueSets[T]{byValue: make(map[ssa.Value][]T)}
	for _, roots := range s.roots(t) {
		flow := s.tracer.Trace(roots...)
		obj := made(roots[0])
		for _, v := range flow.Values {
			sets.byValue[v] = append(sets.byValue[v], obj)
			for _, ref := range s.index.Referrers(v) {
				switch ref := ref.(type) {
				case *ssa.FieldAddr:
					if ref.X == v {
						f := ssaflow.FieldOf(ref.X.Type(), ref.Field)
						for _, st := range storesTo(ref) {
							obj.store(ref.X.Type(), f, st.Val)
						}
					}
				case *ssa.Store:
					if ref.Addr == v && !ssaflow.IsZeroConst(ref.Val) {
						obj.overwritten()
					}
				}
			}
		}
		for _, h := range flow.HandOffs {
			obj.handOff(h)
		}
	}
	return sets
}

// roots returns the starting points of the values of named type t in the
// package, one slice per value: every allocation, each struct field holding
// a t by value (all selections of one field are one value), each package
// variable of type t, and each *t produced by a call of code outside the
// package (calls of the package's own functions are followed through their
// results).
func (s *state) roots(t httpapi.Type) [][]ssa.Value {
	var roots [][]ssa.Value
	byField := make(map[*types.Var][]ssa.Value)
	var fieldOrder []*types.Var
	for _, fn := range s.index.Funcs {
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
					if foreign(s.index, v) {
						roots = append(roots, []ssa.Value{v})
					}
				}
			}
		}
	}
	for _, f := range fieldOrder {
		roots = append(roots, byField[f])
	}
	pkg := s.index.Pkg
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && t.MatchesPtr(g.Type()) {
			roots = append(roots, []ssa.Value{g})
		}
	}
	return roots
}

// foreign reports whether v is the result of a call of code outside the
// package (a function of another package, a function value, an interface
// method).
func foreign(x *ssaflow.Index, v ssa.Value) bool {
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
