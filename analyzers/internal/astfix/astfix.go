// Package astfix builds the pieces of suggested fixes that several
// analyzers need: finding a position's file, importing a package, writing
// durations and setting a field of a composite literal. Every
// package name a fix writes comes from Import, so that the fix compiles
// where a local name shadows the import.
package astfix

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// File returns the file of the pass that contains pos, or nil.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
