package keepalivesoff

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// removal deletes n: the lines it stands alone on (with a trailing line
// comment), or, for an element of a one-line composite literal, the element
// and its separator.
func (s *state) removal(path []ast.Node, n ast.Node) (analysis.TextEdit, bool) {
	tf := s.pass.Fset.File(n.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	lineStart := tf.Offset(tf.LineStart(tf.Line(n.Pos())))
	lineEnd := end
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
	before := strings.TrimSpace(string(src[lineStart:start]))
	after := strings.TrimSpace(string(src[end:lineEnd]))
	if _, ok := n.(*ast.KeyValueExpr); ok {
		after = strings.TrimSpace(strings.TrimPrefix(after, ","))
	}
	if strings.HasPrefix(after, "//") {
		after = "" // a line comment about the removed line goes with it
	}
	if before == "" && after == "" && lineEnd < len(src) {
		return analysis.TextEdit{Pos: tf.Pos(lineStart), End: tf.Pos(lineEnd + 1)}, true
	}
	kv, ok := n.(*ast.KeyValueExpr)
	if !ok {
		return analysis.TextEdit{}, false
	}
	for _, parent := range path {
		lit, ok := parent.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for i, elt := range lit.Elts {
			if elt != kv {
				continue
			}
			switch {
			case i+1 < len(lit.Elts):
				return analysis.TextEdit{Pos: kv.Pos(), End: lit.Elts[i+1].Pos()}, true
			case i > 0:
				return analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: kv.End()}, true
			default:
				return analysis.TextEdit{Pos: kv.Pos(), End: kv.End()}, true
			}
		}
		break
	}
	return analysis.TextEdit{}, false
}
