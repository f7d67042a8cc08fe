package respbody

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// drainFix drains the body before the close: a plain `body.Close()`
// statement gets `_, _ = io.Copy(io.Discard, body)` before it; a deferred
// one becomes a deferred function that drains, then closes. Closes whose
// result is used are left alone.
func (s *state) drainFix(close ssa.CallInstruction) (analysis.SuggestedFix, bool) {
	file, path := s.rep.Path(close.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	var stmt ast.Stmt
	var ce *ast.CallExpr
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ExprStmt:
			ce, _ = n.X.(*ast.CallExpr)
			stmt = n
		case *ast.DeferStmt:
			ce = n.Call
			stmt = n
		}
		if stmt != nil {
			break
		}
	}
	if ce == nil || len(ce.Args) != 0 {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ce.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return analysis.SuggestedFix{}, false
	}
	ioName, edits, ok := astfix.Import(s.pass, file, stmt.Pos(), "io", "io")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	body := types.ExprString(sel.X)
	indent := s.indent(stmt)
	drain := fmt.Sprintf("_, _ = %s.Copy(%s.Discard, %s)", ioName, ioName, body)
	if _, deferred := stmt.(*ast.DeferStmt); deferred {
		text := fmt.Sprintf("defer func() {\n%s\t%s\n%s\t%s.Close()\n%s}()", indent, drain, indent, body, indent)
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	} else {
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(drain + "\n" + indent)})
	}
	return analysis.SuggestedFix{Message: "Drain the body before closing it", TextEdits: edits}, true
}

// indent returns the white space that starts the line of stmt.
func (s *state) indent(stmt ast.Stmt) string {
	tf := s.pass.Fset.File(stmt.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	return astfix.Indent(tf, src, stmt.Pos())
}
