// Package callee resolves SSA calls to the function or method they invoke,
// so that analyzers can match them against the [httpapi] table.
package callee

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Func returns the function or method that call invokes, resolved to its
// generic origin: the static callee's symbol (for a promoted or bound
// method, the method it wraps), or the interface method for a dynamic
// dispatch. It returns nil for calls of function values and builtins.
func Func(call *ssa.CallCommon) *types.Func {
	if call.IsInvoke() {
		return call.Method.Origin()
	}
	fn := call.StaticCallee()
	if fn == nil {
		return nil
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.Origin()
	}
	return nil
}

// Body returns the function whose body a call statically runs, mapping a
// generic instance or instantiation wrapper to its origin, or nil if the call
// is dynamic or its callee has no body in this program (functions of other
// packages are created without bodies).
func Body(call *ssa.CallCommon) *ssa.Function {
	fn := call.StaticCallee()
	if fn == nil {
		return nil
	}
	if origin := fn.Origin(); origin != nil {
		fn = origin
	}
	if len(fn.Blocks) == 0 || fn.Synthetic != "" {
		return nil
	}
	return fn
}

// Args returns the arguments of call that fill fn's parameters, fn being
// what [Func] resolved: a static method call passes the receiver as
// Args[0], which is left out; a call of an interface method or of a bound
// method value (`f := conn.File; f()`) has no receiver among its Args.
func Args(call *ssa.CallCommon, fn *types.Func) []ssa.Value {
	if len(call.Args) == fn.Signature().Params().Len()+1 {
		return call.Args[1:]
	}
	return call.Args
}

// Receiver returns the receiver of a method call, wherever SSA keeps it:
// Args[0] of a static call, the interface value of an invoke, the bound
// receiver of a method value; nil when call calls no method.
func Receiver(call *ssa.CallCommon) ssa.Value {
	fn := Func(call)
	if fn == nil || fn.Signature().Recv() == nil {
		return nil
	}
	switch {
	case call.IsInvoke():
		return call.Value
	case len(call.Args) == fn.Signature().Params().Len()+1:
		return call.Args[0]
	}
	if c, ok := call.Value.(*ssa.MakeClosure); ok && len(c.Bindings) == 1 {
		return c.Bindings[0]
	}
	return nil
}

// Exported reports whether code in other packages can call fn by name: an
// exported function, or an exported method of an exported type. Facts
// about such functions are what their callers elsewhere can use.
func Exported(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return true
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Exported()
}
