package astfix

import (
	"fmt"
	"go/ast"
	"go/token"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Duration writes d as a Go expression in the largest exact unit, with the
// time package named timeName.
func Duration(d time.Duration, timeName string) string {
	units := []struct {
		d    time.Duration
		name string
	}{
		{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"},
	}
	for _, u := range units {
		if d%u.d == 0 {
			if d == u.d {
				return timeName + "." + u.name
			}
			return fmt.Sprintf("%d * %s.%s", d/u.d, timeName, u.name)
		}
	}
	return fmt.Sprintf("%d * %s.Nanosecond", d, timeName)
}

// SetField returns the edit that makes the keyed literal lit set key to
// value: it replaces the value of an existing key: element, or adds the
// element (on its own line, indented like the last element, when the
// literal spans lines). src is the content of the file holding lit and tf
// its token.File. It fails for literals without keys.
func SetField(tf *token.File, src []byte, lit *ast.CompositeLit, key, value string) (analysis.TextEdit, bool) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return analysis.TextEdit{}, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
			return analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)}, true
		}
	}
	elt := key + ": " + value
	if len(lit.Elts) == 0 {
		return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(elt)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	if tf.Line(last.End()) == tf.Line(lit.Rbrace) {
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + elt)}, true
	}
	at := tf.LineStart(tf.Line(lit.Rbrace))
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(Indent(tf, src, last.Pos()) + elt + ",\n")}, true
}

// Indent returns the white space that starts the line of pos, in src, the
// content of tf: what a line inserted next to it is indented with.
func Indent(tf *token.File, src []byte, pos token.Pos) string {
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == '\t' || src[end] == ' ') {
		end++
	}
	return string(src[start:end])
}
