package shareddefault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// What a change of each default does to the rest of the process.
const (
	transportShared = "every client without its own transport shares it"
	transportRace   = "; the write races with requests in flight"
	clientShared    = "http.Get, http.Post and every other user of it in the process see the change"
)

// report reports a change of a default (name) made by instr at pos,
// through a value that src, a load of the default, flows to.
func (s *state) report(instr ssa.Instruction, pos token.Pos, src ssa.Value, name string, fix *analysis.SuggestedFix) {
	consequence := clientShared
	if name == "http.DefaultTransport" {
		consequence = transportShared
	}
	diag := analysis.Diagnostic{Pos: pos}
	switch instr := instr.(type) {
	case *ssa.Store:
		if name == "http.DefaultTransport" {
			consequence += transportRace
		}
		lhs, stmt := s.assignment(pos, instr.Addr.Pos())
		diag.Message = fmt.Sprintf("assignment to %s changes %s (%s)", lhs, name, consequence)
		if stmt != nil {
			diag.Pos, diag.End = stmt.Pos(), stmt.End()
		}
	case ssa.CallInstruction:
		fun := "the call"
		if call, _ := s.rep.Call(instr.Common().Pos()); call != nil {
			fun = types.ExprString(call.Fun)
			diag.Pos, diag.End = call.Pos(), call.End()
		}
		diag.Message = fmt.Sprintf("%s changes %s (%s)", fun, name, consequence)
	}
	if at := s.readAt(src); at.IsValid() && (at < diag.Pos || diag.End.IsValid() && at >= diag.End) {
		diag.Related = []analysis.RelatedInformation{{Pos: at, Message: name + " is read here"}}
	}
	if fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	remedy := "Configure a Clone() of http.DefaultTransport instead"
	if name == "http.DefaultClient" {
		remedy = "Use a client of its own instead"
	}
	s.rep.Report(diag, remedy)
}

// reportReplaced reports an assignment to a default (name) at pos.
func (s *state) reportReplaced(pos token.Pos, name string) {
	consequence := "replaces the transport of every client without its own"
	if name == "http.DefaultClient" {
		consequence = "replaces the client of http.Get, http.Post and every other user of it"
	}
	diag := analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf("assignment to %s outside package main (%s)", name, consequence)}
	if _, stmt := s.assignment(pos, pos); stmt != nil {
		diag.Pos, diag.End = stmt.Pos(), stmt.End()
	}
	s.rep.Report(diag, "")
}

// assignment returns the statement that assigns at pos and, as written,
// the left-hand side that holds at (the address stored to).
func (s *state) assignment(pos, at token.Pos) (string, ast.Stmt) {
	_, path := s.rep.Path(pos)
	for _, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs := n.Lhs[0]
			for _, e := range n.Lhs {
				if e.Pos() <= at && at < e.End() {
					lhs = e
				}
			}
			return types.ExprString(lhs), n
		case *ast.IncDecStmt:
			return types.ExprString(n.X), n
		case ast.Stmt, ast.Decl:
			return "a field", nil
		}
	}
	return "a field", nil
}

// readAt returns where src, a load of a default, reads it: the load, or
// the type assertion of it when the load has no position.
func (s *state) readAt(src ssa.Value) token.Pos {
	if src.Pos().IsValid() {
		return src.Pos()
	}
	for _, ref := range *src.Referrers() {
		if ta, ok := ref.(*ssa.TypeAssert); ok && httpapi.Transport.MatchesPtr(ta.AssertedType) {
			return ta.Pos()
		}
	}
	return token.NoPos
}
