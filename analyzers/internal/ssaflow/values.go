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
// (backoff.Operation).
func ClosureCalls(fn *ssa.Function) []ssa.CallInstruction {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var out []ssa.CallInstruction
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			vals := []ssa.Value{mc}
			for i := 0; i < len(vals); i++ {
				for _, ref := range *vals[i].Referrers() {
					switch ref := ref.(type) {
					case *ssa.ChangeType:
						vals = append(vals, ref)
					case ssa.CallInstruction:
						if c := ref.Common(); !c.IsInvoke() && c.Value == vals[i] || slices.Contains(c.Args, vals[i]) {
							out = append(out, ref)
						}
					}
				}
			}
		}
	}
	return out
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
