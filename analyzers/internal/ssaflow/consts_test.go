package ssaflow_test

import (
	"go/constant"
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

func TestConsts(t *testing.T) {
	t.Parallel()
	intc := ssa.NewConst(constant.MakeInt64(7), types.Typ[types.Int])
	boolc := ssa.NewConst(constant.MakeBool(true), types.Typ[types.Bool])
	zero := ssa.NewConst(nil, types.NewStruct(nil, nil))
	if n, ok := ssaflow.ConstInt(intc); n != 7 || !ok {
		t.Errorf("ConstInt(7) = %d, %v", n, ok)
	}
	if n, ok := ssaflow.ConstInt(zero); n != 0 || !ok {
		t.Errorf("ConstInt(zero) = %d, %v", n, ok)
	}
	if _, ok := ssaflow.ConstInt(boolc); ok {
		t.Error("ConstInt(true) is known")
	}
	if b, ok := ssaflow.ConstBool(boolc); !b || !ok {
		t.Errorf("ConstBool(true) = %v, %v", b, ok)
	}
	if _, ok := ssaflow.ConstBool(intc); ok {
		t.Error("ConstBool(7) is known")
	}
	if !ssaflow.IsZeroConst(zero) || ssaflow.IsZeroConst(intc) {
		t.Error("IsZeroConst wrong")
	}
	if _, ok := ssaflow.ConstInt(&ssa.Parameter{}); ok {
		t.Error("ConstInt(parameter) is known")
	}
	strc := ssa.NewConst(constant.MakeString("close"), types.Typ[types.String])
	if s, ok := ssaflow.ConstString(strc); s != "close" || !ok {
		t.Errorf("ConstString(close) = %q, %v", s, ok)
	}
	if _, ok := ssaflow.ConstString(intc); ok {
		t.Error("ConstString(7) is known")
	}
	if _, ok := ssaflow.ConstString(zero); ok {
		t.Error("ConstString(zero struct) is known")
	}
}
