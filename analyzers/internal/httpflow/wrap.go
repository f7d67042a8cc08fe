package httpflow

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// OwnStruct returns the allocation of a struct of the package (a literal
// or new), and the field, if st stores into one of its fields.
func OwnStruct(st *ssa.Store) (*ssa.Alloc, *types.Var) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil, nil
	}
	a, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	tn := httpapi.NamedOf(a.Type())
	if tn == nil || tn.Pkg() != a.Parent().Pkg.Pkg {
		return nil, nil
	}
	return a, ssaflow.FieldOf(a.Type(), fa.Field)
}

// Forwarder returns the RoundTripper allocated in the package (a literal
// or new) into whose field f st stores its value, when that RoundTripper
// sends every request it is given through f to where the request was
// going: f is one of [httpapi.WrapFields] (oauth2.Transport's Base), or
// the struct is a RoundTripper of the package whose RoundTrip sends
// through f, and through no other RoundTripper, the request it is given
// or a Clone or WithContext of it, without pointing the copy at another
// URL (netboxlabs/diode's headerRoundTripper, which adds headers). The
// wrapper's requests are then the inner RoundTripper's. nil otherwise.
func Forwarder(x *ssaflow.Index, st *ssa.Store) (*ssa.Alloc, *types.Var) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || st.Val == nil {
		return nil, nil
	}
	a, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	f := ssaflow.FieldOf(a.Type(), fa.Field)
	for _, wf := range httpapi.WrapFields {
		if wf.Matches(a.Type(), f) {
			return a, f
		}
	}
	if own, _ := OwnStruct(st); own == nil || !forwards(x, httpapi.NamedOf(a.Type()), f) {
		return nil, nil
	}
	return a, f
}

// forwards reports whether the RoundTrip method that the package declares
// on tn sends the request it is given through field f only (see
// [Forwarder]).
func forwards(x *ssaflow.Index, tn *types.TypeName, f *types.Var) bool {
	fn := x.DeclaredMethod(tn, httpapi.RoundTripperRoundTrip.Name)
	if fn == nil || !httpapi.IsRoundTrip(fn.Object().(*types.Func)) || len(fn.Params) != 2 {
		return false
	}
	recv, req := fn.Params[0], fn.Params[1]
	through := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := call.Common()
			if !httpapi.IsRoundTrip(callee.Func(common)) {
				continue
			}
			inner, sent := common.Value, common.Args
			if !common.IsInvoke() {
				inner, sent = sent[0], sent[1:]
			}
			if len(sent) != 1 || loadedField(recv, inner) != f || !given(x, sent[0], req) {
				return false
			}
			through = true
		}
	}
	return through
}

// loadedField returns the field of recv that v is loaded from, if it is.
func loadedField(recv, v ssa.Value) *types.Var {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL && fa.X == recv {
			return ssaflow.FieldOf(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		if v.X == recv {
			return ssaflow.FieldOf(v.X.Type(), v.Field)
		}
	}
	return nil
}

// given reports whether v is req, or a copy of it made by Clone or
// WithContext (see [Derived]), and neither is pointed at another URL.
func given(x *ssaflow.Index, v, req ssa.Value) bool {
	for {
		if URLRewritten(x, v) {
			return false
		}
		if v == req {
			return true
		}
		from := Derived(v)
		if len(from) != 1 {
			return false
		}
		v = from[0]
	}
}

// URLRewritten reports whether the package points request req elsewhere
// after building it: it stores into req.URL, or into req.URL.Host or
// Scheme.
func URLRewritten(x *ssaflow.Index, req ssa.Value) bool {
	for _, ref := range x.Referrers(req) {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != req || !httpapi.RequestURL.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
			continue
		}
		for _, use := range *fa.Referrers() {
			switch use := use.(type) {
			case *ssa.Store:
				return true
			case *ssa.UnOp:
				if hostWritten(use) {
					return true
				}
			default:
				return true
			}
		}
	}
	return false
}

// hostWritten reports whether the URL loaded by load has its Host or
// Scheme written, or their address taken.
func hostWritten(load *ssa.UnOp) bool {
	for _, u := range *load.Referrers() {
		inner, ok := u.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		f := ssaflow.FieldOf(inner.X.Type(), inner.Field)
		if !httpapi.URLHost.Matches(inner.X.Type(), f) && !httpapi.URLScheme.Matches(inner.X.Type(), f) {
			continue
		}
		for _, w := range *inner.Referrers() {
			if l, ok := w.(*ssa.UnOp); !ok || l.Op != token.MUL {
				return true
			}
		}
	}
	return false
}
