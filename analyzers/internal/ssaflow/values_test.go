package ssaflow_test

import (
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
)

func TestIsText(t *testing.T) {
	t.Parallel()
	named := types.NewNamed(types.NewTypeName(0, nil, "Name", nil), types.Typ[types.String], nil)
	for _, c := range []struct {
		t            types.Type
		text, string bool
	}{
		{types.Typ[types.String], true, true},
		{types.Typ[types.UntypedString], true, true},
		{named, true, true},
		{types.NewSlice(types.Typ[types.Byte]), true, false},
		{types.NewSlice(types.Typ[types.Rune]), false, false},
		{types.Typ[types.Uintptr], false, false},
	} {
		if got := ssaflow.IsText(c.t); got != c.text {
			t.Errorf("IsText(%v) = %v", c.t, got)
		}
		if got := ssaflow.IsString(c.t); got != c.string {
			t.Errorf("IsString(%v) = %v", c.t, got)
		}
	}
}
