package idleperhost

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/syntax"
	"golang.org/x/tools/go/ssa"
)

// defaultTuned reports whether the package configures the default pool
// itself: it replaces http.DefaultTransport or DefaultClient's transport,
// or sets MaxIdleConnsPerHost or DisableKeepAlives on DefaultTransport.
func (s *state) defaultTuned() bool {
	p, _ := s.defaultPoolState()
	return p.perHost || p.off || p.replaced
}

// defaultPoolState returns the default pool, built once.
func (s *state) defaultPoolState() (*pool, []sink) {
	if s.dflt == nil {
		s.dflt, s.dfltSinks = s.buildDefaultPool()
	}
	return s.dflt, s.dfltSinks
}

// buildDefaultPool follows http.DefaultTransport and http.DefaultClient
// through the package, and returns the pool they form with the clients
// that use DefaultTransport, and the package-level request calls.
func (s *state) buildDefaultPool() (*pool, []sink) {
	p := newPool()
	var transports, clients []ssa.Value
	var clientAllocs []*ssa.Alloc
	var sinks []sink
	var proxies []*ssa.Call
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					if httpapi.Client.MatchesPtr(instr.Type()) {
						clientAllocs = append(clientAllocs, instr)
					}
				case *ssa.UnOp:
					switch {
					case httpflow.IsLoadOf(instr, httpapi.DefaultTransport):
						transports = append(transports, instr)
					case httpflow.IsLoadOf(instr, httpapi.DefaultClient):
						clients = append(clients, instr)
					}
				case *ssa.Store:
					if g, ok := instr.Addr.(*ssa.Global); ok {
						obj, _ := g.Object().(*types.Var)
						if httpapi.DefaultTransport.Matches(obj) || httpapi.DefaultClient.Matches(obj) {
							p.replaced = true
						}
					}
				case *ssa.Call, *ssa.Go:
					call := instr.(ssa.CallInstruction)
					fn := callee.Func(call.Common())
					if httpapi.ProducerFuncs.Matches(fn) {
						sinks = append(sinks, sink{call, call.Common().Args[0], kindString})
					}
					if c, ok := call.(*ssa.Call); ok && httpapi.NewSingleHostReverseProxy.Matches(fn) {
						proxies = append(proxies, c)
					}
				}
			}
		}
	}
	if transports != nil {
		s.followTransport(p, transports...)
	}
	if clients != nil {
		flow := s.tracer.Trace(clients...)
		p.add(flow.Values)
		if s.setsTransport(flow) {
			p.replaced = true
		}
		for _, h := range flow.HandOffs {
			s.clientHandOff(p, h)
		}
	}
	// Clients built without a Transport use DefaultTransport too, unless
	// one is set later or code the package cannot see may set one.
	// A client declared as a value is its literal's temporary too; one
	// copied from another client has that client's Transport.
	for _, a := range clientAllocs {
		copies := ssaflow.StructCopies(a)
		if ssaflow.CopiedFromElsewhere(copies) {
			continue
		}
		flow := httpflow.TraceMade(s.tracer, a)
		if s.setsTransport(flow) {
			continue
		}
		own := newPool()
		for _, h := range flow.HandOffs {
			s.clientHandOff(own, h)
		}
		if !own.handedOff {
			sinks = append(sinks, own.sinks...)
		}
	}
	for _, c := range proxies {
		if s.defaultProxy(c) {
			sinks = append(sinks, sink{c, c.Call.Args[0], kindProxy})
		}
	}
	return p, append(sinks, p.sinks...)
}

// defaultProxy reports whether call makes a reverse proxy that sends
// through http.DefaultTransport for as long as it is kept: made once (in
// no loop, and not while serving a request: [httpflow.Handler]), given
// no Transport by the package, handed nowhere as itself (only as an
// http.Handler, or served), and kept or handed to a server. It forwards
// every request it serves to its target, from the server's goroutines
// (see [state.proxy]; brave/nitriding-daemon's enclave).
func (s *state) defaultProxy(call *ssa.Call) bool {
	if s.loops.InLoop(call) || httpflow.Handler(call.Parent()) != nil {
		return false
	}
	if report.InTest(s.pass.Fset, call.Pos()) {
		return false // a test's proxy serves that test's own requests
	}
	flow := s.tracer.Trace(call)
	if len(httpflow.FieldStores(s.x, flow.Values, httpapi.ReverseProxyTransport)) > 0 {
		return false
	}
	for _, h := range flow.HandOffs {
		if !servedAt(h, flow.Values) && (h.Value == nil || !types.IsInterface(h.Value.Type())) {
			return false
		}
	}
	return s.kept(flow.Values) || len(flow.HandOffs) > 0
}

// setsTransport reports whether the package sets or may set the Transport
// field of a client in flow.
func (s *state) setsTransport(flow *ssaflow.Flow) bool {
	for _, fa := range httpflow.FieldAddrs(s.x, flow.Values, httpapi.ClientTransport) {
		if slices.ContainsFunc(*fa.Referrers(), func(use ssa.Instruction) bool { return !isLoad(use) }) {
			return true
		}
	}
	return false
}

// constructedBase reports whether t is a base URL that an instance of the
// sending method's receiver type holds for its whole life: a string field
// of that type, set by an exported function or method of the package from
// one of its parameters (NewClient(addr string) *Client). Every request
// that one instance sends goes to its one base, whoever calls the method;
// a field of a work item (a URL per job) is read outside the item's own
// methods and does not count.
func (s *state) constructedBase(t target, fn *ssa.Function) bool {
	f, ok := t.base.(*types.Var)
	if !ok || !ssaflow.IsString(f.Type()) || fn.Signature.Recv() == nil || httpapi.NamedOf(fn.Signature.Recv().Type()) != t.owner {
		return false
	}
	return s.setFromParam(f)
}

// setFromParam reports whether an exported function or method of the
// package sets field f to one of its parameters, in a composite literal
// (&Client{addr: addr}) or an assignment (c.addr = addr). It reads the
// syntax: such constructors name no HTTP type, so their bodies are not
// built (see ssapass).
func (s *state) setFromParam(f *types.Var) bool {
	if done, ok := s.fromParam[f]; ok {
		return done
	}
	found := false
	for _, w := range syntax.Writes(s.pass.Files, s.pass.TypesInfo, f) {
		if w.Func == nil || w.Func.Body == nil || !w.Func.Name.IsExported() || w.Value == nil {
			continue
		}
		id, ok := ast.Unparen(w.Value).(*ast.Ident)
		v, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
		params := w.Func.Type.Params
		if ok && v != nil && params.Pos() <= v.Pos() && v.Pos() < params.End() {
			found = true
			break
		}
	}
	s.fromParam[f] = found
	return found
}

// serializedDefault reports whether a request through the default pool is
// sent under a mutex that lets one such request be in flight at a time: a
// package variable, or, for a base URL an instance holds, a field of that
// instance (see [state.serialized]).
func (s *state) serializedDefault(sk sink, t target) bool {
	for m := range httpflow.Locks(s.x, sk.call) {
		if isPkgVar(m) || t.owner != nil && t.host == "" && linked(s.mutexOwner(m), t.owner) {
			return true
		}
	}
	return false
}

// defaultPool reports requests to one constant host that concurrent code
// sends through the default transport.
func (s *state) defaultPool() {
	if s.defaultTuned() {
		return
	}
	_, sinks := s.defaultPoolState()
	seen := make(map[ssa.CallInstruction]bool)
	for _, sk := range sinks {
		if seen[sk.call] {
			continue
		}
		seen[sk.call] = true
		if s.rep.Generated(sk.call.Pos()) {
			continue // reported at the call
		}
		if sk.kind == kindProxy {
			// One target, served from the server's goroutines.
			s.reportDefault(sk, s.proxyTarget(sk.call), sk.call)
			continue
		}
		t := s.resolve(sk.arg, sk.kind, 0)
		if t.host == "" && !s.constructedBase(t, sk.call.Parent()) {
			continue
		}
		start := s.concurrentSink(sk.call)
		if start == nil || s.serializedDefault(sk, t) {
			continue
		}
		s.reportDefault(sk, t, start)
	}
}
