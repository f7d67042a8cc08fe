package ssaflow

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Replaced reports whether load, of a field (c.hc, at any depth below
// one value), cannot read a value for which old holds (a default) because
// on every path to it its own function replaced the field's value since
// anything else could have set it: it stored a fresh allocation there
// (c.hc = &http.Client{}), took the branch on which the field is not old
// (the false one of `if c.hc == http.DefaultClient`), or called a function
// of the package that does one of these to the same field of the value it
// is given (c.ensureOwn()) at each of its returns. What may set the field
// in between undoes it, as in [Backtracer.LastStores]: a store of any
// other value there, a store to a field or variable of the chain, a call
// of another of the package's functions or of a function value. The
// function's entry replaces nothing, so a path that reaches load without
// any of these makes Replaced false.
func (x *Index) Replaced(load *ssa.UnOp, old func(ssa.Value) bool) bool {
	fa, ok := load.X.(*ssa.FieldAddr)
	if load.Op != token.MUL || !ok || load.Block() == nil {
		return false
	}
	r := &replacer{x: x, old: old, busy: make(map[replaceKey]bool)}
	return r.at(load, fa.X, fa.Field, 0)
}

// A replaceKey is a function and the parameter and field that a call of it
// may replace.
type replaceKey struct {
	fn    *ssa.Function
	param int
	field int
}

type replacer struct {
	x    *Index
	old  func(ssa.Value) bool
	busy map[replaceKey]bool // functions being judged: a recursive call replaces nothing
}

// at reports whether field i of base is replaced on every path to instr,
// an instruction of base's function.
func (r *replacer) at(instr ssa.Instruction, base ssa.Value, i, depth int) bool {
	return r.atIn(r.blocks(instr.Parent(), base, i, depth), instr, base, i, depth)
}

// atIn is at given what blocks returns for instr's function.
func (r *replacer) atIn(in []bool, instr ssa.Instruction, base ssa.Value, i, depth int) bool {
	blk := instr.Block()
	done := in[blk.Index]
	for _, y := range blk.Instrs {
		if y == instr {
			return done
		}
		done = r.step(y, done, base, i, depth)
	}
	return false
}

// blocks returns, by block index, whether field i of base is replaced on
// every path to the entry of each block of fn: the greatest solution, so
// that a loop keeps what was replaced before it.
func (r *replacer) blocks(fn *ssa.Function, base ssa.Value, i, depth int) []bool {
	in := make([]bool, len(fn.Blocks))
	for j := 1; j < len(in); j++ {
		in[j] = true
	}
	for changed := true; changed; {
		changed = false
		for _, blk := range fn.Blocks[1:] {
			all := len(blk.Preds) > 0
			for _, p := range blk.Preds {
				if !r.edge(p, blk, r.out(p, in[p.Index], base, i, depth), base, i) {
					all = false
					break
				}
			}
			if all != in[blk.Index] {
				in[blk.Index], changed = all, true
			}
		}
	}
	return in
}

// out returns whether the field is replaced at the end of blk, given
// whether it is at its entry.
func (r *replacer) out(blk *ssa.BasicBlock, done bool, base ssa.Value, i, depth int) bool {
	for _, y := range blk.Instrs {
		done = r.step(y, done, base, i, depth)
	}
	return done
}

// edge returns whether the field is replaced on the edge from p to succ,
// given done at the end of p: also when p branches on a comparison of the
// field, loaded in p after anything that may set it, with an old value,
// and succ is the successor on which they differ.
func (r *replacer) edge(p, succ *ssa.BasicBlock, done bool, base ssa.Value, i int) bool {
	if done {
		return true
	}
	br, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return false
	}
	cmp, ok := br.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false
	}
	differ := p.Succs[1] // false: the field is not old
	if cmp.Op == token.NEQ {
		differ = p.Succs[0]
	}
	if succ != differ {
		return false
	}
	field := cmp.X
	if r.old(field) {
		field = cmp.Y
	} else if !r.old(cmp.Y) {
		return false
	}
	load, ok := field.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || load.Block() != p || !r.sameField(load.X, base, i) {
		return false
	}
	for _, y := range p.Instrs[slices.Index(p.Instrs, ssa.Instruction(load))+1:] {
		if r.sets(y, base, i) {
			return false
		}
	}
	return true
}

// step returns whether the field is replaced after y, given done before.
func (r *replacer) step(y ssa.Instruction, done bool, base ssa.Value, i, depth int) bool {
	switch y := y.(type) {
	case *ssa.Store:
		if r.sameField(y.Addr, base, i) {
			_, fresh := y.Val.(*ssa.Alloc)
			return fresh
		}
	case *ssa.Call:
		if fn := y.Call.StaticCallee(); fn != nil && fn.Pkg == r.x.Pkg && !y.Call.IsInvoke() {
			for j, arg := range y.Call.Args {
				if sameAddr(arg, base) && r.replaces(fn, j, i, depth+1) {
					return true
				}
			}
		}
	}
	if r.sets(y, base, i) {
		return false
	}
	return done
}

// sets reports whether y may set field i of base to anything: a store to
// it, to a field or variable of its chain or to the same field of another
// value, or a call of the package's functions or of a function value
// ([Backtracer.LastStores]'s blockers).
func (r *replacer) sets(y ssa.Instruction, base ssa.Value, i int) bool {
	switch y := y.(type) {
	case *ssa.Store:
		if r.sameField(y.Addr, base, i) {
			return true
		}
		fields, vars := chainOf(base)
		if addr, ok := y.Addr.(*ssa.FieldAddr); ok {
			f := FieldOf(addr.X.Type(), addr.Field)
			return f == FieldOf(base.Type(), i) || slices.Contains(fields, f)
		}
		return slices.Contains(vars, y.Addr)
	case *ssa.Call:
		if _, ok := y.Call.Value.(*ssa.Builtin); ok {
			return false // len, append, copy: no field of a struct
		}
		fn := y.Call.StaticCallee()
		return fn == nil || fn.Pkg == r.x.Pkg || fn.Pkg == nil
	}
	return false
}

// sameField reports whether addr is field i of base, computed again.
func (r *replacer) sameField(addr, base ssa.Value, i int) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	return ok && fa.Field == i && sameAddr(fa.X, base)
}

// replaces reports whether every return of fn has replaced field i of its
// parameter j.
func (r *replacer) replaces(fn *ssa.Function, j, i, depth int) bool {
	k := replaceKey{fn, j, i}
	if depth > maxFrames || len(fn.Blocks) == 0 || r.busy[k] {
		return false
	}
	r.busy[k] = true
	defer delete(r.busy, k)
	p := fn.Params[j]
	in := r.blocks(fn, p, i, depth)
	returns := 0
	for _, blk := range fn.Blocks {
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
			if !r.atIn(in, ret, p, i, depth) {
				return false
			}
			returns++
		}
	}
	return returns > 0
}
