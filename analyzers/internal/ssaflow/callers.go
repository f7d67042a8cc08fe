package ssaflow

import "golang.org/x/tools/go/ssa"

// UsedAsValue reports whether fn (or its generic origin) is used other than
// by being called: as a function value, a method value or a closure passed
// on. Such a function may be called where the package's static call sites
// do not show.
func (x *Index) UsedAsValue(fn *ssa.Function) bool { return x.asValue[originOf(fn)] }
