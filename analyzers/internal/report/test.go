package report

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// TestCode reports whether code at pos in fn is test code: in a _test.go
// file, or in a function that takes a *testing.T, *testing.B, *testing.F
// or testing.TB, or is nested in one (a test helper of a non-test file).
func TestCode(fset *token.FileSet, fn *ssa.Function, pos token.Pos) bool {
	if InTest(fset, pos) {
		return true
	}
	for ; fn != nil; fn = fn.Parent() {
		params := fn.Signature.Params()
		for i := range params.Len() {
			t := params.At(i).Type()
			if httpapi.TestingT.MatchesPtr(t) || httpapi.TestingB.MatchesPtr(t) ||
				httpapi.TestingF.MatchesPtr(t) || httpapi.TestingTB.Matches(t) {
				return true
			}
		}
	}
	return false
}
