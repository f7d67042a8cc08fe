package idleperhost

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A pool is what the package does with one transport (or with the default
// one) and the clients that use it.
type pool struct {
	root      ssa.Value // the transport's allocation, clone or package variable; nil for the default pool (stores count from their function's entry)
	perHost   bool      // MaxIdleConnsPerHost set to something other than 0
	off       bool      // DisableKeepAlives true in every run ([ssaflow.AlwaysTrue])
	handedOff bool      // the transport or a client reaches code that may configure or use it
	replaced  bool      // a client using the transport is given another one
	// returned: the transport or a client is returned from a function
	// that no code of the package calls, to callers the package does not
	// show (returned to the package's own callers, it is followed there).
	returned bool
	returns  []ssaflow.HandOff // where it is returned to callers out of view
	// made: the transport (or client) is another package's, made by a
	// function of that package with this pool (see [poolFact]).
	made     *poolFact
	maxIdle  *ssa.Store
	maxConns *ssa.Store
	sinks    []sink
	// values hold the transport or a client using it; creators are the
	// functions where they are created.
	values    map[ssa.Value]bool
	valueList []ssa.Value
	creators  map[*ssa.Function]bool
}

func newPool() *pool {
	return &pool{values: make(map[ssa.Value]bool), creators: make(map[*ssa.Function]bool)}
}

func (p *pool) add(vs []ssa.Value) {
	for _, v := range vs {
		if !p.values[v] {
			p.values[v] = true
			p.valueList = append(p.valueList, v)
		}
	}
}

// A sink is a call that sends a request through the pool.
type sink struct {
	call ssa.CallInstruction
	arg  ssa.Value // the URL (a string) or the *http.Request
	kind kind
}

// followTransport records in p what the package does with the transport
// whose values flow from roots: its settings, the clients given it, and
// where it is handed off.
func (s *state) followTransport(p *pool, roots ...ssa.Value) {
	tr := *s.tracer
	tr.Use = s.forwarded
	flow := tr.Trace(roots...)
	s.settings(p, flow)
	for _, h := range flow.HandOffs {
		if st, ok := h.Instr.(*ssa.Store); ok && h.Kind == ssaflow.Store {
			if c := httpflow.TransportClient(st); c != nil {
				s.client(p, c)
				continue
			}
			if px := httpflow.FieldOwner(st, httpapi.ReverseProxyTransport); px != nil && s.proxy(p, st, px) {
				continue
			}
		}
		s.transportHandOff(p, h)
	}
}

// forwarded makes the tracer follow a transport into the RoundTripper it
// is stored in, when that RoundTripper sends every request it is given
// through it (see [httpflow.Forwarder]): the wrapper's requests are the
// transport's, and the wrapper stands for it.
func (s *state) forwarded(u ssaflow.Use) bool {
	st, ok := u.Instr.(*ssa.Store)
	if !ok || u.Loc || st.Val != u.Value {
		return false
	}
	w, _ := httpflow.Forwarder(s.x, st)
	if w == nil {
		return false
	}
	u.Add(w, u.Label)
	return true
}

// settings records the pool settings stored through the values of flow.
func (s *state) settings(p *pool, flow *ssaflow.Flow) {
	p.add(flow.Values)
	for _, v := range flow.Values {
		for _, ref := range s.x.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			perHost := httpapi.TransportMaxIdleConnsPerHost.Matches(fa.X.Type(), f)
			off := httpapi.TransportDisableKeepAlives.Matches(fa.X.Type(), f)
			maxIdle := httpapi.TransportMaxIdleConns.Matches(fa.X.Type(), f)
			maxConns := httpapi.TransportMaxConnsPerHost.Matches(fa.X.Type(), f)
			if !perHost && !off && !maxIdle && !maxConns {
				continue
			}
			for _, use := range *fa.Referrers() {
				st, ok := use.(*ssa.Store)
				switch {
				case ok && st.Addr == fa:
					switch {
					case perHost && !ssaflow.IsZero(st.Val):
						p.perHost = true
					case off && ssaflow.AlwaysTrue(s.settingBack, p.root, st):
						// Off in every run: a value from a configuration,
						// a flag or a parameter, or a store under a
						// condition, leaves keep-alives on in some run
						// (cloudprober#647), and there the pool is judged.
						p.off = true
					case maxIdle:
						p.maxIdle = st
					case maxConns:
						p.maxConns = st
					}
				case isLoad(use):
				default:
					// The field's address escapes (flag.IntVar(&t.MaxIdleConnsPerHost, ...)).
					p.perHost = p.perHost || perHost
					p.off = p.off || off
				}
			}
		}
	}
}

// transportHandOff classifies where a transport leaves the package's view:
// its own methods send requests or leave it unchanged; anything else may
// configure it or send anything through it.
func (s *state) transportHandOff(p *pool, h ssaflow.HandOff) {
	if h.Kind != ssaflow.Call {
		s.otherHandOff(p, h)
		return
	}
	call := h.Instr.(ssa.CallInstruction)
	common := call.Common()
	fn := callee.Func(common)
	switch {
	case common.IsInvoke() && common.Value == h.Value && httpapi.RoundTripperRoundTrip.Matches(fn):
		p.sinks = append(p.sinks, sink{call, common.Args[0], kindRequest})
	case common.IsInvoke() || len(common.Args) == 0 || common.Args[0] != h.Value:
		p.handedOff = true
	case httpapi.TransportRoundTrip.Matches(fn):
		p.sinks = append(p.sinks, sink{call, common.Args[1], kindRequest})
	case httpapi.TransportCloseIdleConnections.Matches(fn), httpapi.TransportClone.Matches(fn):
	case httpapi.ProtocolSetters.Matches(fn):
		// http2.ConfigureTransport(tr) adds HTTP/2 to the transport and
		// leaves its idle pool as it was.
	case fn == nil && s.unfilledOption(common):
		// for _, o := range opts { o(tr) } with opts never filled by
		// the package's calls: its own transports get no option.
	default:
		p.handedOff = true
	}
}

// unfilledOption reports whether common calls an element of a variadic
// parameter of functional options that the package's own calls never
// fill ([ssaflow.Index.NeverFilled]). Options that callers elsewhere pass
// configure their own transports; the package's are as it made them.
func (s *state) unfilledOption(common *ssa.CallCommon) bool {
	load, ok := common.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	elem, ok := load.X.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	param, ok := elem.X.(*ssa.Parameter)
	return ok && s.x.NeverFilled(param)
}

// client follows a client that x, the client or a pointer to it, says uses
// the pool's transport.
func (s *state) client(p *pool, x ssa.Value) {
	roots := s.clientRoots(x)
	if roots == nil {
		p.handedOff = true
		return
	}
	if !slices.ContainsFunc(roots, func(r ssa.Value) bool { return !p.values[r] }) {
		return // followed already: its transport given back to it
	}
	for _, r := range roots {
		if fn := r.Parent(); fn != nil {
			switch r.(type) {
			case *ssa.Alloc, *ssa.Call, *ssa.Extract:
				p.creators[fn] = true
			}
		}
	}
	flow := s.tracer.Trace(roots...)
	p.add(flow.Values)
	var loads []ssa.Value
	for _, fa := range httpflow.FieldAddrs(s.x, flow.Values, httpapi.ClientTransport) {
		for _, use := range *fa.Referrers() {
			switch use := use.(type) {
			case *ssa.Store:
				if use.Addr == fa && !p.values[use.Val] && !s.callersChoice(use.Val) {
					p.replaced = true
				}
			case *ssa.UnOp:
				if use.Op == token.MUL {
					loads = append(loads, use)
				}
			default:
				p.handedOff = true
			}
		}
	}
	if loads != nil {
		// The transport read back from the client
		// (client.Transport.(*http.Transport)), maybe given to another.
		s.followTransport(p, loads...)
	}
	for _, h := range flow.HandOffs {
		s.clientHandOff(p, h)
	}
}

// callersChoice reports whether v, a transport given to a client of the
// pool, comes only from parameters whose arguments the package does not
// show: a setter (SetTransport(rt), an option WithTransport(rt)) that
// lets callers bring their own. Until one does, the pool's transport is
// the one in use, so it is judged as if never replaced.
func (s *state) callersChoice(v ssa.Value) bool {
	srcs := s.back.Sources(v).Sources
	return len(srcs) > 0 && !slices.ContainsFunc(srcs, func(src ssaflow.Source) bool { return src.Kind != ssaflow.Param })
}

// clientRoots returns the values that stand for the client at x: its
// allocation, its package variable, every selection of the struct field
// that holds it, or the calls that return it; nil when it may be used out
// of view (see [state.fieldClients], [state.resultClients]).
func (s *state) clientRoots(x ssa.Value) []ssa.Value {
	switch x := x.(type) {
	case *ssa.Alloc, *ssa.Global:
		return []ssa.Value{x}
	case *ssa.FieldAddr:
		return s.fieldClients(x)
	case *ssa.Call, *ssa.Extract:
		return s.resultClients(x)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch addr := x.X.(type) {
		case *ssa.Global:
			return []ssa.Value{addr}
		case *ssa.FieldAddr:
			return s.fieldClients(addr)
		}
	}
	return nil
}

// fieldClients returns the selections of the field that addr selects. A
// field of another package's struct (retryablehttp.Client.HTTPClient)
// counts only while no struct of that type that the package holds leaves
// its view: that package's methods and functions may send through the
// client (retryablehttp.Client.Do), which the package does not see.
func (s *state) fieldClients(addr *ssa.FieldAddr) []ssa.Value {
	f := ssaflow.FieldOf(addr.X.Type(), addr.Field)
	if f == nil {
		return nil
	}
	sels := s.x.Selections(f)
	if f.Pkg() != s.pass.Pkg {
		holders := make([]ssa.Value, 0, len(sels))
		for _, sel := range sels {
			switch sel := sel.(type) {
			case *ssa.FieldAddr:
				holders = append(holders, sel.X)
			case *ssa.Field:
				holders = append(holders, sel.X)
			}
		}
		if len(s.tracer.Trace(holders...).HandOffs) > 0 {
			return nil
		}
	}
	return sels
}

// resultClients returns where the client that a call returns is made:
// the package's allocations that its own functions return, and the calls
// of other packages' functions that make it
// (retryablehttp.NewClient().StandardClient()). A client whose Transport
// the package sets is the package's use of that transport, whoever made
// the client: http.Client is net/http's, and its sends are in view. nil
// when the client may come from elsewhere (a parameter, a load).
func (s *state) resultClients(x ssa.Value) []ssa.Value {
	var roots []ssa.Value
	for _, src := range s.back.Sources(x).Sources {
		switch v := src.Value.(type) {
		case *ssa.Alloc:
			roots = append(roots, v)
		case *ssa.Call, *ssa.Extract:
			if src.Kind != ssaflow.Result {
				return nil
			}
			roots = append(roots, v)
		default:
			return nil
		}
	}
	return roots
}

// clientURLMethods send a request to the URL in their first argument.
var clientURLMethods = httpapi.Callees{httpapi.ClientGet, httpapi.ClientHead, httpapi.ClientPost, httpapi.ClientPostForm}

// clientHandOff classifies where a client leaves the package's view.
func (s *state) clientHandOff(p *pool, h ssaflow.HandOff) {
	if h.Kind != ssaflow.Call {
		s.otherHandOff(p, h)
		return
	}
	call := h.Instr.(ssa.CallInstruction)
	common := call.Common()
	fn, args := callee.Func(common), common.Args
	switch {
	case common.IsInvoke() && common.Value == h.Value:
		fn = s.clientMethod(common)
	case !common.IsInvoke() && len(args) > 0 && args[0] == h.Value:
		args = args[1:]
	default:
		p.handedOff = true
		return
	}
	switch {
	case httpapi.ClientDo.Matches(fn):
		p.sinks = append(p.sinks, sink{call, args[0], kindRequest})
	case clientURLMethods.Matches(fn):
		p.sinks = append(p.sinks, sink{call, args[0], kindString})
	case httpapi.ClientCloseIdleConnections.Matches(fn):
	default:
		p.handedOff = true
	}
}

// clientMethod returns the method of *http.Client that an interface method
// call on a client runs, when the interface holds nothing else in the
// package (an interface kept so that tests can mock the client, whose
// only value outside them is the client); nil otherwise.
func (s *state) clientMethod(common *ssa.CallCommon) *types.Func {
	t, ok := s.heldBack.DynamicType(common.Value)
	if !ok || !httpapi.Client.MatchesPtr(t) {
		return nil
	}
	m, _, _ := types.LookupFieldOrMethod(t, false, nil, common.Method.Name())
	fn, _ := m.(*types.Func)
	return fn
}

// otherHandOff classifies a hand-off other than a call. The tracer hands
// off a return only from a function that may have callers the package
// does not show ([ssaflow.Index.MayHaveUnseenCallers]: exported, or used
// as a value), and follows it to the calls the package does show. When
// there are such calls, they are judged like any other use: what callers
// elsewhere do with their own instances does not change what this one
// does.
func (s *state) otherHandOff(p *pool, h ssaflow.HandOff) {
	switch {
	case h.Kind != ssaflow.Return:
		p.handedOff = true
	case len(s.x.Callers(h.Instr.Parent())) == 0:
		p.returned = true
		p.returns = append(p.returns, h)
	}
}
