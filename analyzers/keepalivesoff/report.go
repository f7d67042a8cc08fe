package keepalivesoff

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// reportable drops the stores in generated files: not reported, so not
// worth the search for repeated sends.
func (s *state) reportable(stores []*ssa.Store) []*ssa.Store {
	return slices.DeleteFunc(stores, func(st *ssa.Store) bool { return s.rep.Generated(ssaflow.StorePos(st)) })
}

// report reports one switch at pos, with the sends or serves as related
// places and, when fix is not empty and the switch stands alone, a fix that
// removes it.
func (s *state) report(pos token.Pos, problem, fix string, evidence []ssa.CallInstruction) {
	if s.reported[pos] {
		return
	}
	s.reported[pos] = true
	if !s.opts.Tests && report.InTest(s.pass.Fset, pos) {
		return
	}
	diag := analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf("%s (%s)", problem, cost)}
	_, path := s.rep.Path(pos)
	var node, removable ast.Node
	for i, n := range path {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			node, removable = n, n
		case *ast.AssignStmt:
			node, removable = n, n
		case *ast.CallExpr:
			if n.Lparen != pos {
				continue
			}
			node = n
			if i+1 < len(path) {
				if st, ok := path[i+1].(*ast.ExprStmt); ok {
					removable = st
				}
			}
		default:
			continue
		}
		break
	}
	if node != nil {
		diag.Pos, diag.End = node.Pos(), node.End()
	}
	if fix != "" && removable != nil {
		if edit, ok := s.removal(path, removable); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{{Message: fix, TextEdits: []analysis.TextEdit{edit}}}
		}
	}
	for _, e := range evidence {
		msg := "request sent here"
		if httpapi.ServerServes.Matches(callee.Func(e.Common())) {
			msg = "server served here"
		}
		if e.Pos().IsValid() {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: e.Pos(), Message: msg})
		}
	}
	s.rep.Report(diag, "")
}
