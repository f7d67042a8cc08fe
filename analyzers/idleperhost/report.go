package idleperhost

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

const churn = "connections beyond 2 are closed after each burst: TIME_WAIT churn"

// reportTransport reports a transport at its construction.
func (s *state) reportTransport(root ssa.Value, p *pool, t target) {
	_, path := s.rep.Path(rootPos(root))
	if len(path) == 0 {
		return
	}
	var node ast.Node = path[0]
	var lit *ast.CompositeLit
	var call *ast.CallExpr
	for i, n := range path {
		if l, ok := n.(*ast.CompositeLit); ok {
			lit, node = l, l
			if i+1 < len(path) {
				if u, ok := path[i+1].(*ast.UnaryExpr); ok && u.Op == token.AND {
					node = u
				}
			}
			break
		}
		if c, ok := n.(*ast.CallExpr); ok {
			call, node = c, c
			break
		}
	}
	where := "every request goes to " + t.String()
	if t.burst {
		where = t.name + " send to one host at once"
	}
	what := "http.Transport"
	if p.made != nil && call != nil {
		what = "the http.Transport that " + types.ExprString(call.Fun) + " returns"
		if p.made.Client {
			what = "the http.Client that " + types.ExprString(call.Fun) + " returns"
		}
	}
	msg := fmt.Sprintf("%s keeps 2 idle connections per host but %s (%s)", what, where, churn)
	switch r := raised(p); {
	case !t.known(): // see connsRaised
		msg = fmt.Sprintf("%s sets MaxConnsPerHost %s but keeps 2 idle connections per host (%s)", what, s.connsRaised(p), churn)
	case r != "":
		msg = fmt.Sprintf("%s sets %s but keeps 2 idle connections per host, and %s (%s)", what, r, where, churn)
	}
	diag := analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msg}
	var sites []analysis.RelatedInformation
	for _, sk := range p.sinks {
		site := analysis.RelatedInformation{Pos: sk.call.Pos(), Message: "request sent here"}
		if sk.kind == kindProxy {
			site.Message = "reverse proxy made here"
		}
		if site.Pos.IsValid() && !slices.Contains(sites, site) {
			sites = append(sites, site)
		}
	}
	slices.SortFunc(sites, func(a, b analysis.RelatedInformation) int { return cmp.Compare(a.Pos, b.Pos) })
	diag.Related = append(diag.Related, sites...)
	var fix analysis.SuggestedFix
	var ok bool
	switch {
	case lit != nil:
		fix, ok = s.literalFix(lit, p)
	case call != nil && httpapi.Transport.MatchesPtr(root.Type()):
		fix, ok = s.assignFix(path, call, p)
	}
	if ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	s.rep.Report(diag, "")
}

// rootPos is the position of the construction at root: a call's for
// one of its results.
func rootPos(root ssa.Value) token.Pos {
	if ex, ok := root.(*ssa.Extract); ok {
		return ex.Tuple.Pos()
	}
	return root.Pos()
}

// reportDefault reports a request call that concurrent code sends through
// the default transport.
func (s *state) reportDefault(sk sink, t target, start ssa.Instruction) {
	_, path := s.rep.Path(sk.call.Pos())
	if len(path) == 0 {
		return
	}
	var call *ast.CallExpr
	switch n := path[0].(type) {
	case *ast.GoStmt: // the position of a go statement is its keyword
		call = n.Call
	default:
		i := slices.IndexFunc(path, func(n ast.Node) bool { _, ok := n.(*ast.CallExpr); return ok })
		if i < 0 {
			return
		}
		call = path[i].(*ast.CallExpr)
	}
	what, to := types.ExprString(call.Fun)+" sends", t.String()
	if sk.kind == kindProxy {
		what = "the reverse proxy made by " + types.ExprString(call.Fun) + " forwards"
		to = "the host of " + types.ExprString(call.Args[0])
	}
	diag := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s concurrent requests to %s through http.DefaultTransport, which keeps 2 idle connections per host (%s)",
			what, to, churn),
	}
	if pos := start.Pos(); pos.IsValid() && start != sk.call {
		diag.Related = []analysis.RelatedInformation{{Pos: pos, Message: "goroutines started here in a loop"}}
	}
	s.rep.Report(diag, "")
}

// fixValue is the MaxIdleConnsPerHost the fix sets: the transport's own
// constant MaxIdleConns when it is above 2, else the configured default.
func (s *state) fixValue(lit *ast.CompositeLit, p *pool) string {
	if lit != nil {
		if kv := element(lit, httpapi.TransportMaxIdleConns.Name); kv != nil {
			if n, ok := ssaflow.IntValue(s.pass.TypesInfo.Types[kv.Value].Value); ok && n > 2 {
				return types.ExprString(kv.Value)
			}
		}
	}
	if p.maxIdle != nil {
		if n, ok := ssaflow.ConstInt(p.maxIdle.Val); ok && n > 2 {
			return strconv.FormatInt(n, 10)
		}
	}
	return strconv.Itoa(s.opts.MaxIdlePerHost)
}

func element(lit *ast.CompositeLit, name string) *ast.KeyValueExpr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv
			}
		}
	}
	return nil
}

// literalFix adds MaxIdleConnsPerHost to a transport literal (after
// MaxIdleConns when present), or replaces an explicit zero.
func (s *state) literalFix(lit *ast.CompositeLit, p *pool) (analysis.SuggestedFix, bool) {
	value := s.fixValue(lit, p)
	field := httpapi.TransportMaxIdleConnsPerHost.Name
	fix := func(e analysis.TextEdit) (analysis.SuggestedFix, bool) {
		return analysis.SuggestedFix{Message: "Set " + field + " to " + value, TextEdits: []analysis.TextEdit{e}}, true
	}
	if kv := element(lit, field); kv != nil {
		return fix(analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)})
	}
	if len(lit.Elts) == 0 {
		return fix(analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Rbrace, NewText: []byte(field + ": " + value)})
	}
	if _, ok := lit.Elts[0].(*ast.KeyValueExpr); !ok {
		return analysis.SuggestedFix{}, false // positional fields
	}
	anchor := ast.Node(lit.Elts[len(lit.Elts)-1])
	if kv := element(lit, httpapi.TransportMaxIdleConns.Name); kv != nil {
		anchor = kv
	}
	tf := s.pass.Fset.File(lit.Pos())
	endLine := tf.Line(anchor.End())
	if tf.Line(lit.Rbrace) == endLine {
		return fix(analysis.TextEdit{Pos: anchor.End(), End: anchor.End(), NewText: []byte(", " + field + ": " + value)})
	}
	indent, ok := s.indent(tf, anchor.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	next := tf.LineStart(endLine + 1)
	return fix(analysis.TextEdit{Pos: next, End: next, NewText: []byte(indent + field + ": " + value + ",\n")})
}

// assignFix sets MaxIdleConnsPerHost in a statement after `t := <call>`
// (a clone of DefaultTransport or new(http.Transport)).
func (s *state) assignFix(path []ast.Node, call *ast.CallExpr, p *pool) (analysis.SuggestedFix, bool) {
	i := slices.Index(path, ast.Node(call))
	if i < 0 || i+2 >= len(path) {
		return analysis.SuggestedFix{}, false
	}
	as, ok := path[i+1].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return analysis.SuggestedFix{}, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return analysis.SuggestedFix{}, false
	}
	switch path[i+2].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return analysis.SuggestedFix{}, false
	}
	tf := s.pass.Fset.File(as.Pos())
	indent, ok := s.indent(tf, as.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	value := s.fixValue(nil, p)
	field := httpapi.TransportMaxIdleConnsPerHost.Name
	// On the next line, after any comment that ends the statement's line.
	line := tf.Line(as.End())
	if line == tf.LineCount() {
		return analysis.SuggestedFix{}, false
	}
	next := tf.LineStart(line + 1)
	text := indent + id.Name + "." + field + " = " + value + "\n"
	return analysis.SuggestedFix{
		Message:   "Set " + field + " to " + value,
		TextEdits: []analysis.TextEdit{{Pos: next, End: next, NewText: []byte(text)}},
	}, true
}

// indent returns the white space that starts the line of pos.
func (s *state) indent(tf *token.File, pos token.Pos) (string, bool) {
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	return astfix.Indent(tf, src, pos), true
}

// raised describes a transport setting that raises the pool above 2 but
// not per host, e.g. "MaxIdleConns to 100".
func raised(p *pool) string {
	for _, c := range []struct {
		st   *ssa.Store
		name string
	}{{p.maxIdle, "MaxIdleConns"}, {p.maxConns, "MaxConnsPerHost"}} {
		if c.st == nil {
			continue
		}
		n, ok := ssaflow.ConstInt(c.st.Val)
		switch {
		case !ok:
			return c.name
		case n > 2:
			return c.name + " to " + strconv.FormatInt(n, 10)
		}
	}
	if p.made != nil {
		return p.made.Raised
	}
	return ""
}
