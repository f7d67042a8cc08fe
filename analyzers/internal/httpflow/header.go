// Package httpflow recognises net/http shapes in SSA value flow: writes to
// a request's header, transports that dial only in memory. It joins the
// generic value flow of [ssaflow], which knows nothing of HTTP, to the
// standard-library table of [httpapi].
package httpflow

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A HeaderWrite is a write to a request's Header: a call of Header.Set or
// Header.Add, or a store into the map (req.Header[key] = values).
type HeaderWrite struct {
	Instr ssa.Instruction
	Key   ssa.Value
	Value ssa.Value // a string for Set and Add, a []string for a map store
}

// HeaderWrites returns the writes to the Header field of req, an
// *http.Request, made directly through req (not through copies of the
// Header map).
func HeaderWrites(req ssa.Value) []HeaderWrite {
	refs := req.Referrers()
	if refs == nil {
		return nil
	}
	var out []HeaderWrite
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != req || !httpapi.RequestHeader.Matches(req.Type(), ssaflow.FieldOf(req.Type(), fa.Field)) {
			continue
		}
		for _, use := range *fa.Referrers() {
			load, ok := use.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || load.Referrers() == nil {
				continue
			}
			for _, u := range *load.Referrers() {
				switch u := u.(type) {
				case *ssa.MapUpdate:
					if u.Map == load {
						out = append(out, HeaderWrite{Instr: u, Key: u.Key, Value: u.Value})
					}
				case ssa.CallInstruction:
					c := u.Common()
					fn := callee.Func(c)
					if (httpapi.HeaderSet.Matches(fn) || httpapi.HeaderAdd.Matches(fn)) && !c.IsInvoke() &&
						len(c.Args) == 3 && c.Args[0] == load {
						out = append(out, HeaderWrite{Instr: u, Key: c.Args[1], Value: c.Args[2]})
					}
				}
			}
		}
	}
	return out
}
