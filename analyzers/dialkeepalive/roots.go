package dialkeepalive

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
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
	for _, roots := range httpflow.Roots(s.index, t) {
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
