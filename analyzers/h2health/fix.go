package h2health

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/analysis"
)

// literalFix sets key in lit to the value that format makes from the
// health-check interval (%[1]s) and the name of net/http (%[2]s).
func (s *state) literalFix(lit *ast.CompositeLit, key, format string) *analysis.SuggestedFix {
	file := astfix.File(s.pass, lit.Pos())
	names, edits, ok := s.imports(file, lit.Pos())
	if !ok {
		return nil
	}
	tf := s.pass.Fset.File(lit.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	value := fmt.Sprintf(format, names.interval, names.http)
	edit, ok := astfix.SetField(tf, src, lit, key, value)
	if !ok {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Set " + key + ": " + value, TextEdits: append(edits, edit)}
}

// readIdleFix sets ReadIdleTimeout on the transport that
// t2, err := http2.ConfigureTransports(t) returns, after the error check
// that follows it (before it, t2 may be nil).
func (s *state) readIdleFix(call *ast.CallExpr, path []ast.Node) *analysis.SuggestedFix {
	if len(path) < 2 {
		return nil
	}
	as, ok := path[0].(*ast.AssignStmt)
	block, _ := path[1].(*ast.BlockStmt)
	if !ok || block == nil || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil
	}
	t2, _ := as.Lhs[0].(*ast.Ident)
	errID, _ := as.Lhs[1].(*ast.Ident)
	if t2 == nil || errID == nil || t2.Name == "_" || errID.Name == "_" {
		return nil
	}
	check := nextStmt(block, as)
	if check == nil || !returnsOnError(check, errID.Name) {
		return nil
	}
	file := astfix.File(s.pass, call.Pos())
	names, edits, ok := s.imports(file, check.End())
	if !ok {
		return nil
	}
	indent, ok := s.indent(as.Pos())
	if !ok {
		return nil
	}
	text := "\n" + indent + t2.Name + ".ReadIdleTimeout = " + names.interval
	edits = append(edits, analysis.TextEdit{Pos: check.End(), End: check.End(), NewText: []byte(text)})
	return &analysis.SuggestedFix{Message: "Set ReadIdleTimeout: " + names.interval, TextEdits: edits}
}

// protocolsFix replaces the statement http2.ConfigureTransport(t) with
// net/http's own HTTP/2 (Go 1.24 or later) and a health check.
func (s *state) protocolsFix(call *ast.CallExpr, path []ast.Node) *analysis.SuggestedFix {
	if len(path) == 0 || len(call.Args) != 1 {
		return nil
	}
	stmt, ok := path[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	file := astfix.File(s.pass, call.Pos())
	if v := s.pass.TypesInfo.FileVersions[file]; v != "" && version.Compare(v, "go1.24") < 0 {
		return nil // no Transport.Protocols before Go 1.24
	}
	t := s.operand(call.Args[0])
	names, edits, ok := s.imports(file, stmt.Pos())
	indent, indented := s.indent(stmt.Pos())
	if t == "" || !ok || !indented || !names.httpImported {
		return nil
	}
	text := strings.Join([]string{
		t + ".Protocols = new(" + names.http + ".Protocols)",
		t + ".Protocols.SetHTTP1(true)",
		t + ".Protocols.SetHTTP2(true)",
		t + ".HTTP2 = &" + names.http + ".HTTP2Config{SendPingTimeout: " + names.interval + "}",
	}, "\n"+indent)
	edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	if edit, ok := s.dropImport(file, httpapi.XNetHTTP2); ok {
		edits = append(edits, edit)
	}
	return &analysis.SuggestedFix{Message: "Use Transport.Protocols and HTTP2 with SendPingTimeout: " + names.interval, TextEdits: edits}
}

// fixNames are the names a fix writes: the interval as a Go expression
// and the name under which the file imports net/http.
type fixNames struct {
	interval, http string
	httpImported   bool
}

// imports returns the names a fix in file writes at pos, and the edits
// that import package time when the file has no usable import of it.
func (s *state) imports(file *ast.File, pos token.Pos) (fixNames, []analysis.TextEdit, bool) {
	if file == nil {
		return fixNames{}, nil, false
	}
	timeName, edits, ok := astfix.Import(s.pass, file, pos, "time", "time")
	if !ok {
		return fixNames{}, nil, false
	}
	httpName, httpEdits, ok := astfix.Import(s.pass, file, pos, httpapi.NetHTTP, "http")
	if !ok {
		return fixNames{}, nil, false
	}
	names := fixNames{interval: astfix.Duration(s.opts.SendPingTimeout, timeName), http: httpName, httpImported: len(httpEdits) == 0}
	return names, edits, true
}

// operand returns the source of the transport expression e when a fix may
// repeat it: a variable or a chain of field selections, or the address of
// one.
func (s *state) operand(e ast.Expr) string {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	for x := e; ; {
		switch v := x.(type) {
		case *ast.Ident:
			if _, ok := s.pass.TypesInfo.Uses[v].(*types.Var); !ok {
				return ""
			}
			return types.ExprString(e)
		case *ast.SelectorExpr:
			if sel := s.pass.TypesInfo.Selections[v]; sel == nil || sel.Kind() != types.FieldVal {
				return ""
			}
			x = v.X
		default:
			return ""
		}
	}
}

// indent returns the white space that starts the line of pos.
func (s *state) indent(pos token.Pos) (string, bool) {
	tf := s.pass.Fset.File(pos)
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	return astfix.Indent(tf, src, pos), true
}

// nextStmt returns the statement after stmt in block, or nil.
func nextStmt(block *ast.BlockStmt, stmt ast.Stmt) ast.Stmt {
	for i, st := range block.List {
		if st == stmt && i+1 < len(block.List) {
			return block.List[i+1]
		}
	}
	return nil
}

// returnsOnError reports whether stmt is if err != nil { ...; return }.
func returnsOnError(stmt ast.Stmt, errName string) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	cond, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, _ := cond.X.(*ast.Ident)
	y, _ := cond.Y.(*ast.Ident)
	if x == nil || y == nil || x.Name != errName || y.Name != "nil" {
		return false
	}
	_, returns := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	return returns
}

// dropImport returns the edit that removes file's import of path when the
// file names that package once only (in the statement the fix replaces).
func (s *state) dropImport(file *ast.File, path string) (analysis.TextEdit, bool) {
	uses := 0
	for id, obj := range s.pass.TypesInfo.Uses {
		if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == path && file.FileStart <= id.Pos() && id.Pos() <= file.FileEnd {
			uses++
		}
	}
	if uses != 1 {
		return analysis.TextEdit{}, false
	}
	tf := s.pass.Fset.File(file.Pos())
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if is.Path.Value != `"`+path+`"` {
				continue
			}
			var n ast.Node = gd
			if gd.Lparen.IsValid() && len(gd.Specs) > 1 {
				n = is
			}
			last := tf.Line(n.End())
			if last >= tf.LineCount() {
				return analysis.TextEdit{}, false
			}
			return analysis.TextEdit{Pos: tf.LineStart(tf.Line(n.Pos())), End: tf.LineStart(last + 1)}, true
		}
	}
	return analysis.TextEdit{}, false
}
