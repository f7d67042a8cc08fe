package respbody

import (
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// This file reads what a branch of the walk knows of the response: its
// status (bodiless, 404, a release under a status test) and whether the
// producing call failed.

// underStatus reports whether instr runs, after source, only on one side
// of a test of the response's status: a block between them in the
// dominator tree ends with an If on a comparison of resp.StatusCode
// (resp.StatusCode/100 too) and one of its successors dominates instr.
func underStatus(t *tracked, instr, source ssa.Instruction) bool {
	at := instr.Block()
	for d := at.Idom(); d != nil; d = d.Idom() {
		if !source.Block().Dominates(d) {
			return false
		}
		if ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok && statusTest(t, ifi.Cond) &&
			(d.Succs[0].Dominates(at) || d.Succs[1].Dominates(at)) {
			return true
		}
	}
	return false
}

// statusTest reports whether cond compares the tracked response's status
// code, or its quotient or remainder by a constant, with anything.
func statusTest(t *tracked, cond ssa.Value) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	switch bin.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	for _, v := range []ssa.Value{bin.X, bin.Y} {
		if div, ok := v.(*ssa.BinOp); ok && (div.Op == token.QUO || div.Op == token.REM) {
			v = div.X
		}
		if isStatusLoad(t, v) {
			return true
		}
	}
	return false
}

// prune returns the index of the successor of an If on cond that no
// response reaches: the branch where the producing call's error is not nil,
// or where the response (or body) is nil. It returns -1 when both may.
//
// Three more shapes end a path: a predicate on the error (errors.Is(err,
// x), isTimeout(err)), a type assertion of it that succeeds (`if _, ok :=
// err.(net.Error); ok`, a case of a type switch; see [ssaflow.Asserted])
// or a comparison of it with an error variable (err ==
// http.ErrSkipAltProtocol) is true only for a failed call; a response with
// status 101 Switching Protocols has the upgraded connection as its body,
// which the caller now owns; and one with status 1xx, 204 or 304 has no
// body at all (see [httpapi.BodilessStatus]).
func prune(t *tracked, cond ssa.Value, errs []ssa.Value) int {
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		if errorPredicate(not.X, errs) {
			return 1
		}
		return -1
	}
	if errorPredicate(cond, errs) || contains(errs, ssaflow.Asserted(cond)) {
		return 0
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return -1
	}
	if code, ok := checkedStatus(t, bin); ok {
		if code == 101 {
			t.upgrade = true
		} else if !httpapi.BodilessStatus(code) {
			return -1
		}
		if bin.Op == token.EQL {
			return 0
		}
		return 1
	}
	var other ssa.Value
	switch {
	case ssaflow.IsNil(bin.Y):
		other = bin.X
	case ssaflow.IsNil(bin.X):
		other = bin.Y
	case contains(errs, bin.X) && isSentinel(bin.Y), contains(errs, bin.Y) && isSentinel(bin.X):
		// err == ErrSkipAltProtocol: equal to an error, so not nil.
		if bin.Op == token.EQL {
			return 0
		}
		return 1
	default:
		return -1
	}
	// Succs[0] is taken when cond is true, that is when other == nil for
	// EQL and other != nil for NEQ.
	nilBranch, nonNilBranch := 0, 1
	if bin.Op == token.NEQ {
		nilBranch, nonNilBranch = 1, 0
	}
	switch {
	case contains(errs, other):
		return nonNilBranch // an error: no response
	case t.kind(other) != 0:
		return nilBranch // no response (or no body)
	}
	return -1
}

// isSentinel reports whether v is a load of a package-level error variable
// (io.EOF, http.ErrSkipAltProtocol): an error that is not nil once set.
func isSentinel(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || !ssaflow.IsError(v.Type()) {
		return false
	}
	_, global := load.X.(*ssa.Global)
	return global
}

// errorPredicate reports whether cond is a call of a function returning a
// bool with the producing call's error as an argument.
func errorPredicate(cond ssa.Value, errs []ssa.Value) bool {
	call, ok := cond.(*ssa.Call)
	if !ok {
		return false
	}
	for _, arg := range call.Call.Args {
		if contains(errs, arg) {
			return true
		}
	}
	return false
}

// checkedStatus returns the constant that a comparison compares the
// StatusCode of a tracked response with.
func checkedStatus(t *tracked, bin *ssa.BinOp) (int64, bool) {
	status, code := bin.X, bin.Y
	if _, ok := ssaflow.ConstInt(status); ok {
		status, code = code, status
	}
	n, ok := ssaflow.ConstInt(code)
	if !ok {
		return 0, false
	}
	if !isStatusLoad(t, status) {
		return 0, false
	}
	return n, true
}

// isStatusLoad reports whether v is a load of the tracked response's
// StatusCode.
func isStatusLoad(t *tracked, v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && t.kind(fa.X) == respKind && httpapi.ResponseStatusCode.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field))
}

// statusSucc returns the index of the successor of an If on cond where
// the response's status is one that is (resp.StatusCode == 404, a switch
// case, for is404), or -1.
func statusSucc(t *tracked, cond ssa.Value, is func(code int64) bool) int {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return -1
	}
	if code, ok := checkedStatus(t, bin); !ok || !is(code) {
		return -1
	}
	if bin.Op == token.EQL {
		return 0
	}
	return 1
}

func is404(code int64) bool { return code == 404 }

// noContent reports whether fn, after call and on a path where the
// response's status has no body (1xx, 204, 304: [httpapi.BodilessStatus]),
// returns nil for every result that hands the response back on other
// paths, and a nil error: a wrapper that maps "no content" to no body
// (miniflux's client: `case http.StatusNoContent: return nil, nil`). Its
// author knows which requests the API answers that way.
func noContent(t *tracked, call *ssa.Call, returned map[int]kind) bool {
	for _, b := range call.Parent().Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !call.Block().Dominates(b) {
			continue
		}
		i := statusSucc(t, ifi.Cond, func(code int64) bool { return code != 101 && httpapi.BodilessStatus(code) })
		if i < 0 {
			continue
		}
		for _, rb := range call.Parent().Blocks {
			ret, ok := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return)
			if ok && b.Succs[i].Dominates(rb) && nilReturn(b.Succs[i].Instrs[0], ret, returned) {
				return true
			}
		}
	}
	return false
}

// passesError reports whether every one of rets returns, as its last
// result, one of errs, the error of call, the producing call (through
// the result variables of a function with defers:
// [ssaflow.LastResultAfter]): a wrapper that hands its helper's answer on
// as it is (miniflux's Put returning execute's), nil body and nil error
// included. One that turns the helper's nil body into an error (`if rc ==
// nil { return nil, errNoBody }`) does not.
func passesError(call *ssa.Call, rets []*ssa.Return, errs []ssa.Value) bool {
	return len(errs) > 0 && !slices.ContainsFunc(rets, func(ret *ssa.Return) bool {
		vals := ssaflow.LastResultAfter(call, ret)
		return len(vals) == 0 || slices.ContainsFunc(vals, func(v ssa.Value) bool { return !contains(errs, v) })
	})
}

// nilReturn reports whether ret, reached from from, returns nil for every
// index of returned and, when the last result is an error, nil for it
// (through the variables a function with defers keeps its results in:
// [ssaflow.ResultAfter]).
func nilReturn(from ssa.Instruction, ret *ssa.Return, returned map[int]kind) bool {
	isNil := func(i int) bool {
		vals := ssaflow.ResultAfter(from, ret, i)
		return len(vals) > 0 && !slices.ContainsFunc(vals, func(v ssa.Value) bool { return !ssaflow.IsNil(v) })
	}
	for i := range returned {
		if i >= len(ret.Results) || !isNil(i) {
			return false
		}
	}
	n := len(ret.Results)
	return n == 0 || !ssaflow.IsError(ret.Results[n-1].Type()) || isNil(n-1)
}
