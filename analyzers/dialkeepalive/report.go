package dialkeepalive

import (
	"go/ast"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// diagnostic places a diagnostic on the syntax of a setting: the key:
// value element of a literal, the assignment, or the call. It fails for
// code outside the package's files.
func (s *state) diagnostic(set setting) (analysis.Diagnostic, bool) {
	pos := set.pos()
	file, path := s.rep.Path(pos)
	if file == nil {
		return analysis.Diagnostic{}, false
	}
	diag := analysis.Diagnostic{Pos: pos}
	for _, n := range path {
		switch n.(type) {
		case *ast.KeyValueExpr, *ast.AssignStmt, *ast.CallExpr:
			diag.Pos, diag.End = n.Pos(), n.End()
			return diag, true
		}
	}
	return diag, true
}

// literal returns the composite literal that allocates root, if any.
func (s *state) literal(root ssa.Value) *ast.CompositeLit {
	alloc, ok := root.(*ssa.Alloc)
	if !ok {
		return nil
	}
	lit, _ := s.rep.Literal(alloc.Pos())
	return lit
}

// fix adds IdleConnTimeout to the literal that allocates root, a
// transport that lacks it.
func (s *state) fix(root ssa.Value) (analysis.SuggestedFix, bool) {
	lit := s.literal(root)
	if lit == nil || s.fixed[lit] {
		return analysis.SuggestedFix{}, false
	}
	if !s.rep.Editable(lit.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	file := astfix.File(s.pass, lit.Pos())
	timeName, importEdits, ok := astfix.Import(s.pass, file, lit.Lbrace, "time", "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	tf := s.pass.Fset.File(lit.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	value := astfix.Duration(s.opts.IdleConnTimeout, timeName)
	edit, ok := astfix.SetField(tf, src, lit, "IdleConnTimeout", value)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	s.fixed[lit] = true
	return analysis.SuggestedFix{Message: "Add IdleConnTimeout: " + value, TextEdits: append(importEdits, edit)}, true
}
