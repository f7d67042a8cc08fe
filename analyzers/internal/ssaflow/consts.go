package ssaflow

import (
	"go/constant"
	"go/token"

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
	case c.Value.Kind() != constant.Int:
		return 0, false
	}
	return constant.Int64Val(c.Value)
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
// writes it for an empty composite literal (T{}).
func IsZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
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
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}
