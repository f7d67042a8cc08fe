package ssaflow_test

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

func known[T any](v T, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprint(v)
}

var (
	intType   = types.Typ[types.Int]
	intPtr    = types.NewPointer(intType)
	emptyType = types.NewStruct(nil, nil)
	big       = constant.Shift(constant.MakeInt64(1), token.SHL, 70) // does not fit in an int64
)

// Each row is one value; the columns are what each reader makes of it
// ("-" when the reader does not know it).
var constCases = []struct {
	name                     string
	v                        ssa.Value
	i, d, b, s               string // ConstInt, ConstDuration, ConstBool, ConstString
	zeroConst, zero, nilness bool   // IsZeroConst, IsZero, IsNil
}{
	{"int 7", ssa.NewConst(constant.MakeInt64(7), intType), "7", "7ns", "-", "-", false, false, false},
	{"int 0", ssa.NewConst(constant.MakeInt64(0), intType), "0", "0s", "-", "-", false, true, false},
	{"zero int from nil", ssa.NewConst(nil, intType), "0", "0s", "-", "-", false, true, false},
	{"int too big", ssa.NewConst(big, types.Typ[types.Uint64]), "-", "-", "-", "-", false, false, false},
	{"true", ssa.NewConst(constant.MakeBool(true), types.Typ[types.Bool]), "-", "-", "true", "-", false, false, false},
	{"false", ssa.NewConst(constant.MakeBool(false), types.Typ[types.Bool]), "-", "-", "false", "-", false, true, false},
	{"string", ssa.NewConst(constant.MakeString("close"), types.Typ[types.String]), "-", "-", "-", "close", false, false, false},
	{"empty string", ssa.NewConst(constant.MakeString(""), types.Typ[types.String]), "-", "-", "-", "", false, true, false},
	{"float 0", ssa.NewConst(constant.MakeFloat64(0), types.Typ[types.Float64]), "-", "-", "-", "-", false, true, false},
	{"float 1.5", ssa.NewConst(constant.MakeFloat64(1.5), types.Typ[types.Float64]), "-", "-", "-", "-", false, false, false},
	{"empty struct", ssa.NewConst(nil, emptyType), "0", "0s", "false", "-", true, true, false},
	{"nil pointer", ssa.NewConst(nil, intPtr), "0", "0s", "false", "-", true, true, true},
	{"parameter", &ssa.Parameter{}, "-", "-", "-", "-", false, false, false},
}

func TestConsts(t *testing.T) {
	t.Parallel()
	for _, tc := range constCases {
		got := []any{
			known(ssaflow.ConstInt(tc.v)), known(ssaflow.ConstDuration(tc.v)),
			known(ssaflow.ConstBool(tc.v)), known(ssaflow.ConstString(tc.v)),
			ssaflow.IsZeroConst(tc.v), ssaflow.IsZero(tc.v), ssaflow.IsNil(tc.v),
		}
		want := []any{tc.i, tc.d, tc.b, tc.s, tc.zeroConst, tc.zero, tc.nilness}
		if g, w := fmt.Sprint(got...), fmt.Sprint(want...); g != w {
			t.Errorf("%s: ConstInt, ConstDuration, ConstBool, ConstString, IsZeroConst, IsZero, IsNil = %s, want %s", tc.name, g, w)
		}
	}
}

func TestValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		v    constant.Value
		i, s string // IntValue, StringValue
	}{
		{"not constant", nil, "-", "-"},
		{"int", constant.MakeInt64(-3), "-3", "-"},
		{"int too big", big, "-", "-"},
		{"string", constant.MakeString("keep-alive"), "-", "keep-alive"},
		{"bool", constant.MakeBool(true), "-", "-"},
	} {
		if got := known(ssaflow.IntValue(tc.v)); got != tc.i {
			t.Errorf("IntValue(%s) = %s, want %s", tc.name, got, tc.i)
		}
		if got := known(ssaflow.StringValue(tc.v)); got != tc.s {
			t.Errorf("StringValue(%s) = %s, want %s", tc.name, got, tc.s)
		}
	}
}

func TestSameConst(t *testing.T) {
	t.Parallel()
	named := types.NewNamed(types.NewTypeName(0, nil, "N", nil), intType, nil)
	one := func(typ types.Type) ssa.Value { return ssa.NewConst(constant.MakeInt64(1), typ) }
	for _, tc := range []struct {
		name string
		x, y ssa.Value
		want bool
	}{
		{"equal ints", one(intType), one(intType), true},
		{"different ints", one(intType), ssa.NewConst(constant.MakeInt64(2), intType), false},
		{"different types", one(intType), one(named), false},
		{"two nil pointers", ssa.NewConst(nil, intPtr), ssa.NewConst(nil, intPtr), true},
		{"a parameter", one(intType), &ssa.Parameter{}, false},
	} {
		if got := ssaflow.SameConst(tc.x, tc.y); got != tc.want {
			t.Errorf("SameConst(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
