package httpflow

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// IsLoadOf reports whether v reads the standard-library variable want
// (http.DefaultTransport, http.NoBody, ...).
func IsLoadOf(v ssa.Value, want httpapi.Var) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok {
		return false
	}
	obj, _ := g.Object().(*types.Var)
	return want.Matches(obj)
}
