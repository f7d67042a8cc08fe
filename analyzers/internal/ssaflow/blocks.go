package ssaflow

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Loops memoises, per function, the loops of its block graph: the strongly
// connected components that contain a cycle (more than one block, or one
// block that jumps to itself). Analyzers ask whether a call can run again
// for one call after another, so the components are computed once per
// function (after staticcheck's irutil.FindLoops, which does the same with
// dominators). The zero value is ready to use; one Loops serves one pass.
type Loops struct {
	comps map[*ssa.Function][]int
}

// BlockInLoop reports whether b can run again in one run of its function:
// it is on a cycle of the block graph.
func (l *Loops) BlockInLoop(b *ssa.BasicBlock) bool {
	return b != nil && l.loop(b) >= 0
}

// InLoop reports whether instr's block is on a cycle of its function.
func (l *Loops) InLoop(instr ssa.Instruction) bool {
	return l.BlockInLoop(instr.Block())
}

// SameLoop reports whether two instructions of one function are on one
// cycle of its blocks: each can run again after the other.
func (l *Loops) SameLoop(a, b ssa.Instruction) bool {
	if a.Parent() != b.Parent() || a.Block() == nil || b.Block() == nil {
		return false
	}
	loop := l.loop(a.Block())
	return loop >= 0 && loop == l.loop(b.Block())
}

// loop returns the number of the loop b is on, or -1.
func (l *Loops) loop(b *ssa.BasicBlock) int {
	fn := b.Parent()
	comp, ok := l.comps[fn]
	if !ok {
		if l.comps == nil {
			l.comps = make(map[*ssa.Function][]int)
		}
		comp = cycles(fn)
		l.comps[fn] = comp
	}
	return comp[b.Index]
}

// cycles numbers, by block index, the strongly connected components of
// fn's blocks that contain a cycle; blocks on none get -1. It is Tarjan's
// algorithm with an explicit stack of frames instead of recursion, so a
// function of many blocks cannot overflow the goroutine stack.
func cycles(fn *ssa.Function) []int {
	n := len(fn.Blocks)
	index, low, comp := make([]int, n), make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i], comp[i] = -1, -1
	}
	type frame struct{ block, succ int } // a block, and its next successor to visit
	var frames []frame
	var stack []int
	next, ncomp := 0, 0
	enter := func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		frames = append(frames, frame{v, 0})
	}
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		enter(root)
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.block
			if succs := fn.Blocks[v].Succs; f.succ < len(succs) {
				w := succs[f.succ].Index
				f.succ++
				switch {
				case index[w] < 0:
					enter(w)
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				u := frames[len(frames)-1].block
				low[u] = min(low[u], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			top := len(stack) - 1
			for stack[top] != v {
				top--
			}
			members := stack[top:]
			stack = stack[:top]
			if len(members) == 1 && !jumpsTo(fn.Blocks[v], fn.Blocks[v]) {
				onStack[v] = false
				continue
			}
			for _, w := range members {
				onStack[w] = false
				comp[w] = ncomp
			}
			ncomp++
		}
	}
	return comp
}

func jumpsTo(from, to *ssa.BasicBlock) bool {
	for _, s := range from.Succs {
		if s == to {
			return true
		}
	}
	return false
}

// ReachesBlock reports whether a block for which target holds can be
// reached from any of the blocks in from (which count themselves), on
// paths that do not go on past a block for which stop holds (such a block
// may still be the target). stop may be nil. postretry stops at calls
// that do not return: a loop whose way round ends the program is no retry.
func ReachesBlock(from []*ssa.BasicBlock, target, stop func(*ssa.BasicBlock) bool) bool {
	return ReachesBlockOn(from, target, stop, nil)
}

// ReachesBlockOn is [ReachesBlock] on the edges that next gives for each
// block, a subset of its successors (all of them when next is nil): a
// branch that is never taken for the value a caller follows, say.
func ReachesBlockOn(from []*ssa.BasicBlock, target, stop func(*ssa.BasicBlock) bool, next func(*ssa.BasicBlock) []*ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), from...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if target(b) {
			return true
		}
		if seen[b] || stop != nil && stop(b) {
			continue
		}
		seen[b] = true
		if next != nil {
			work = append(work, next(b)...)
		} else {
			work = append(work, b.Succs...)
		}
	}
	return false
}

// RunsAgain reports whether b can run again after itself on a path that
// does not go on past a block for which stop holds. b itself is not
// tested: a loop body that may stop still loops on its other paths. With
// no stop, use [Loops.BlockInLoop], which is memoised.
func RunsAgain(b *ssa.BasicBlock, stop func(*ssa.BasicBlock) bool) bool {
	return ReachesBlock(b.Succs, func(x *ssa.BasicBlock) bool { return x == b }, stop)
}

// Reaches reports whether b may run after a in one run of their function:
// later in the same block, or in a block reachable from a's. It is what
// "one call after the other" means for two calls that may each be skipped.
func Reaches(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || a.Parent() != b.Parent() {
		return false
	}
	if ab == bb && earlier(ab, a, b) {
		return true
	}
	return ReachesBlock(ab.Succs, func(x *ssa.BasicBlock) bool { return x == bb }, nil)
}

// Dominates reports whether a runs before b on every path to b: earlier
// in the same block, or in a block that dominates b's. Unlike [Reaches],
// it holds only when b cannot run without a having run first (a deferred
// close set up before a request, say).
func Dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil {
		return false
	}
	if ab == bb {
		return a == b || earlier(ab, a, b)
	}
	return ab.Dominates(bb)
}

// earlier reports whether a comes strictly before b in block blk, which
// holds both.
func earlier(blk *ssa.BasicBlock, a, b ssa.Instruction) bool {
	for _, x := range blk.Instrs {
		switch x {
		case b:
			return false
		case a:
			return true
		}
	}
	return false
}

// ReachesAvoiding reports whether b may run after a in one run of their
// function on a path that runs no instruction for which avoid holds in
// between. A nil a stands for the entry of b's function. It is what "b
// can run without c having run since a" means: a serve reached after a
// ReadTimeout store without passing an IdleTimeout store, say.
func ReachesAvoiding(a, b ssa.Instruction, avoid func(ssa.Instruction) bool) bool {
	return ReachesAvoidingOn(a, b, avoid, nil)
}

// ReachesAvoidingOn is [ReachesAvoiding] on the edges of the block graph
// that cut, if set, does not remove: a path that takes the branch of a
// test on which a field holds a value, say.
func ReachesAvoidingOn(a, b ssa.Instruction, avoid func(ssa.Instruction) bool, cut func(from, to *ssa.BasicBlock) bool) bool {
	fn := b.Parent()
	if b.Block() == nil || len(fn.Blocks) == 0 || a != nil && (a.Block() == nil || a.Parent() != fn) {
		return false
	}
	// scan runs blk's instructions from index i: found when it comes to b,
	// blocked when it comes to an instruction to avoid first.
	scan := func(blk *ssa.BasicBlock, i int) (found, blocked bool) {
		for _, x := range blk.Instrs[i:] {
			if x == b {
				return true, false
			}
			if avoid(x) {
				return false, true
			}
		}
		return false, false
	}
	start, i := fn.Blocks[0], 0
	if a != nil {
		start = a.Block()
		i = slices.Index(start.Instrs, a) + 1
	}
	found, blocked := scan(start, i)
	if found || blocked {
		return found
	}
	seen := make(map[*ssa.BasicBlock]bool)
	var work []*ssa.BasicBlock
	next := func(from *ssa.BasicBlock) {
		for _, to := range from.Succs {
			if cut == nil || !cut(from, to) {
				work = append(work, to)
			}
		}
	}
	next(start)
	for len(work) > 0 {
		blk := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[blk] {
			continue
		}
		seen[blk] = true
		found, blocked := scan(blk, 0)
		if found {
			return true
		}
		if !blocked {
			next(blk)
		}
	}
	return false
}

// Invariant reports whether v has one value on every round of the loop
// that at is on, in one run of their function: a constant, a parameter, a
// free variable, a package-level value, or a value computed outside that
// loop, or in it from such values by arithmetic, conversions and loads of
// fields (a struct's field read again each round: p.cfg.URL). A phi of the
// loop (an iteration variable), an allocation, a call, an index with a
// changing index or a receive may change from round to round. When at is
// on no loop, every value of its function is invariant.
func (l *Loops) Invariant(v ssa.Value, at ssa.Instruction) bool {
	return l.invariant(v, at, 0)
}

// maxInvariantDepth bounds how far [Loops.Invariant] walks operands.
const maxInvariantDepth = 16

func (l *Loops) invariant(v ssa.Value, at ssa.Instruction, depth int) bool {
	switch v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Global, *ssa.Function, *ssa.Builtin:
		return true
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || depth > maxInvariantDepth {
		return false
	}
	if instr.Parent() != at.Parent() || !l.SameLoop(instr, at) {
		return instr.Parent() == at.Parent() // made before (or after) the loop, once per run
	}
	var ops []ssa.Value
	switch x := v.(type) {
	case *ssa.BinOp:
		ops = []ssa.Value{x.X, x.Y}
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return false // a receive
		}
		ops = []ssa.Value{x.X}
	case *ssa.ChangeType:
		ops = []ssa.Value{x.X}
	case *ssa.Convert:
		ops = []ssa.Value{x.X}
	case *ssa.MakeInterface:
		ops = []ssa.Value{x.X}
	case *ssa.FieldAddr:
		ops = []ssa.Value{x.X}
	case *ssa.Field:
		ops = []ssa.Value{x.X}
	case *ssa.IndexAddr:
		ops = []ssa.Value{x.X, x.Index}
	case *ssa.Index:
		ops = []ssa.Value{x.X, x.Index}
	case *ssa.Extract:
		ops = []ssa.Value{x.Tuple}
	default:
		return false // a phi, an allocation, a call, ...
	}
	for _, op := range ops {
		if !l.invariant(op, at, depth+1) {
			return false
		}
	}
	return true
}

// NextItems returns the blocks where a loop takes the next item that the
// arguments of call come from: a receive (for v := range ch, v := <-ch),
// a range iterator's Next, or the step of an index that selects the item
// from a slice, array or map (i+1 in for _, v := range items, or i++ on
// some path). A way back to call through one of them sends another item,
// not the same one again: a loop over work items, not a retry. A counter
// passed on as a value (an attempt number) selects no item.
func NextItems(call ssa.CallInstruction) map[*ssa.BasicBlock]bool {
	items := make(map[*ssa.BasicBlock]bool)
	type key struct {
		v     ssa.Value
		index bool
	}
	seen := make(map[key]bool)
	var walk func(v ssa.Value, index bool, depth int)
	walk = func(v ssa.Value, index bool, depth int) {
		instr, ok := v.(ssa.Instruction)
		if !ok || seen[key{v, index}] || depth > maxInvariantDepth || instr.Parent() != call.Parent() {
			return
		}
		seen[key{v, index}] = true
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op == token.ARROW {
				items[x.Block()] = true
				return
			}
		case *ssa.Next:
			items[x.Block()] = true
			return
		case *ssa.IndexAddr:
			walk(x.X, false, depth+1)
			walk(x.Index, true, depth+1)
			return
		case *ssa.Index:
			walk(x.X, false, depth+1)
			walk(x.Index, true, depth+1)
			return
		case *ssa.Lookup:
			walk(x.X, false, depth+1)
			walk(x.Index, true, depth+1)
			return
		case *ssa.Phi:
			if index {
				for _, e := range x.Edges {
					if step, ok := e.(*ssa.BinOp); ok && (step.X == x || step.Y == x) {
						items[step.Block()] = true
					}
				}
			}
		}
		var ops []*ssa.Value
		for _, op := range instr.Operands(ops) {
			if *op != nil {
				walk(*op, index, depth+1)
			}
		}
	}
	for _, arg := range call.Common().Args {
		walk(arg, false, 0)
	}
	return items
}

// Returns returns the return instructions of fn, in block order.
func Returns(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			out = append(out, r)
		}
	}
	return out
}
