package report

import (
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// FuncName names fn as messages do: Type.Method for a method, the name
// for a function, and "a function literal in" the function it is nested
// in for a closure.
func FuncName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		for fn.Parent() != nil {
			fn = fn.Parent()
		}
		return "a function literal in " + FuncName(fn)
	}
	if recv := fn.Signature.Recv(); recv != nil {
		if tn := httpapi.NamedOf(recv.Type()); tn != nil {
			return tn.Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}
