package ssaflow

import "golang.org/x/tools/go/ssa"

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
