package ssaflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/ssa"
)

// ConstInt returns the value of an integer constant (a time.Duration, say);
// the zero value of a type counts as 0. known is false for non-constants
// and for constants that do not fit in an int64.
func ConstInt(v ssa.Value) (n int64, known bool) {
	c, ok := v.(*ssa.Const)
	switch {
	case !ok:
		return 0, false
	case c.Value == nil:
		return 0, true
	}
	return IntValue(c.Value)
}

// ConstDuration is [ConstInt] for a time.Duration.
func ConstDuration(v ssa.Value) (d time.Duration, known bool) {
	n, known := ConstInt(v)
	return time.Duration(n), known
}

// IntValue returns the value of an integer constant as the type checker
// records it (types.TypeAndValue.Value, nil when not constant).
func IntValue(v constant.Value) (n int64, known bool) {
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// ConstBool returns the value of a boolean constant; the zero value counts
// as false.
func ConstBool(v ssa.Value) (b, known bool) {
	c, ok := v.(*ssa.Const)
	switch {
	case !ok:
		return false, false
	case c.Value == nil:
		return false, true
	case c.Value.Kind() != constant.Bool:
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// IsZeroConst reports whether v is the zero value of its type, as SSA
// writes it for an empty composite literal (T{}) or a nil pointer; a
// zero of a basic type (0, false, "") does not count. See [IsZero].
func IsZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// IsZero reports whether v is a constant equal to the zero value of its
// type: what [IsZeroConst] holds, or 0, false or "". A field set to it is
// as good as not set.
func IsZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	switch {
	case !ok:
		return false
	case c.Value == nil:
		return true
	}
	switch c.Value.Kind() {
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(c.Value) == 0
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	case constant.String:
		return constant.StringVal(c.Value) == ""
	}
	return false
}

// IsNil reports whether v is the constant nil (of a pointer, interface,
// slice, map, channel or function type).
func IsNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// SameConst reports whether x and y are constants of identical types and
// equal values (two calls with the same constant arguments, say).
func SameConst(x, y ssa.Value) bool {
	cx, ok1 := x.(*ssa.Const)
	cy, ok2 := y.(*ssa.Const)
	switch {
	case !ok1 || !ok2 || !types.Identical(cx.Type(), cy.Type()):
		return false
	case cx.Value == nil || cy.Value == nil:
		return cx.Value == nil && cy.Value == nil
	}
	return constant.Compare(cx.Value, token.EQL, cy.Value)
}

// StorePos returns the position of a store as the source writes it: the
// assignment, or for a composite-literal element (which has none) the
// field's address.
func StorePos(st *ssa.Store) token.Pos {
	if st.Pos().IsValid() {
		return st.Pos()
	}
	return st.Addr.Pos()
}

// ConstString returns the value of a string constant.
func ConstString(v ssa.Value) (s string, known bool) {
	c, ok := v.(*ssa.Const)
	if !ok {
		return "", false
	}
	return StringValue(c.Value)
}

// StringValue returns the value of a string constant as the type checker
// records it (types.TypeAndValue.Value, nil when not constant).
func StringValue(v constant.Value) (s string, known bool) {
	if v == nil || v.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v), true
}

// ConcatParts flattens a string concatenation (a + b + c) into its
// operands, left to right; any other value is its own one part.
func ConcatParts(v ssa.Value) []ssa.Value {
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		return append(ConcatParts(b.X), ConcatParts(b.Y)...)
	}
	return []ssa.Value{v}
}
