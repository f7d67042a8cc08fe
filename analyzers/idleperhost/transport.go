package idleperhost

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/syntax"
	"golang.org/x/tools/go/ssa"
)

// transports inspects every http.Transport the package creates.
func (s *state) transports() {
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					// A variable assigned a literal whole (tr :=
					// http.Transport{...}, its address taken) is judged
					// with the literal's temporary, whose trace reaches it.
					if httpapi.Transport.MatchesPtr(instr.Type()) && len(ssaflow.StructCopies(instr)) == 1 {
						s.transport(instr, false)
					}
				case *ssa.Call:
					common := instr.Common()
					if httpapi.TransportClone.Matches(callee.Func(common)) && !common.IsInvoke() &&
						len(common.Args) == 1 && isDefaultTransport(common.Args[0]) {
						s.transport(instr, true)
					} else if root, fact := s.factoryResult(instr); root != nil {
						s.madeElsewhere(root, fact)
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
	return httpflow.IsLoadOf(v, httpapi.DefaultTransport)
}

// transport judges one transport: root is its allocation, a clone of
// http.DefaultTransport, or a package variable.
func (s *state) transport(root ssa.Value, clone bool) {
	if s.rep.Generated(root.Pos()) {
		return // reported at root
	}
	p := rootPool(root)
	s.followTransport(p, root)
	if p.perHost || p.off || p.replaced || p.handedOff || clone && s.defaultTuned() {
		return // a clone inherits the package's own setting
	}
	if s.judge(root, p) {
		return
	}
	if s.connsRaised(p) != "" && (s.pass.Pkg.Name() != "main" || s.longLived(p)) {
		// Planned for more concurrent connections per host than are
		// kept idle: a mistake whatever the hosts, wherever it is used,
		// but for a one-shot program.
		s.reportTransport(root, p, target{})
		return
	}
	if p.returned && p.maxConns == nil && !capped(p) {
		// Neither a limit on connections per host nor a capped idle pool:
		// callers that send to one host at once lose connections.
		s.exportPool(p)
	}
}

// rootPool starts the pool of the transport (or client) made at root.
func rootPool(root ssa.Value) *pool {
	p := newPool()
	p.root = root
	if fn := root.Parent(); fn != nil {
		p.creators[fn] = true
	}
	return p
}

// judge reports the pool when every request it sends goes to one host
// and it serves them at the same time; it says whether it did.
func (s *state) judge(root ssa.Value, p *pool) bool {
	if p.returned || len(p.sinks) == 0 {
		return false
	}
	t, ok := s.target(p)
	if !ok || !s.longLived(p) || s.sequentialTests(root, p) {
		return false
	}
	s.reportTransport(root, p, t)
	return true
}

// connsRaised says how the transport plans for more concurrent
// connections per host than it keeps idle: MaxConnsPerHost set to a
// constant above 2 ("to 16"), or to a value whose source the package does
// not show ("from cfg.MaxConns": a configuration's field, an exported
// function's parameter), which is its user's number and planned above 2.
// It is "" when every source the package shows is 2 or below, and when
// MaxIdleConns is a constant of 1 or 2, which caps the whole idle pool
// below the per-host limit on purpose.
func (s *state) connsRaised(p *pool) string {
	if p.maxConns == nil {
		return ""
	}
	if capped(p) {
		return ""
	}
	var most int64
	for _, src := range s.settingBack.Sources(p.maxConns.Val).Sources {
		n, ok := ssaflow.ConstInt(src.Value)
		if !ok {
			return "from " + s.storedText(p.maxConns)
		}
		most = max(most, n)
	}
	if most > 2 {
		return "to " + strconv.FormatInt(most, 10)
	}
	return ""
}

// capped reports whether the transport's MaxIdleConns is a constant of 1
// or 2: the whole idle pool kept below the per-host limit on purpose.
func capped(p *pool) bool {
	if p.maxIdle == nil {
		return false
	}
	n, ok := ssaflow.ConstInt(p.maxIdle.Val)
	return ok && n > 0 && n <= 2
}

// storedText spells the value that st stores as its source does, or
// "a caller's value" when the source does not show it in one expression.
func (s *state) storedText(st *ssa.Store) string {
	_, path := s.rep.Path(st.Pos())
	if e := syntax.StoredValue(path, st.Pos()); e != nil {
		if text := types.ExprString(e); len(text) <= 40 {
			return text
		}
	}
	return "a value set elsewhere"
}

// target returns the one host or base URL that every request of the pool
// goes to, when the evidence is good enough.
func (s *state) target(p *pool) (target, bool) {
	var t target
	for i, sk := range p.sinks {
		var ti target
		if sk.kind == kindProxy {
			ti = s.proxyTarget(sk.call)
		} else {
			ti = s.resolve(sk.arg, sk.kind, 0)
		}
		if !ti.known() || (i > 0 && ti != t) {
			return s.burstTarget(p)
		}
		t = ti
	}
	if t.host != "" {
		return t, true
	}
	switch base := t.base.(type) {
	case *ssa.Global:
		return t, true // one package variable, one base
	case ssa.CallInstruction:
		return t, true // a reverse proxy's one host
	case *types.Var: // a field next to the client or transport
		for _, v := range p.valueList {
			if linked(ownerOf(v), t.owner) {
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

// burstTarget returns the target of a burst, when the pool has one: the
// requests that goroutines started in a loop of one function send at once
// (a go statement, errgroup.Group.Go or sync.WaitGroup.Go in the loop),
// each to a URL that is the same on every round of the loop
// ([ssaflow.Loops.Invariant]: a prober or load tester sending n requests
// to the target it is given, cloudprober#647). They reach one host at the
// same time, whatever host the next call of the function picks, and all
// but 2 of their connections are closed when the burst ends.
func (s *state) burstTarget(p *pool) (target, bool) {
	for _, sk := range p.sinks {
		start := s.concurrentSink(sk.call)
		if start == nil || !s.loops.InLoop(start) || !s.sameEveryRound(sk, start) {
			continue
		}
		return target{base: start, burst: true,
			name: "the goroutines that " + report.FuncName(start.Parent()) + " starts in a loop"}, true
	}
	return target{}, false
}

// sameEveryRound reports whether the URL that sk sends to comes, on every
// path, from start's function and is the same on every round of start's
// loop: a request made there with such a URL, or such a URL string.
func (s *state) sameEveryRound(sk sink, start ssa.Instruction) bool {
	if sk.kind == kindProxy {
		return false
	}
	srcs := s.settingBack.Sources(sk.arg).Sources // through variables, to what is stored in them
	for _, src := range srcs {
		v := src.Value
		if sk.kind == kindRequest {
			call, args := httpflow.NewRequest(v)
			if call == nil || call.Parent() != start.Parent() {
				return false
			}
			v = args[1]
		}
		if _, ok := v.(*ssa.Const); ok || v.Parent() != start.Parent() || !s.loops.Invariant(v, start) {
			return false // a constant is judged as one host, or no host, already
		}
	}
	return len(srcs) > 0
}

// longLived reports whether the pool may serve requests to the host at the
// same time, which is when the per-host idle limit bites (requests one
// after another reuse one idle connection): it is kept in a package
// variable, a struct field or a closure that outlives the call that makes
// it, where servers and workers typically share it, or a request is sent
// from concurrent code. A transport made for one request or one sequential
// loop (tests do this all the time) is not reported, nor one whose every
// request is sent from a polling loop or under one mutex. A kept reverse
// proxy serves its requests from the server's goroutines.
func (s *state) longLived(p *pool) bool {
	switch {
	case slices.ContainsFunc(p.sinks, func(sk sink) bool { return sk.kind == kindProxy }):
		return true // a kept reverse proxy (see [state.proxy])
	case s.polledOnly(p) || s.serialized(p):
		return false
	}
	return s.kept(p.valueList) || slices.ContainsFunc(p.sinks, func(sk sink) bool { return s.concurrentSink(sk.call) != nil })
}

// kept reports whether one of values is kept beyond the call that makes
// it: in a package variable, a struct field, or a closure that outlives
// that call.
func (s *state) kept(values []ssa.Value) bool {
	for _, v := range values {
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
	return false
}

// sequentialTests reports whether the transport is a test file's, none of
// its requests is sent from concurrent code, and no test or benchmark of
// the package runs in parallel (t.Parallel, b.RunParallel): the tests
// then send one request at a time, which one idle connection serves,
// even through a transport kept in a package variable.
func (s *state) sequentialTests(root ssa.Value, p *pool) bool {
	if !report.InTest(s.pass.Fset, root.Pos()) || slices.ContainsFunc(p.sinks, func(sk sink) bool { return s.concurrentSink(sk.call) != nil }) {
		return false
	}
	return !s.parallelTests
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

// linked reports whether the struct type holding the client or transport
// and the one holding the base URL are one, or one holds the other in a
// field (by value or pointer): w.opts.serverURL next to w.client,
// o.t.client next to o.peer, c.cfg.URL next to c.client. Each holder of
// the client then brings its one base.
func linked(holder, owner *types.TypeName) bool {
	if holder == nil || owner == nil {
		return false
	}
	return holder == owner || holds(holder, owner) || holds(owner, holder)
}

// holds reports whether struct type a has a field of type b or *b.
func holds(a, b *types.TypeName) bool {
	st, ok := a.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if httpapi.NamedOf(f.Type()) == b {
			return true
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
