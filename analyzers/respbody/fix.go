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
// statement (or `_ = body.Close()`) gets `_, _ = io.Copy(io.Discard,
// body)` before it; a deferred
// one becomes a deferred function that drains, then closes the body it is
// given as argument, so that the body is evaluated at the defer statement,
// as before (the variable may be assigned a later response). Closes whose
// result is used are left alone.
func (s *state) drainFix(close ssa.CallInstruction) (analysis.SuggestedFix, bool) {
	file, path := s.rep.Path(close.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	var stmt ast.Stmt
	var ce *ast.CallExpr
	for _, n := range path {
		if st, ok := n.(ast.Stmt); ok {
			stmt = st
			break
		}
	}
	switch st := stmt.(type) {
	case *ast.ExprStmt:
		ce, _ = st.X.(*ast.CallExpr)
	case *ast.DeferStmt:
		ce = st.Call
	case *ast.AssignStmt:
		if id, _ := st.Lhs[0].(*ast.Ident); len(st.Lhs) == 1 && len(st.Rhs) == 1 && id != nil && id.Name == "_" {
			ce, _ = st.Rhs[0].(*ast.CallExpr)
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
	if _, deferred := stmt.(*ast.DeferStmt); deferred {
		if !readCloser(s.pass.TypesInfo.TypeOf(sel.X)) {
			return analysis.SuggestedFix{}, false
		}
		param := "body"
		if ioName == param {
			param = "rc"
		}
		text := fmt.Sprintf("defer func(%s %s.ReadCloser) {\n%s\t_, _ = %s.Copy(%s.Discard, %s)\n%s\t%s.Close()\n%s}(%s)",
			param, ioName, indent, ioName, ioName, param, indent, param, indent, body)
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	} else {
		drain := fmt.Sprintf("_, _ = %s.Copy(%s.Discard, %s)", ioName, ioName, body)
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(drain + "\n" + indent)})
	}
	return analysis.SuggestedFix{Message: "Drain the body before closing it", TextEdits: edits}, true
}

// readCloser reports whether a value of type t can be passed as an
// io.ReadCloser: it has Read and Close methods.
func readCloser(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, name := range []string{"Read", "Close"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj == nil {
			return false
		} else if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
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
