package httpflow

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// maxLockDepth bounds how far [Locks] climbs the package's callers.
const maxLockDepth = 4

// Locks returns the mutexes held, with a write lock (sync.Mutex.Lock,
// sync.RWMutex.Lock), whenever instr runs: each is a struct field (by its
// *types.Var, whatever the instance) or a package variable (by its
// object). A mutex is held when, on every path to instr
// in its function, the last lock or unlock of it is a Lock (a deferred
// Unlock runs at the return), or when nothing in the function locks or
// unlocks it before instr and it is held at every call of the function,
// when the package shows every call and none starts a goroutine. Calls
// made under one mutex run one at a time.
func Locks(x *ssaflow.Index, instr ssa.Instruction) map[types.Object]bool {
	return locks(x, instr, 0)
}

func locks(x *ssaflow.Index, instr ssa.Instruction, depth int) map[types.Object]bool {
	fn := instr.Parent()
	held := make(map[types.Object]bool)
	var entry map[types.Object]bool // held at fn's entry, computed on demand
	for _, m := range lockedIn(fn) {
		if held[m] {
			continue
		}
		afterUnlock, fromEntry := unlockedAt(fn, instr, m)
		switch {
		case afterUnlock:
		case !fromEntry:
			held[m] = true
		default:
			if entry == nil {
				entry = callersLocks(x, fn, depth)
			}
			held[m] = entry[m]
		}
	}
	if entry == nil {
		entry = callersLocks(x, fn, depth)
	}
	for m := range entry {
		if _, ok := held[m]; !ok && !touches(fn, m) {
			held[m] = true
		}
	}
	for m, ok := range held {
		if !ok {
			delete(held, m)
		}
	}
	return held
}

// callersLocks returns the mutexes held at every call of fn, none if the
// package may not show them all.
func callersLocks(x *ssaflow.Index, fn *ssa.Function, depth int) map[types.Object]bool {
	callers := x.Callers(fn)
	if depth >= maxLockDepth || len(callers) == 0 || x.MayHaveUnseenCallers(fn) {
		return map[types.Object]bool{}
	}
	var common map[types.Object]bool
	for _, c := range callers {
		if _, ok := c.(*ssa.Go); ok {
			return map[types.Object]bool{}
		}
		held := locks(x, c, depth+1)
		if common == nil {
			common = held
		} else {
			for m := range common {
				if !held[m] {
					delete(common, m)
				}
			}
		}
		if len(common) == 0 {
			return common // the other callers cannot add one back
		}
	}
	return common
}

// lockedIn returns the mutexes that fn write-locks.
func lockedIn(fn *ssa.Function) []types.Object {
	var out []types.Object
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if m, lock := mutexCall(instr); m != nil && lock {
				out = append(out, m)
			}
		}
	}
	return out
}

// touches reports whether fn locks or unlocks mutex m (not deferred).
func touches(fn *ssa.Function, m types.Object) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mm, _ := mutexCall(instr); mm == m {
				return true
			}
		}
	}
	return false
}

// unlockedAt reports whether instr can be reached, without passing a Lock
// of m, from an Unlock of m (afterUnlock) or from fn's entry (fromEntry).
func unlockedAt(fn *ssa.Function, instr ssa.Instruction, m types.Object) (afterUnlock, fromEntry bool) {
	reached := func(b *ssa.BasicBlock, from int) bool {
		seen := make(map[*ssa.BasicBlock]bool)
		type pos struct {
			b    *ssa.BasicBlock
			from int
		}
		work := []pos{{b, from}}
		for len(work) > 0 {
			p := work[len(work)-1]
			work = work[:len(work)-1]
			locked := false
			for _, in := range p.b.Instrs[p.from:] {
				if in == instr {
					return true
				}
				if mm, lock := mutexCall(in); mm == m && lock {
					locked = true
					break
				}
			}
			if locked {
				continue
			}
			for _, s := range p.b.Succs {
				if !seen[s] {
					seen[s] = true
					work = append(work, pos{s, 0})
				}
			}
		}
		return false
	}
	for _, b := range fn.Blocks {
		for i, in := range b.Instrs {
			if mm, lock := mutexCall(in); mm == m && !lock && reached(b, i+1) {
				afterUnlock = true
			}
		}
	}
	return afterUnlock, len(fn.Blocks) > 0 && reached(fn.Blocks[0], 0)
}

// mutexCall returns the mutex that instr, a call (not deferred), locks
// (lock) or unlocks: a field of a struct, or a package variable.
func mutexCall(instr ssa.Instruction) (m types.Object, lock bool) {
	call, ok := instr.(*ssa.Call)
	if !ok || call.Common().IsInvoke() || len(call.Common().Args) != 1 {
		return nil, false
	}
	fn := callee.Func(call.Common())
	lock = httpapi.MutexLocks.Matches(fn)
	if !lock && !httpapi.MutexUnlocks.Matches(fn) {
		return nil, false
	}
	switch recv := call.Common().Args[0].(type) {
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(recv.X.Type(), recv.Field); f != nil {
			return f, lock
		}
	case *ssa.Global:
		return recv.Object(), lock
	}
	return nil, false
}
