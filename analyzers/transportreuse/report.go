package transportreuse

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

func (s *state) report(r root, u *use, where string) {
	pos := r.instr.Pos()
	var subject string
	switch {
	case r.ctor != nil:
		subject = report.FuncName(r.ctor) + "() creates an http.Transport " + where
	case r.foreign != nil:
		subject = r.foreign.Pkg().Name() + "." + r.foreign.Name() + "() creates an http.Transport " + where
	case r.clone:
		subject = "http.Transport cloned " + where
	default:
		subject = "http.Transport created " + where
	}
	consequence := "no connection is reused"
	if u.again {
		consequence = "no connection is reused by the next call"
	}
	switch {
	case u.off:
		consequence += "; keep-alives are off as well"
	case u.closed:
	case r.idle || u.idle:
		consequence += "; idle connections leak until IdleConnTimeout"
	default:
		consequence += "; idle connections leak until the server closes them"
	}
	diag := analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf("%s (%s)", subject, consequence)}
	if node := s.expr(pos); node != nil {
		diag.Pos, diag.End = node.Pos(), node.End()
	}
	if r.ctor != nil && r.made.IsValid() {
		diag.Related = []analysis.RelatedInformation{{Pos: r.made, Message: "http.Transport created here"}}
		if node := s.expr(r.made); node != nil {
			diag.Related[0].Pos, diag.Related[0].End = node.Pos(), node.End()
		}
	}
	s.rep.Report(diag, "")
}

// expr returns the expression that makes a transport at pos: a composite
// literal (with its &), or a call.
func (s *state) expr(pos token.Pos) ast.Node {
	_, path := s.rep.Path(pos)
	for i, n := range path {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if i+1 < len(path) {
				if u, ok := path[i+1].(*ast.UnaryExpr); ok && u.Op == token.AND {
					return u
				}
			}
			return n
		case *ast.CallExpr:
			return n
		case ast.Stmt, ast.Decl:
			return nil
		}
	}
	return nil
}
