package astfix

import (
	"go/ast"
	"go/token"
	"go/types"
	pathpkg "path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Import returns the name that refers, at pos in file, to the package with
// the given path (whose package clause says name), and the edits that add
// an import when the file has none usable at pos.
//
// An existing import is used when its name is not shadowed at pos (a
// parameter or local variable named io hides the import of "io").
// Otherwise the import is added under name, or under name1, name2, ... when
// name is taken at pos, and merged into the file's import declaration. The
// edits are insertions, or replacements that are the same for every
// import added to the file, so that the fixes of several diagnostics, even
// of several analyzers, merge into one declaration when a driver applies
// them together. Import fails when the file has no type information.
//
// The choice of name follows x/tools' internal/refactor.AddImport.
func Import(pass *analysis.Pass, file *ast.File, pos token.Pos, path, name string) (string, []analysis.TextEdit, bool) {
	scope := pass.TypesInfo.Scopes[file]
	if scope == nil {
		return "", nil, false
	}
	if scope = scope.Innermost(pos); scope == nil {
		return "", nil, false
	}
	for _, imp := range file.Imports {
		pn := pass.TypesInfo.PkgNameOf(imp)
		if pn == nil || pn.Imported().Path() != path || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
			return pn.Name(), nil, true
		}
	}
	fresh := freshName(scope, pos, name)
	spec := strconv.Quote(path)
	if fresh != pathpkg.Base(path) {
		spec = fresh + " " + spec
	}
	edits, ok := importEdits(pass, file, path, spec)
	if !ok {
		return "", nil, false
	}
	return fresh, edits, true
}

// freshName returns name, or name followed by the smallest number from 1,
// that denotes nothing at pos. Nothing at pos also means nothing in the
// package and file scopes, so a new import under it conflicts with no
// declaration.
func freshName(scope *types.Scope, pos token.Pos, name string) string {
	for i := 0; ; i++ {
		n := name
		if i > 0 {
			n += strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(n, pos); obj == nil {
			return n
		}
	}
}

// importEdits returns the edits that add the import spec (of path) to
// file: into its first parenthesised import declaration, else by turning
// its first single import into a block, else after its imports of "C" or
// its package clause. Declarations that import "C" are left alone: cgo
// reads the preamble from the comment of a single import "C".
func importEdits(pass *analysis.Pass, file *ast.File, path, spec string) ([]analysis.TextEdit, bool) {
	tf := pass.Fset.File(file.Pos())
	var single, last *ast.GenDecl
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break // imports precede all other declarations
		}
		last = gd
		switch {
		case importsC(gd):
		case gd.Lparen.IsValid():
			return []analysis.TextEdit{intoBlock(tf, gd, path, spec)}, true
		case single == nil:
			single = gd
		}
	}
	switch {
	case single != nil:
		return intoSingle(pass, tf, single, path, spec)
	case last != nil:
		return []analysis.TextEdit{insert(last.End(), "\n\nimport "+spec)}, true
	}
	return afterPackage(tf, file, spec)
}

func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if s.(*ast.ImportSpec).Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// intoBlock adds spec to the parenthesised declaration gd: a standard
// library path among the standard library imports in order, any other
// path at the end.
func intoBlock(tf *token.File, gd *ast.GenDecl, path, spec string) analysis.TextEdit {
	if len(gd.Specs) == 0 {
		return insert(gd.Lparen+1, "\n\t"+spec)
	}
	var after *ast.ImportSpec // the last standard library import before path
	if isStd(path) {
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			if !isStd(p) {
				continue
			}
			if p > path {
				return before(tf, gd, is, spec, "")
			}
			after = is
		}
		if after == nil { // only other imports: a group of its own first
			return before(tf, gd, gd.Specs[0].(*ast.ImportSpec), spec, "\n")
		}
	} else {
		after = gd.Specs[len(gd.Specs)-1].(*ast.ImportSpec)
	}
	end := after.End()
	if after.Comment != nil {
		end = after.Comment.End()
	}
	if tf.Line(end) == tf.Line(gd.Rparen) {
		return insert(end, "; "+spec)
	}
	return insert(end, "\n\t"+spec)
}

// before inserts spec on a line of its own before the spec is of gd (and
// its comment), followed by sep.
func before(tf *token.File, gd *ast.GenDecl, is *ast.ImportSpec, spec, sep string) analysis.TextEdit {
	start := is.Pos()
	if is.Doc != nil {
		start = is.Doc.Pos()
	}
	if tf.Line(start) == tf.Line(gd.Lparen) {
		return insert(start, spec+"; ")
	}
	return insert(tf.LineStart(tf.Line(start)), "\t"+spec+"\n"+sep)
}

// intoSingle turns `import "x"` into `import ("x"; spec)`, spec first when
// it sorts first. The parentheses come from replacements that are the
// same whichever spec is added, so that a driver merging two such fixes
// keeps one pair, and spec from an insertion, so that it keeps both specs.
func intoSingle(pass *analysis.Pass, tf *token.File, gd *ast.GenDecl, path, spec string) ([]analysis.TextEdit, bool) {
	is := gd.Specs[0].(*ast.ImportSpec)
	end := is.End()
	if is.Comment != nil {
		end = is.Comment.End()
	}
	src, err := pass.ReadFile(tf.Name())
	off := tf.Offset(end)
	if err != nil || off >= len(src) {
		return nil, false
	}
	open := analysis.TextEdit{Pos: gd.TokPos, End: gd.TokPos + token.Pos(len("import")), NewText: []byte("import (")}
	closing := analysis.TextEdit{Pos: end, End: end + 1, NewText: []byte("\n)" + string(src[off]))}
	p, _ := strconv.Unquote(is.Path.Value)
	if isStd(path) && (!isStd(p) || path < p) {
		sep := "\n\t"
		if !isStd(p) {
			sep = "\n\n\t" // a group of its own, as in a block
		}
		return []analysis.TextEdit{open, insert(is.Pos(), spec+sep), closing}, true
	}
	return []analysis.TextEdit{open, insert(end, "\n\t"+spec), closing}, true
}

// afterPackage adds an import declaration after the package clause and
// the comments on its line. It fails when such a comment spans lines.
func afterPackage(tf *token.File, file *ast.File, spec string) ([]analysis.TextEdit, bool) {
	at := file.Name.End()
	line := tf.Line(at)
	for _, g := range file.Comments {
		for _, c := range g.List {
			if c.Pos() < at || tf.Line(c.Pos()) != line {
				continue
			}
			if tf.Line(c.End()) != line {
				return nil, false
			}
			at = c.End()
		}
	}
	return []analysis.TextEdit{insert(at, "\n\nimport "+spec)}, true
}

func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// isStd reports whether path looks like a standard library path: no dot
// in its first element (the convention goimports groups by).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
