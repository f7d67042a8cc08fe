package ssapass

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file is what kalint's analyzers with facts share: which packages
// get facts, which functions can carry one, and the facts a package's
// imports give their functions.

// FactsHere says whether an analyzer with facts should analyse the
// package and give its objects facts: a package of the modules being
// developed (no module version: the main module, a workspace module, a
// directory replacement), not of the standard library nor of the module
// cache. Drivers that run analyzers with facts on every dependency (go
// vet, golangci-lint, nogo) then pay for the module's own packages only,
// which they analyse anyway; the module cache is not the user's to fix. A
// driver that names no module (analysistest's GOPATH trees) gets facts for
// every package outside the standard library.
func FactsHere(pass *analysis.Pass) bool {
	if httpapi.IsStd(pass.Pkg) {
		return false
	}
	return pass.Module == nil || pass.Module.Version == ""
}

// FuncFacts returns the facts of type F that the package's imports give
// their functions and methods (pass.AllObjectFacts), by function.
func FuncFacts[F analysis.Fact](pass *analysis.Pass) map[*types.Func]F {
	m := make(map[*types.Func]F)
	for _, f := range pass.AllObjectFacts() {
		fn, isFunc := f.Object.(*types.Func)
		fact, isF := f.Fact.(F)
		if isFunc && isF {
			m[fn] = fact
		}
	}
	return m
}

// ExportedFuncs returns the functions of the package built in x that
// other packages can call by name ([callee.Exported]), in x's order: the
// ones a fact about the package's functions can be on.
func ExportedFuncs(x *ssaflow.Index) []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range x.Funcs {
		obj, _ := fn.Object().(*types.Func)
		if obj != nil && fn.Parent() == nil && obj.Pkg() == x.Pkg.Pkg && callee.Exported(obj) {
			out = append(out, fn)
		}
	}
	return out
}
