package respbody

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// The walks of one function's responses together visit at most maxPoints
// plus pointsPerBlock points for each of its blocks. Each response's walk
// covers the blocks after it, so without a bound a function with thousands
// of responses costs the square of its size (5120 responses in one
// function took 82 s); with it the cost is linear in the function's size.
// Paths multiply only with the number of distinct error variables, so real
// functions stay far below it. Past it the function's remaining walks stop
// and report nothing (a missed report, never a false one), and a note says
// so.
const (
	maxPoints      = 20000
	pointsPerBlock = 16
)

// A bound is what is left of each function's budget of points, and where
// the walks of a function stopped.
type bound struct {
	left  map[*ssa.Function]int
	stops map[*ssa.Function]*stop
}

// A stop is the first place where a function's walks ran out of points,
// and how many of its responses were left unchecked.
type stop struct {
	fn        *ssa.Function
	pos       token.Pos
	responses int
}

// take spends one of fn's points; it reports false, and records where,
// when none is left. source is the producing call, or nil when walking a
// parameter.
func (b *bound) take(fn *ssa.Function, source ssa.Instruction) bool {
	if b.left == nil {
		b.left = make(map[*ssa.Function]int)
		b.stops = make(map[*ssa.Function]*stop)
	}
	left, ok := b.left[fn]
	if !ok {
		left = maxPoints + pointsPerBlock*len(fn.Blocks)
	}
	if left > 0 {
		b.left[fn] = left - 1
		return true
	}
	st := b.stops[fn]
	if st == nil {
		st = &stop{fn: fn, pos: fn.Pos()}
		if source != nil {
			st.pos = source.Pos()
		}
		b.stops[fn] = st
	}
	if source != nil {
		st.responses++
	}
	return false
}

// notes returns a note for each function whose walks stopped, in source
// order.
func (b *bound) notes() report.Notes {
	var notes report.Notes
	for _, st := range b.stops {
		msg := fmt.Sprintf("analysis of %s stopped here after %d steps (function too large): %d responses from here on are not checked",
			st.fn.Name(), maxPoints+pointsPerBlock*len(st.fn.Blocks), st.responses)
		notes = append(notes, analysis.Diagnostic{Pos: st.pos, Category: "note", Message: msg})
	}
	slices.SortFunc(notes, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	return notes
}
