package shareddefault

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/option"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc []byte

// Options configure the analyzer.
type Options struct {
	// Tests also reports in _test.go files and in functions that take a
	// *testing.T, *testing.B, *testing.F or testing.TB. Flag
	// -shareddefault.tests.
	Tests bool
}

// Analyzer is shareddefault with default options.
var Analyzer = New(Options{})

// New returns a shareddefault analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "shareddefault",
		Doc:      docs.MustExtract(doc, "shareddefault"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/shareddefault",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests,
		"also report in _test.go files and in functions taking *testing.T or *testing.B")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// state is the analysis of one package.
type state struct {
	*analysis.Pass
	rep   *report.Reporter
	opts  Options
	x     *ssaflow.Index
	back  *ssaflow.Backtracer
	exact *ssaflow.Backtracer    // through last stores only, not every store of a field
	setup map[*ssa.Function]bool // functions of package main judged: program setup or not
	fixed map[*ssa.TypeAssert]bool
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !httpapi.DefaultTransport.Mentioned(res.Names()) && !httpapi.DefaultClient.Mentioned(res.Names()) {
		return nil, nil // the defaults are never named: nothing here can change them
	}
	_, x := res.SSA()
	s := &state{
		Pass: pass,
		rep:  report.New(pass),
		opts: c.opts,
		x:    x,
		// Every call of the package's functions that the package shows is
		// followed: a write is reported when one of them passes a default
		// (the unseen ones cannot make that untrue).
		// A field stored on every path to the write holds what was stored
		// last (`c.hc.Transport = http.DefaultTransport` just before it).
		back:  &ssaflow.Backtracer{Index: x, Fields: true, Last: true, CallersSeen: func(*ssa.Function) bool { return true }},
		exact: &ssaflow.Backtracer{Index: x, Last: true, Instances: true, CallersSeen: func(*ssa.Function) bool { return true }},
		setup: make(map[*ssa.Function]bool),
		fixed: make(map[*ssa.TypeAssert]bool),
	}
	for _, fn := range x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				s.check(instr)
			}
		}
	}
	return nil, nil
}

// leftAlone reports whether a change at instr is not judged: in test code
// (unless Tests), or in the program setup of package main.
func (s *state) leftAlone(instr ssa.Instruction, pos token.Pos) bool {
	fn := instr.Parent()
	return !s.opts.Tests && report.TestCode(s.Fset, fn, pos) || s.programSetup(fn)
}

// programSetup reports whether fn is main or init of package main, or a
// function of package main that runs only from them (called or deferred,
// not started as a goroutine nor used as a value): there, changing the
// defaults is the program's own choice, made before it serves or sends.
func (s *state) programSetup(fn *ssa.Function) bool {
	if s.Pkg.Name() != "main" {
		return false
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if done, ok := s.setup[fn]; ok {
		return done
	}
	s.setup[fn] = false // a recursive call does not make fn setup by itself
	is := false
	if fn.Parent() == nil && fn.Signature.Recv() == nil &&
		(fn.Name() == "main" || fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")) {
		is = true
	} else if calls := s.x.Callers(fn); len(calls) > 0 && !s.x.UsedAsValue(fn) {
		is = true
		for _, call := range calls {
			if _, ok := call.(*ssa.Go); ok || !s.programSetup(call.Parent()) {
				is = false
				break
			}
		}
	}
	s.setup[fn] = is
	return is
}

// check judges one instruction: a store that may write to a default, or a
// call that may change the default transport in place.
func (s *state) check(instr ssa.Instruction) {
	switch instr := instr.(type) {
	case *ssa.Store:
		if g, ok := instr.Addr.(*ssa.Global); ok {
			s.replaced(instr, g)
			return
		}
		if target, part := writeTarget(instr.Addr); target != nil {
			s.judge(instr, target, part)
		}
	case ssa.CallInstruction:
		common := instr.Common()
		if !common.IsInvoke() && len(common.Args) > 0 && httpapi.TransportChangers.Matches(callee.Func(common)) {
			s.judge(instr, common.Args[0], nil)
		}
	}
}

// writeTarget returns the *http.Transport or *http.Client that a store to
// addr writes to: addr itself (a whole value), the struct whose field addr
// is, or the one whose field holds the struct whose field addr is (a field
// of a field: t.TLSClientConfig.InsecureSkipVerify), at any depth; nil if
// addr is not in one. part is the pointer loaded from the target's field
// on the way (t.TLSClientConfig), if any: what the write changes, which
// may be shared with the default though the target is not.
func writeTarget(addr ssa.Value) (target, part ssa.Value) {
	if shared(addr) {
		return addr, nil
	}
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return nil, nil
		}
		if shared(fa.X) {
			return fa.X, part
		}
		load, ok := fa.X.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return nil, nil
		}
		part, addr = load, load.X
	}
}

// shared reports whether v is a pointer to an http.Transport or an
// http.Client: a value that may be one of the defaults.
func shared(v ssa.Value) bool {
	return httpapi.Transport.MatchesPtr(v.Type()) || httpapi.Client.MatchesPtr(v.Type())
}

// judge reports a change at instr through target when target may be one
// of the defaults, or when part, loaded from target's field, may be the
// default's (transport.TLSClientConfig copied from the default's).
func (s *state) judge(instr ssa.Instruction, target, part ssa.Value) {
	pos := instr.Pos()
	if st, ok := instr.(*ssa.Store); ok {
		pos = ssaflow.StorePos(st)
	}
	if s.rep.Generated(pos) || s.leftAlone(instr, pos) || s.replacedFirst(target) {
		return
	}
	found, name, origins := s.defaultSource(target)
	if found == nil {
		if found = s.exactDefault(target); found != nil {
			s.report(instr, pos, found, name, nil)
		} else if part != nil {
			s.judgePart(instr, pos, part)
		}
		return
	}
	var fix *analysis.SuggestedFix
	if name == "http.DefaultTransport" {
		fix = s.cloneFix(found, origins.Values)
	}
	s.report(instr, pos, found, name, fix)
}

// replacedFirst reports whether target is a field's value that cannot be
// a default because its function replaced the field on every path to it
// ([ssaflow.Index.Replaced]): `c.ensureOwn()`, which stores
// `&http.Client{}` when `c.hc == http.DefaultClient`, before
// `c.hc.Timeout = d`.
func (s *state) replacedFirst(target ssa.Value) bool {
	load, ok := target.(*ssa.UnOp)
	if !ok {
		return false
	}
	def := httpapi.DefaultClient
	if httpapi.Transport.MatchesPtr(target.Type()) {
		def = httpapi.DefaultTransport
	}
	return s.x.Replaced(load, func(v ssa.Value) bool { return httpflow.IsLoadOf(v, def) })
}

// exactDefault returns the load of a default that target may be when
// target is walked back through last stores and instances only
// ([ssaflow.Backtracer.LastStores], Instances): there a value of the
// package's own on another path (`c` when the caller gives one,
// `DefaultConfig()` when it gives none) does not leave the write alone,
// since the walk tells the instances apart (vault's NewClient given
// `&Config{HttpClient: http.DefaultClient}`).
func (s *state) exactDefault(target ssa.Value) ssa.Value {
	def := httpapi.DefaultClient
	if httpapi.Transport.MatchesPtr(target.Type()) {
		def = httpapi.DefaultTransport
	}
	for _, src := range s.exact.Sources(target).Sources {
		if httpflow.IsLoadOf(src.Value, def) {
			return src.Value
		}
	}
	return nil
}

// judgePart reports a write at instr through part, a pointer held in a
// field of a transport or client of the package's own, when part may be
// the same pointer that a field of a default holds: the literal
// `&http.Transport{TLSClientConfig: def.TLSClientConfig}` shares the
// default's *tls.Config, and a write through it changes the default's.
// part is walked back only through its own function's last stores
// ([ssaflow.Backtracer.LastStores]), where each path is one instance, so
// a fresh value on another path (`&tls.Config{}` when the default's is
// nil) does not leave it alone.
func (s *state) judgePart(instr ssa.Instruction, pos token.Pos, part ssa.Value) {
	for _, src := range s.exact.Sources(part).Sources {
		load, ok := src.Value.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		if fa, ok := load.X.(*ssa.FieldAddr); ok && shared(fa.X) {
			if found, name, _ := s.defaultSource(fa.X); found != nil {
				s.report(instr, pos, found, name, nil)
				return
			}
		}
	}
}

// defaultSource returns the load of a default that target, a transport or
// client, may come from, its name and target's origins; found is nil when
// target may also be a transport or client of the package's own.
func (s *state) defaultSource(target ssa.Value) (found ssa.Value, name string, origins *ssaflow.Origins) {
	def, name := httpapi.DefaultClient, "http.DefaultClient"
	if httpapi.Transport.MatchesPtr(target.Type()) {
		def, name = httpapi.DefaultTransport, "http.DefaultTransport"
	}
	// No source is a transport or client of its own (made here or
	// returned by a call): a field that holds the default in one place and
	// a client of its own in another may be written for the latter only
	// (the walk does not tell a field's instances apart), and a missed
	// report is better than a false one. Parameters stay possible sources:
	// `if c == nil { c = http.DefaultClient }` writes to the default.
	origins = s.back.Sources(target)
	for _, src := range origins.Sources {
		switch {
		case httpflow.IsLoadOf(src.Value, def):
			found = src.Value
		case ssaflow.IsNil(src.Value):
		case src.Kind == ssaflow.Made || src.Kind == ssaflow.Result:
			return nil, name, origins
		}
	}
	return found, name, origins
}

// replaced reports an assignment to http.DefaultTransport or
// http.DefaultClient outside package main (where it is the program's
// choice) and test code.
func (s *state) replaced(st *ssa.Store, g *ssa.Global) {
	obj, _ := g.Object().(*types.Var)
	if s.Pkg.Name() == "main" || !httpapi.DefaultTransport.Matches(obj) && !httpapi.DefaultClient.Matches(obj) ||
		obj.Pkg() == s.Pkg {
		return // net/http's own initialiser declares them
	}
	pos := ssaflow.StorePos(st)
	if s.rep.Generated(pos) || !s.opts.Tests && report.TestCode(s.Fset, st.Parent(), pos) {
		return
	}
	s.reportReplaced(pos, "http."+obj.Name())
}
