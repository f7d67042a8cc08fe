package dialkeepalive

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// idleOrigin returns the name, in the syntax of the stored value or in its
// SSA origin, that says the value is an HTTP idle timeout: an identifier,
// field, package variable or configuration key naming "idle" (but not a
// TCP keep-alive idle time such as KeepAliveIdle).
func (s *state) idleOrigin(set setting) string {
	st := set.instr.(*ssa.Store)
	if name := idleInSyntax(s.rep, st); name != "" {
		return name
	}
	for _, src := range s.back.Sources(st.Val).Sources {
		if name := idleInSSA(src.Value); name != "" {
			return name
		}
	}
	return ""
}

func idleInSyntax(rep *report.Reporter, st *ssa.Store) string {
	pos := st.Pos()
	if !pos.IsValid() {
		return ""
	}
	_, path := rep.Path(pos)
	var value ast.Expr
	for _, n := range path {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			value = kv.Value
			break
		}
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if lhs.Pos() <= pos && pos <= lhs.End() || len(as.Lhs) == 1 {
					value = as.Rhs[i]
				}
			}
			break
		}
	}
	if value == nil {
		return ""
	}
	found := ""
	ast.Inspect(value, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if idleName(n.Name) {
				found = n.Name
			}
		case *ast.BasicLit:
			if s, err := strconv.Unquote(n.Value); n.Kind == token.STRING && err == nil && idleName(s) {
				found = n.Value
			}
		}
		return true
	})
	return found
}

// idleInSSA returns the name of a field, package variable, function or
// configuration key named like an idle timeout that a source of a stored
// value reads or calls.
func idleInSSA(v ssa.Value) string {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	switch v := v.(type) {
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(v.X.Type(), v.Field); f != nil && idleName(f.Name()) {
			return f.Name()
		}
	case *ssa.Field:
		if f := ssaflow.FieldOf(v.X.Type(), v.Field); f != nil && idleName(f.Name()) {
			return f.Name()
		}
	case *ssa.Global:
		if idleName(v.Name()) {
			return v.Name()
		}
	case *ssa.Call:
		if fn := callee.Func(&v.Call); fn != nil && idleName(fn.Name()) {
			return fn.Name()
		}
		for _, arg := range v.Call.Args {
			if key, ok := ssaflow.ConstString(arg); ok && idleName(key) {
				return strconv.Quote(key)
			}
		}
	}
	return ""
}

// isCall reports whether v is a call's result: its name says what it is,
// so the walk back ends there.
func isCall(v ssa.Value) bool {
	_, ok := v.(*ssa.Call)
	return ok
}

// operands returns what arithmetic and conversions compute v from: an
// idle timeout scaled or converted is still one. The walk back reads the
// last operand first, so X comes last: its name is the one reported.
func operands(v ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.BinOp:
		return []ssa.Value{v.Y, v.X}
	case *ssa.Convert:
		return []ssa.Value{v.X}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return []ssa.Value{v.X}
		}
	}
	return nil
}

// idleName reports whether a name says "HTTP idle timeout": it mentions
// idle, and neither keep-alive nor TCP (TCPKeepAliveIdle is the TCP
// setting, correctly named).
func idleName(name string) bool {
	n := strings.ToLower(name)
	n = strings.NewReplacer("_", "", "-", "", ".", "", " ", "").Replace(n)
	return strings.Contains(n, "idle") && !strings.Contains(n, "keepalive") && !strings.Contains(n, "tcp")
}
