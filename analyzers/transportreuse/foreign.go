package transportreuse

import (
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// passedOn returns the result of a call that holds the traced wrapper
// client it is called on: a setter returning its receiver, or a method in
// holders (retryablehttp's StandardClient). nil if the call does not.
func passedOn(h ssaflow.HandOff, fn *types.Func) ssa.Value {
	c := httpapi.WrapperOf(fn)
	call, ok := h.Instr.(*ssa.Call)
	if c == nil || !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 || call.Call.Args[0] != h.Value {
		return nil
	}
	results := fn.Signature().Results()
	if results.Len() != 1 {
		return nil
	}
	if slices.Contains(c.Holders, fn.Name()) || types.Identical(results.At(0).Type(), fn.Signature().Recv().Type()) {
		return call
	}
	return nil
}

// wrapperSend reports whether fn sends a request through the wrapper
// client it is a method of.
func wrapperSend(fn *types.Func) bool {
	c := httpapi.WrapperOf(fn)
	return c != nil && slices.Contains(c.Sends, fn.Name())
}

// wrapped returns the result of a call of a well-known wrapping function
// ([httpapi.Wraps]) that wraps the traced value: it holds the value as long
// as it lives itself. nil if the call is not one.
func wrapped(h ssaflow.HandOff, fn *types.Func) ssa.Value {
	arg, ok := httpapi.WrapOf(fn)
	call, isCall := h.Instr.(*ssa.Call)
	if !ok || !isCall || call.Call.IsInvoke() || arg >= len(call.Call.Args) || call.Call.Args[arg] != h.Value {
		return nil
	}
	return call
}
