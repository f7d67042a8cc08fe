package transportreuse

import (
	"go/types"
	"maps"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A use is what the package does with a root.
type use struct {
	values   []ssa.Value
	requests []ssa.CallInstruction
	returns  []ssaflow.HandOff
	// invokes are the interface method calls on it that run a method of
	// the package: its one concrete type is the package's (see [state.receiver]).
	invokes []ssa.CallInstruction
	kept    bool // stored or handed to code the package cannot see
	// stored are its stores into memory that outlives the call (see
	// [outliving]): kept too, unless each call replaces what the last left.
	stored   []*ssa.Store
	closed   bool                // CloseIdleConnections is called
	disabled bool                // DisableKeepAlives set to true or to an unknown value
	enabled  bool                // DisableKeepAlives set to false
	config   []configField       // DisableKeepAlives set from fields that nothing here sets (see [state.unsetField])
	idle     bool                // IdleConnTimeout set to something other than 0
	replaced bool                // a client holding it is given another transport
	held     map[*types.Var]bool // fields of the package's structs that hold it
	// again: a request may follow another's success in one call, and
	// reuse its connection (see [state.oneAfterAnother]).
	again bool
	off   bool // keep-alives are (or may be) off
}

// closers close a client's or transport's idle connections.
var closers = httpapi.Callees{httpapi.ClientCloseIdleConnections, httpapi.TransportCloseIdleConnections}

// follow traces a root, and the clients, proxies and structs that hold
// it, through the package.
func (s *state) follow(r root) *use {
	if u, ok := s.uses[r.value]; ok {
		return u
	}
	vals := []ssa.Value{r.value}
	held := maps.Clone(r.held) // fields of the package's structs that hold it
	if held == nil {
		held = make(map[*types.Var]bool)
	}
	for {
		flow := s.tracer.Trace(vals...)
		u := &use{values: flow.Values}
		grown := false
		add := func(v ssa.Value) {
			if !slices.Contains(vals, v) {
				vals = append(vals, v)
				grown = true
			}
		}
		for _, h := range flow.HandOffs {
			switch h.Kind {
			case ssaflow.Store:
				if c, f := holder(s.x, h); c != nil {
					add(c)
					if f != nil {
						held[f] = true
					}
					continue
				}
				if loads, ok := localField(h); ok {
					for _, l := range loads {
						add(l)
					}
					continue
				}
				if st := outliving(h); st != nil {
					u.stored = append(u.stored, st)
					continue
				}
				u.kept = true
			case ssaflow.Return:
				if results := s.passedBack(h, r, flow.Values); results != nil {
					for _, v := range results {
						add(v)
					}
					continue
				}
				u.returns = append(u.returns, h)
			case ssaflow.Call:
				fn := callee.Func(h.Instr.(ssa.CallInstruction).Common())
				if c := passedOn(h, fn); c != nil {
					add(c)
					continue
				}
				if w := wrapped(h, fn); w != nil {
					add(w)
					continue
				}
				if recv := s.receiver(h); recv != nil {
					u.invokes = append(u.invokes, h.Instr.(ssa.CallInstruction))
					add(recv)
					continue
				}
				s.call(u, h)
			default:
				u.kept = true
			}
		}
		for _, v := range flow.Values {
			loads, ok := heldLoads(v, held)
			u.kept = u.kept || !ok
			for _, l := range loads {
				add(l)
			}
		}
		if grown {
			continue // trace again with the new client
		}
		s.fields(u)
		u.held = held
		s.uses[r.value] = u
		return u
	}
}

// passedBack returns the results of the calls that bring the traced value
// back to where r is made, when h returns it from a function of the
// package other than that one, which the value reached as an argument
// (NewClientWithHTTP(uri, hc) wrapping the client NewClient made): the
// calls of the returning function whose arguments are traced values. Its
// other callers, seen or not, pass values of their own. nil when h
// returns from r's own function, a closure, or a function no traced value
// is passed to.
func (s *state) passedBack(h ssaflow.HandOff, r root, traced []ssa.Value) []ssa.Value {
	g := h.Instr.Parent()
	if g == r.instr.Parent() || g.Parent() != nil {
		return nil
	}
	return s.x.ReturnedAt(h.Instr.(*ssa.Return), h.Value, func(c *ssa.Call) bool {
		return slices.ContainsFunc(c.Call.Args, func(a ssa.Value) bool { return slices.Contains(traced, a) })
	})
}

// holder returns the client that a store makes hold the traced transport:
// a store into a RoundTripper that sends every request through it
// ([httpflow.Forwarder]: oauth2's Base, the package's own wrapper), into a
// field f of another struct of the package allocated there (an API client
// holding an http.Client), or into the Transport field of a client or
// reverse proxy made in the package: those live as long as the transport
// inside, and the loads of f are followed. Other stores keep the transport
// somewhere.
func holder(x *ssaflow.Index, h ssaflow.HandOff) (ssa.Value, *types.Var) {
	st, ok := h.Instr.(*ssa.Store)
	if !ok || st.Val != h.Value {
		return nil, nil
	}
	if a, f := httpflow.Forwarder(x, st); a != nil {
		return a, f
	}
	if a, f := httpflow.OwnStruct(st); a != nil {
		return a, f
	}
	if !isHolderField(st) {
		return nil, nil
	}
	switch x := st.Addr.(*ssa.FieldAddr).X.(type) {
	case *ssa.Alloc:
		return x, nil
	case *ssa.Call:
		if !x.Call.IsInvoke() && httpapi.NewSingleHostReverseProxy.Matches(callee.Func(&x.Call)) {
			return x, nil // a new proxy, like a literal
		}
	}
	return nil, nil
}

// holderFields are the fields of structs of other packages that hold a
// transport and send through it: a client's, a reverse proxy's, a
// well-known wrapper's.
var holderFields = slices.Concat([]httpapi.Field{httpapi.ClientTransport, httpapi.ReverseProxyTransport}, httpapi.WrapFields)

// heldLoads returns the loads from v, a traced struct of the package or a
// pointer to one, of the fields in held. ok is false when the address of
// such a field is taken for anything but a load or a store into it.
func heldLoads(v ssa.Value, held map[*types.Var]bool) (loads []ssa.Value, ok bool) {
	if len(held) == 0 || v.Referrers() == nil {
		return nil, true
	}
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Field:
			if ref.X == v && held[ssaflow.FieldOf(v.Type(), ref.Field)] {
				loads = append(loads, ref)
			}
		case *ssa.FieldAddr:
			if ref.X != v || !held[ssaflow.FieldOf(v.Type(), ref.Field)] {
				continue
			}
			for _, use := range *ref.Referrers() {
				switch use := use.(type) {
				case *ssa.UnOp:
					loads = append(loads, use)
				case *ssa.Store:
					if use.Addr != ref {
						return nil, false
					}
				case *ssa.DebugRef:
				default:
					return nil, false
				}
			}
		}
	}
	return loads, true
}

// localField returns the loads of the field that a store puts the traced
// value in, when the field belongs to a local struct variable that dies
// with the call (a value receiver's copy, a struct built and used in
// place): one that does not escape to the heap and is used only through
// its fields. ok is false otherwise.
func localField(h ssaflow.HandOff) (loads []ssa.Value, ok bool) {
	st, isStore := h.Instr.(*ssa.Store)
	if !isStore || st.Val != h.Value {
		return nil, false
	}
	fa, isField := st.Addr.(*ssa.FieldAddr)
	if !isField {
		return nil, false
	}
	local, isAlloc := fa.X.(*ssa.Alloc)
	if !isAlloc || local.Heap {
		return nil, false
	}
	for _, ref := range *local.Referrers() {
		if init, ok := ref.(*ssa.Store); ok && init.Addr == local {
			continue // the copy's initial value
		}
		if _, debug := ref.(*ssa.DebugRef); debug {
			continue
		}
		other, isField := ref.(*ssa.FieldAddr)
		if !isField {
			return nil, false // the struct is copied or passed whole
		}
		if other.Field != fa.Field {
			continue
		}
		for _, use := range *other.Referrers() {
			switch use := use.(type) {
			case *ssa.Store:
				if use.Addr != other {
					return nil, false
				}
			case *ssa.UnOp:
				loads = append(loads, use)
			case *ssa.DebugRef:
			default:
				return nil, false
			}
		}
	}
	return loads, true
}

// receiver returns the receiver of the package's method that an interface
// method call on the traced value runs, or nil: the value's one concrete
// type (an API client of the package behind the package's interface,
// returned by its constructor) declares the method in the package. The
// method is then followed like a static call of it.
func (s *state) receiver(h ssaflow.HandOff) ssa.Value {
	common := h.Instr.(ssa.CallInstruction).Common()
	if !common.IsInvoke() || common.Value != h.Value {
		return nil
	}
	t, ok := s.back.DynamicType(h.Value)
	if !ok {
		return nil
	}
	tn := httpapi.NamedOf(t)
	if tn == nil || tn.Pkg() != s.Pkg {
		return nil
	}
	fn := s.x.DeclaredMethod(tn, common.Method.Name())
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) == 0 {
		return nil
	}
	return fn.Params[0]
}

// call classifies a call that the traced value reaches outside the
// package's own code.
func (s *state) call(u *use, h ssaflow.HandOff) {
	common := h.Instr.(ssa.CallInstruction).Common()
	fn := callee.Func(common)
	recv := common.Value // or the transport a protocol setter is given
	if !common.IsInvoke() {
		if fn == nil || fn.Signature().Recv() == nil && !httpapi.ProtocolSetters.Matches(fn) || len(common.Args) == 0 {
			u.kept = true
			return
		}
		recv = common.Args[0]
	}
	switch {
	case recv != h.Value:
		u.kept = true // an argument: the callee may keep it
	case httpapi.ProtocolSetters.Matches(fn):
		// Sets its protocols (HTTP/2), keeps it nowhere.
	case httpapi.ProducerMethods.Matches(fn), httpapi.ReverseProxyServeHTTP.Matches(fn), httpapi.IsRoundTrip(fn), wrapperSend(fn):
		u.requests = append(u.requests, h.Instr.(ssa.CallInstruction))
	case closers.Matches(fn):
		u.closed = true
	case httpapi.TransportClone.Matches(fn), httpapi.TransportCancelRequest.Matches(fn):
		// Reads the transport's settings, or cancels one request.
	default:
		u.kept = true
	}
}

// fields records the transport settings that the traced values store, and
// whether a client holding the transport is given another one after it.
func (s *state) fields(u *use) {
	traced := make(map[ssa.Value]bool, len(u.values))
	for _, v := range u.values {
		traced[v] = true
	}
	var given, others []*ssa.Store // stores of the traced transport and of others into a Transport field
	for _, v := range u.values {
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, ref := range *refs {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v {
				continue
			}
			for _, use := range *fa.Referrers() {
				st, ok := use.(*ssa.Store)
				if !ok || st.Addr != fa {
					continue
				}
				switch {
				case isFieldStore(st, httpapi.TransportDisableKeepAlives):
					if cf, ok := s.unsetField(st.Val); ok {
						// On in every run the package shows; a caller's
						// package that sets the field turns them off.
						u.enabled = true
						u.config = append(u.config, cf)
					} else if ssaflow.IsZero(st.Val) {
						u.enabled = true
					} else {
						u.disabled = true
					}
				case isFieldStore(st, httpapi.TransportIdleConnTimeout):
					if !ssaflow.IsZero(st.Val) {
						u.idle = true
					}
				case isHolderField(st):
					if traced[st.Val] {
						given = append(given, st)
					} else {
						others = append(others, st)
					}
				}
			}
		}
	}
	u.replaced = replacedAfter(given, others)
}

// replacedAfter reports whether one of others (stores of another
// transport into a holder's Transport field) may run after one of given
// (stores of the traced one): then the traced transport is not the one
// used. Stores on exclusive branches replace nothing.
func replacedAfter(given, others []*ssa.Store) bool {
	return slices.ContainsFunc(others, func(o *ssa.Store) bool {
		return len(given) == 0 || slices.ContainsFunc(given, func(g *ssa.Store) bool {
			return g.Parent() != o.Parent() || ssaflow.Reaches(g, o)
		})
	})
}

// isHolderField reports whether st stores into one of holderFields.
func isHolderField(st *ssa.Store) bool {
	return slices.ContainsFunc(holderFields, func(f httpapi.Field) bool { return isFieldStore(st, f) })
}

// isFieldStore reports whether st stores into field f.
func isFieldStore(st *ssa.Store, f httpapi.Field) bool {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	return ok && f.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field))
}
