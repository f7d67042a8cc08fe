package dialkeepalive

import (
	"golang.org/x/tools/go/ssa"
)

// valueSets maps each traced SSA value to the traced objects it may hold.
type valueSets[T any] struct {
	byValue map[ssa.Value][]*T
}

func (s *valueSets[T]) of(v ssa.Value) []*T { return s.byValue[v] }
