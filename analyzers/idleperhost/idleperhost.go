package idleperhost

import (
	_ "embed"
	"go/types"
	"reflect"

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
		Requires: []*analysis.Analyzer{ssapass.Analyzer, poolsAnalyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.IntVar(&a.Flags, &c.opts.MaxIdlePerHost, "max-idle-per-host", opts.MaxIdlePerHost,
		"MaxIdleConnsPerHost that the suggested fix sets when the transport has no constant MaxIdleConns above 2")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// defaults are the options idlepools analyses with.
var defaults = Options{MaxIdlePerHost: DefaultMaxIdlePerHost}

// run reports what idlepools found in the package, or analyses it here
// when idlepools did not (see [ssapass.FactsHere]) or analysed it with other
// options.
func (c *checker) run(pass *analysis.Pass) (any, error) {
	made := pass.ResultOf[poolsAnalyzer].(*pools)
	if made.analysed && c.opts == defaults {
		for _, d := range made.diagnostics {
			pass.Report(d)
		}
		return nil, nil
	}
	c.analyse(pass, made, false)
	return nil, nil
}

// poolsAnalyzer (idlepools) runs on the dependencies of the analysed
// packages too, since it has facts, and analyses only the packages of the
// modules being developed, so that elsewhere it costs nothing. It keeps
// its diagnostics for idleperhost to report.
var poolsAnalyzer = &analysis.Analyzer{
	Name:       "idlepools",
	Doc:        "idleperhost's analysis of the packages of the modules being developed, with facts about the pools their functions return",
	Requires:   []*analysis.Analyzer{ssapass.Analyzer},
	Run:        ssapass.Guard(runPools),
	FactTypes:  []analysis.Fact{new(poolFact)},
	ResultType: reflect.TypeFor[*pools](),
}

func runPools(pass *analysis.Pass) (any, error) {
	made := &pools{made: ssapass.FuncFacts[*poolFact](pass)}
	if !ssapass.FactsHere(pass) {
		return made, nil
	}
	made.analysed = true
	kept := *pass
	kept.Report = func(d analysis.Diagnostic) { made.diagnostics = append(made.diagnostics, d) }
	(&checker{opts: defaults}).analyse(&kept, made, true)
	return made, nil
}

// pools is idlepools' result.
type pools struct {
	made        map[*types.Func]*poolFact // the facts of the package's imports
	analysed    bool                      // the package was analysed: its diagnostics follow
	diagnostics []analysis.Diagnostic
}

// analyse runs the analysis on pass, exporting facts when export says so.
func (c *checker) analyse(pass *analysis.Pass, made *pools, export bool) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsPool(res.Names()) {
		return
	}
	_, index := res.SSA()
	s := &state{
		checker: c,
		pass:    pass,
		rep:     report.New(pass),
		x:       index,
		memo:    make(map[memoKey]target),

		parallelTests: httpapi.TestingParallel.Mentioned(res.Names()),

		fromParam: make(map[*types.Var]bool),

		made:    made.made,
		facts:   export,
		exports: make(map[*types.Func]*poolFact),
		covered: make(map[*ssa.Return]bool),
	}
	s.tracer = &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true}
	s.back = &ssaflow.Backtracer{Index: index, CallersSeen: s.callersComplete, Stop: stop}
	s.settingBack = &ssaflow.Backtracer{Index: index, CallersSeen: s.callersComplete}
	s.heldBack = &ssaflow.Backtracer{Index: index, Fields: true, CallersSeen: s.callersComplete}
	s.transports()
	s.checkExports()
	s.defaultPool()
}

// mentionsPool reports whether the package names http.Transport or
// http.Client (a client without a Transport uses the default one), the
// default client or transport, or the package-level request functions:
// without one of them it cannot build a transport or use the default one.
func mentionsPool(names httpapi.Names) bool {
	for _, obj := range names {
		switch obj := obj.(type) {
		case *types.TypeName:
			if httpapi.Transport.Matches(obj.Type()) || httpapi.Client.Matches(obj.Type()) {
				return true
			}
		case *types.Var:
			if httpapi.DefaultClient.Matches(obj) || httpapi.DefaultTransport.Matches(obj) {
				return true
			}
		case *types.Func:
			if httpapi.ProducerFuncs.Matches(obj) || httpapi.NewSingleHostReverseProxy.Matches(obj) {
				return true // a proxy left without a Transport uses the default one
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
	// parallelTests: the package's tests call t.Parallel or
	// b.RunParallel.
	parallelTests bool
	// settingBack walks a setting's value back to its sources, loads of
	// fields and variables among them (see [state.settings],
	// [state.connsRaised]); heldBack walks through the
	// package's fields, to what an interface field holds.
	settingBack, heldBack *ssaflow.Backtracer

	memo         map[memoKey]target
	ifaceMethods map[string]bool                   // method names of the package's interfaces, built on demand
	concurrent   map[*ssa.Function]ssa.Instruction // functions run concurrently, and what starts them
	dflt         *pool                             // the default pool, built on demand
	dfltSinks    []sink
	loops        ssaflow.Loops
	fromParam    map[*types.Var]bool // fields that an exported function sets from a parameter (see setFromParam)

	// made are the facts of the package's imports. facts: the
	// package's functions get pool facts ([ssapass.FactsHere]); exports are the
	// candidates, nil where two disagree, and covered the returns they
	// were found at (see [state.checkExports]).
	made    map[*types.Func]*poolFact
	facts   bool
	exports map[*types.Func]*poolFact
	covered map[*ssa.Return]bool
}
