package idleperhost

import (
	_ "embed"
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/option"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc []byte

// DefaultMaxIdlePerHost is the MaxIdleConnsPerHost that the suggested fix
// sets, unless Options says otherwise or the transport sets MaxIdleConns.
const DefaultMaxIdlePerHost = 100

// Options configure the analyzer.
type Options struct {
	// MaxIdlePerHost is the MaxIdleConnsPerHost that the suggested fix sets
	// on a transport without a constant MaxIdleConns above 2; zero means
	// DefaultMaxIdlePerHost. Flag -idleperhost.max-idle-per-host.
	MaxIdlePerHost int
}

// Analyzer is idleperhost with default options.
var Analyzer = New(Options{})

// New returns an idleperhost analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.MaxIdlePerHost == 0 {
		opts.MaxIdlePerHost = DefaultMaxIdlePerHost
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "idleperhost",
		Doc:      docs.MustExtract(doc, "idleperhost"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/idleperhost",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.IntVar(&a.Flags, &c.opts.MaxIdlePerHost, "max-idle-per-host", opts.MaxIdlePerHost,
		"MaxIdleConnsPerHost that the suggested fix sets when the transport has no constant MaxIdleConns above 2")
	return a
}

type checker struct {
	opts Options
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsPool(res.Names()) {
		return nil, nil
	}
	_, index := res.SSA()
	s := &state{
		checker: c,
		pass:    pass,
		rep:     report.New(pass),
		x:       index,
		memo:    make(map[memoKey]target),
	}
	s.tracer = &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true}
	s.back = &ssaflow.Backtracer{Index: index, CallersSeen: s.callersComplete, Stop: stop}
	s.transports()
	s.defaultPool()
	return nil, nil
}

// mentionsPool reports whether the package names http.Transport, the
// default client or transport, or the package-level request functions:
// without one of them it cannot build a transport or use the default one.
func mentionsPool(names httpapi.Names) bool {
	for _, obj := range names {
		switch obj := obj.(type) {
		case *types.TypeName:
			if httpapi.Transport.Matches(obj.Type()) {
				return true
			}
		case *types.Var:
			if httpapi.DefaultClient.Matches(obj) || httpapi.DefaultTransport.Matches(obj) {
				return true
			}
		case *types.Func:
			if httpapi.ProducerFuncs.Matches(obj) {
				return true
			}
		}
	}
	return false
}

type state struct {
	*checker
	pass   *analysis.Pass
	rep    *report.Reporter
	x      *ssaflow.Index
	tracer *ssaflow.Tracer
	back   *ssaflow.Backtracer

	memo         map[memoKey]target
	ifaceMethods map[string]bool                   // method names of the package's interfaces, built on demand
	concurrent   map[*ssa.Function]ssa.Instruction // functions run concurrently, and what starts them
	dflt         *pool                             // the default pool, built on demand
	dfltSinks    []sink
	loops        ssaflow.Loops
}

// transports inspects every http.Transport the package creates.
func (s *state) transports() {
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					if httpapi.Transport.MatchesPtr(instr.Type()) {
						s.transport(instr, false)
					}
				case *ssa.Call:
					common := instr.Common()
					if httpapi.TransportClone.Matches(callee.Func(common)) && !common.IsInvoke() &&
						len(common.Args) == 1 && isDefaultTransport(common.Args[0]) {
						s.transport(instr, true)
					}
				}
			}
		}
	}
	for _, name := range s.x.Pkg.Pkg.Scope().Names() {
		if g, ok := s.x.Pkg.Members[name].(*ssa.Global); ok && httpapi.Transport.MatchesPtr(g.Type()) {
			s.transport(g, false)
		}
	}
}

// isDefaultTransport reports whether v is http.DefaultTransport asserted to
// *http.Transport.
func isDefaultTransport(v ssa.Value) bool {
	if ta, ok := v.(*ssa.TypeAssert); ok {
		v = ta.X
	}
	return isGlobalLoad(v, httpapi.DefaultTransport)
}

func isGlobalLoad(v ssa.Value, want httpapi.Var) bool {
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

// transport judges one transport: root is its allocation, a clone of
// http.DefaultTransport, or a package variable.
func (s *state) transport(root ssa.Value, clone bool) {
	if s.rep.Generated(root.Pos()) {
		return // reported at root
	}
	p := newPool()
	if fn := root.Parent(); fn != nil {
		p.creators[fn] = true
	}
	flow := s.tracer.Trace(root)
	s.settings(p, flow)
	for _, h := range flow.HandOffs {
		if h.Kind == ssaflow.Store {
			if fa := clientTransportStore(h.Instr); fa != nil {
				s.client(p, fa.X)
				continue
			}
		}
		s.transportHandOff(p, h)
	}
	if p.perHost || p.off || p.handedOff || p.replaced || len(p.sinks) == 0 {
		return
	}
	if clone && s.defaultTuned() {
		return // the clone inherits the package's own setting
	}
	t, ok := s.target(p)
	if !ok || !s.longLived(p) {
		return
	}
	s.reportTransport(root, p, t)
}

// target returns the one host or base URL that every request of the pool
// goes to, when the evidence is good enough.
func (s *state) target(p *pool) (target, bool) {
	var t target
	for i, sk := range p.sinks {
		ti := s.resolve(sk.arg, sk.kind, 0)
		if !ti.known() || (i > 0 && ti != t) {
			return target{}, false
		}
		t = ti
	}
	if t.host != "" {
		return t, true
	}
	if _, ok := t.base.(*ssa.Global); ok {
		return t, true // one package variable, one base
	}
	// A base URL in a field or a captured variable is one host only if the
	// transport belongs to one holder of the base: not shared through a
	// package variable or handed to a helper that other holders call too.
	for _, v := range p.valueList {
		switch v := v.(type) {
		case *ssa.Global, *ssa.Parameter:
			return target{}, false
		case *ssa.UnOp:
			if _, ok := v.X.(*ssa.Global); ok {
				return target{}, false
			}
		}
	}
	switch base := t.base.(type) {
	case *types.Var: // a field next to the client or transport
		for _, v := range p.valueList {
			if ownerOf(v) == t.owner {
				return t, true
			}
		}
	case *ssa.Alloc: // a variable captured next to a transport or client created with it
		if p.creators[base.Parent()] {
			return t, true
		}
	}
	return target{}, false
}

// longLived reports whether the pool may serve requests to the host at the
// same time, which is when the per-host idle limit bites (requests one
// after another reuse one idle connection): it is kept in a package
// variable, a struct field or a closure that outlives the call that makes
// it, where servers and workers typically share it, or a request is sent
// from concurrent code. A transport made for one request or one sequential
// loop (tests do this all the time) is not reported.
func (s *state) longLived(p *pool) bool {
	for _, v := range p.valueList {
		switch v := v.(type) {
		case *ssa.Global, *ssa.Field:
			return true
		case *ssa.FreeVar:
			if s.closureKept(v) {
				return true
			}
		case *ssa.UnOp:
			switch x := v.X.(type) {
			case *ssa.Global, *ssa.FieldAddr:
				return true
			case *ssa.FreeVar:
				if s.closureKept(x) {
					return true
				}
			}
		}
	}
	return slices.ContainsFunc(p.sinks, func(sk sink) bool { return s.concurrentSink(sk.call) != nil })
}

// closureKept reports whether a closure with free variable fv is kept
// beyond the statement that makes it: anything but calling it (or starting
// it in a goroutine) there, such as returning it, storing it or passing it
// on as a handler.
func (s *state) closureKept(fv *ssa.FreeVar) bool {
	for _, b := range s.x.Bindings(fv) {
		for _, ref := range s.x.Referrers(b) {
			mc, ok := ref.(*ssa.MakeClosure)
			if !ok || mc.Fn != fv.Parent() {
				continue
			}
			for _, use := range *mc.Referrers() {
				call, ok := use.(ssa.CallInstruction)
				if _, debug := use.(*ssa.DebugRef); debug {
					continue
				}
				if !ok || call.Common().IsInvoke() || call.Common().Value != mc {
					return true
				}
			}
		}
	}
	return false
}

// ownerOf returns the named struct type whose field v is, or is loaded
// from.
func ownerOf(v ssa.Value) *types.TypeName {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return httpapi.NamedOf(v.X.Type())
	case *ssa.Field:
		return httpapi.NamedOf(v.X.Type())
	}
	return nil
}

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
					case isGlobalLoad(instr, httpapi.DefaultTransport):
						transports = append(transports, instr)
					case isGlobalLoad(instr, httpapi.DefaultClient):
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
				}
			}
		}
	}
	if transports != nil {
		flow := s.tracer.Trace(transports...)
		s.settings(p, flow)
		for _, h := range flow.HandOffs {
			if h.Kind == ssaflow.Store {
				if fa := clientTransportStore(h.Instr); fa != nil {
					s.client(p, fa.X)
					continue
				}
			}
			s.transportHandOff(p, h)
		}
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
	for _, a := range clientAllocs {
		flow := s.tracer.Trace(a)
		if s.setsTransport(flow) || slices.ContainsFunc(*a.Referrers(), func(ref ssa.Instruction) bool {
			st, ok := ref.(*ssa.Store)
			return ok && st.Addr == a // a client copied in whole, Transport and all
		}) {
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
	return p, append(sinks, p.sinks...)
}

// setsTransport reports whether the package sets or may set the Transport
// field of a client in flow.
func (s *state) setsTransport(flow *ssaflow.Flow) bool {
	for _, v := range flow.Values {
		for _, ref := range s.x.Referrers(v) {
			if fa, ok := ref.(*ssa.FieldAddr); ok && fa.X == v && isClientTransport(ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				for _, use := range *fa.Referrers() {
					if !isLoad(use) {
						return true
					}
				}
			}
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
		t := s.resolve(sk.arg, sk.kind, 0)
		if t.host == "" {
			continue
		}
		start := s.concurrentSink(sk.call)
		if start == nil {
			continue
		}
		s.reportDefault(sk, t, start)
	}
}
