package keepalivesoff

import (
	_ "embed"
	"go/token"
	"go/types"

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
	// Tests makes the analyzer report in _test.go files too. Flag
	// -keepalivesoff.tests.
	Tests bool
}

// Analyzer is keepalivesoff with default options.
var Analyzer = New(Options{})

// New returns a keepalivesoff analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "keepalivesoff",
		Doc:      docs.MustExtract(doc, "keepalivesoff"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/keepalivesoff",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also report in _test.go files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// cost is the consequence every diagnostic names.
const cost = "a new TCP connection per request and TIME_WAIT sockets on the side that closes first"

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentioned(res.Names(), pass.TypesInfo) {
		return nil, nil
	}
	pkg, index := res.SSA()
	s := &state{
		checker:  c,
		pass:     pass,
		rep:      report.New(pass),
		index:    index,
		tracer:   &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true},
		back:     &ssaflow.Backtracer{Index: index, Fields: true, Through: httpflow.Derived},
		reported: make(map[token.Pos]bool),
	}
	transports, requests, servers := roots(pkg, index)
	s.transports = transports
	for _, t := range transports {
		s.transport(t)
	}
	traced := make(map[ssa.Value]bool)
	for _, r := range requests {
		if !traced[r] { // a request switched twice is one root
			traced[r] = true
			s.request(r)
		}
	}
	for _, srv := range servers {
		s.server(srv)
	}
	return nil, nil
}

// roots returns the values whose switches are checked: the transports,
// requests and servers the package creates, and the requests it switches.
func roots(pkg *ssa.Package, index *ssaflow.Index) (transports, requests, servers []ssa.Value) {
	for _, fn := range index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					switch t := instr.Type(); {
					case httpapi.Transport.MatchesPtr(t):
						transports = append(transports, instr)
					case httpapi.Request.MatchesPtr(t):
						requests = append(requests, instr)
					case httpapi.Server.MatchesPtr(t):
						servers = append(servers, instr)
					}
				case *ssa.Store:
					// Requests from anywhere (parameters, other packages)
					// are followed from where they are switched.
					if fa, ok := instr.Addr.(*ssa.FieldAddr); ok && httpapi.RequestClose.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
						requests = append(requests, fa.X)
					}
				case *ssa.Call:
					fn := callee.Func(instr.Common())
					if httpapi.HeaderSet.Matches(fn) || httpapi.HeaderAdd.Matches(fn) {
						if load, ok := instr.Call.Args[0].(*ssa.UnOp); ok && load.Op == token.MUL {
							if fa, ok := load.X.(*ssa.FieldAddr); ok && httpapi.RequestHeader.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
								requests = append(requests, fa.X)
							}
						}
					}
					switch {
					case httpapi.TransportClone.Matches(fn):
						transports = append(transports, instr)
					case httpapi.RequestClone.Matches(fn), httpapi.RequestWithContext.Matches(fn):
						requests = append(requests, instr)
					case httpapi.NewRequests.Matches(fn):
						if req := result0(instr); req != nil {
							requests = append(requests, req)
						}
					}
				}
			}
		}
	}
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && httpapi.Server.MatchesPtr(g.Type()) {
			servers = append(servers, g)
		}
	}
	return transports, requests, servers
}

// mentioned is the cheap gate: the package names one of the switches.
func mentioned(names httpapi.Names, info *types.Info) bool {
	if httpapi.TransportDisableKeepAlives.Mentioned(names) || httpapi.RequestClose.Mentioned(names) ||
		httpapi.ServerSetKeepAlivesEnabled.Mentioned(names) {
		return true
	}
	if !httpapi.HeaderSet.Mentioned(names) && !httpapi.HeaderAdd.Mentioned(names) {
		return false
	}
	for _, tv := range info.Types {
		if s, ok := ssaflow.StringValue(tv.Value); ok && httpflow.IsCloseToken(s) {
			return true
		}
	}
	return false
}

// A state is the analysis of one package: its SSA index, tracer and
// loops, and the switches already reported.
type state struct {
	*checker
	pass     *analysis.Pass
	rep      *report.Reporter
	index    *ssaflow.Index
	tracer   *ssaflow.Tracer
	back     *ssaflow.Backtracer // to a request's construction
	loops    ssaflow.Loops
	reported map[token.Pos]bool
	// transports are the package's; singles, their sends that are the only
	// ones of a transport made for them (see [state.singleSends]).
	transports []ssa.Value
	singles    map[ssa.CallInstruction]bool
}

// result0 returns the first result of a call with several results.
func result0(call *ssa.Call) ssa.Value {
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}
