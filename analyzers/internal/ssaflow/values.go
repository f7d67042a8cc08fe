package ssaflow

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// UsedAsValue reports whether fn (or its generic origin) is used other than
// by calling it or making a closure of it that is only called: assigned,
// passed, returned or stored, so that it may run anywhere, any number of
// times. Unlike [Index.MayHaveUnseenCallers] it does not count exported
// names, for packages (main) that nothing else can import.
func (x *Index) UsedAsValue(fn *ssa.Function) bool { return x.asValue[originOf(fn)] }

// Unconverted returns the value that v converts to an interface or to
// another type of the same underlying type, through any number of
// conversions (MakeInterface, ChangeInterface, ChangeType).
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// ClosureCalls returns the calls that call a closure of fn, an anonymous
// function of the package, or receive one as an argument: the closure made
// in fn's parent, as it is or converted to a named function type
// (backoff.Operation), and, when the parent returns it, the results of
// the package's calls of the parent (`backoff.Retry(c.attempt(req), b)`,
// where attempt returns the closure), through such returns at any depth.
func (x *Index) ClosureCalls(fn *ssa.Function) []ssa.CallInstruction {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var vals []ssa.Value
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				vals = append(vals, mc)
			}
		}
	}
	var out []ssa.CallInstruction
	seen := make(map[ssa.Value]bool)
	for i := 0; i < len(vals); i++ {
		v := vals[i]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.ChangeType:
				vals = append(vals, ref)
			case ssa.CallInstruction:
				if c := ref.Common(); !c.IsInvoke() && c.Value == v || slices.Contains(c.Args, v) {
					out = append(out, ref)
				}
			case *ssa.Return:
				vals = append(vals, x.ReturnedAt(ref, v, nil)...)
			}
		}
	}
	return out
}

// ReturnedAt returns the values that the package's calls of ret's
// function receive for the results of ret that are v, at the calls for
// which at holds (every call when at is nil).
func (x *Index) ReturnedAt(ret *ssa.Return, v ssa.Value, at func(*ssa.Call) bool) []ssa.Value {
	var out []ssa.Value
	for i, r := range ret.Results {
		if r != v {
			continue
		}
		for _, call := range x.Callers(ret.Parent()) {
			c, ok := call.(*ssa.Call)
			if !ok || at != nil && !at(c) {
				continue
			}
			if res := CallResult(c, i); res != nil {
				out = append(out, res)
			}
		}
	}
	return out
}

// CallResult returns result i of call: the call itself when it has one
// result, else its Extract of i; nil when that result is not used.
func CallResult(call *ssa.Call, i int) ssa.Value {
	if call.Call.Signature().Results().Len() == 1 {
		return call
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// IsString reports whether t is a string type.
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsText reports whether t holds text: a string or a byte slice.
func IsText(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Slice); ok {
		b, ok := s.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return IsString(t)
}

// NeverFilled reports whether p, the variadic parameter of its function,
// is empty at every call the package shows, and there is at least one:
// each call passes no variadic arguments, or forwards a variadic
// parameter of its own function that is never filled either
// (NewClient(opts...) calling newTransport(cfg, opts...), its package
// calling NewClient()). Callers the package does not show may fill it;
// what they pass configures their own values, not the package's.
func (x *Index) NeverFilled(p *ssa.Parameter) bool {
	return x.neverFilled(p, make(map[*ssa.Parameter]bool))
}

func (x *Index) neverFilled(p *ssa.Parameter, seen map[*ssa.Parameter]bool) bool {
	fn := p.Parent()
	if fn == nil || !fn.Signature.Variadic() || len(fn.Params) == 0 || fn.Params[len(fn.Params)-1] != p {
		return false
	}
	if seen[p] {
		return true // forwarded around a cycle: nothing fills it there
	}
	seen[p] = true
	calls := x.Callers(fn)
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		args := call.Common().Args
		if len(args) != len(fn.Params) {
			return false
		}
		switch last := args[len(args)-1].(type) {
		case *ssa.Const:
			if !last.IsNil() {
				return false
			}
		case *ssa.Parameter:
			if !x.neverFilled(last, seen) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
