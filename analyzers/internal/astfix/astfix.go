// Package astfix builds the pieces of suggested fixes that several
// analyzers need: finding a position's file, importing a package, writing
// durations and setting a field of a composite literal.
package astfix

import (
	"go/ast"
	"go/token"
	"strconv"

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

// Import returns the name under which file imports the package with the
// given path, and, when file does not import it yet, an edit that adds the
// import (named by the path's last element, which must be the package name).
// It fails when the package is imported only blank or with a dot.
func Import(file *ast.File, path, name string) (string, *analysis.TextEdit, bool) {
	blankOrDot := false
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p != path {
			continue
		}
		if imp.Name == nil {
			return name, nil, true
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			blankOrDot = true
			continue
		}
		return imp.Name.Name, nil, true
	}
	if blankOrDot {
		return "", nil, false
	}
	edit := &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))}
	return name, edit, true
}
