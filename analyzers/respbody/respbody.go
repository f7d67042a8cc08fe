package respbody

import (
	_ "embed"
	"go/types"
	"reflect"

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

// Drain modes: which reads count as reading the body.
const (
	// DrainRead accepts any read of the body.
	DrainRead = "read"
	// DrainStrict accepts only reads to EOF (io.ReadAll, io.Copy and the
	// like); a body only decoded or scanned is reported.
	DrainStrict = "strict"
)

// Diagnostic categories.
const (
	CategoryLeak    = "leak"
	CategoryNoReuse = "noreuse"
)

// Options configure the analyzer.
type Options struct {
	// Drain is DrainRead (the default) or DrainStrict. Flag -respbody.drain.
	Drain string
	// Tests makes the analyzer check _test.go files too. Flag
	// -respbody.tests.
	Tests bool
}

// Analyzer is respbody with default options.
var Analyzer = New(Options{})

// New returns a respbody analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.Drain == "" {
		opts.Drain = DrainRead
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "respbody",
		Doc:      docs.MustExtract(doc, "respbody"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/respbody",
		Requires: []*analysis.Analyzer{ssapass.Analyzer, makersAnalyzer},
		Run:      ssapass.Guard(c.run),
		// Where the bound on one function's cost stopped the analysis.
		ResultType: reflect.TypeFor[report.Notes](),
	}
	option.EnumVar(&a.Flags, &c.opts.Drain, "drain", opts.Drain, []string{DrainRead, DrainStrict},
		"which reads count as draining a body: read (any read) or strict (only reads to EOF, such as io.ReadAll or io.Copy)")
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also check _test.go files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// state is the analysis of one package.
type state struct {
	pass            *analysis.Pass
	rep             *report.Reporter
	strict          bool
	tests           bool // check functions in _test.go files
	pkg             *ssa.Package
	made            map[*types.Func]*makeFact // other packages' senders, from facts
	summaries       map[summaryKey]summary
	funcs           map[*ssa.Function]*funcResult
	decodings       map[*ssa.Function]decodingResult
	loops           ssaflow.Loops
	index           *ssaflow.Index
	back            *ssaflow.Backtracer // walks requests back to where they are built
	local           *ssaflow.Backtracer // the same, stopping at the parameters of functions
	contexts        *ssaflow.Backtracer // walks requests back to where their context is set
	dones           map[*ssa.Function][]httpflow.Done
	deferredCancels map[*ssa.Function][]httpflow.DeferredCancel
	errs            *ssaflow.Backtracer // walks errors back to where they are made
	clients         *ssaflow.Backtracer // walks clients and transports back to where they are made
	run             *ssaflow.Backtracer // the same, within one run of a function (see [state.freshPool])
	clientTracer    *ssaflow.Tracer     // follows clients to the transports they are given
	retriers        map[*ssa.Function]ssa.CallInstruction
	bound           bound
	routes          map[string]bool     // the package's silent routes, built on first use (see [state.silent])
	urlBack         *ssaflow.Backtracer // walks request URLs back to their constant paths
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	s := newState(pass, c.opts, pass.ResultOf[makersAnalyzer].(*makers).made)
	if s == nil {
		return report.Notes(nil), nil
	}
	for _, fn := range s.index.Funcs {
		s.function(fn)
	}
	return s.bound.notes(), nil
}

// newState prepares the analysis of pass, or returns nil when the package
// uses no function that returns a response. made are the other packages'
// senders that facts describe (see [makeFact]).
func newState(pass *analysis.Pass, opts Options, made map[*types.Func]*makeFact) *state {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsResponses(res.Names(), made) {
		return nil
	}
	pkg, index := res.SSA()
	return &state{
		pass:         pass,
		rep:          report.New(pass),
		strict:       opts.Drain == DrainStrict,
		tests:        opts.Tests,
		pkg:          pkg,
		made:         made,
		summaries:    make(map[summaryKey]summary),
		funcs:        make(map[*ssa.Function]*funcResult),
		decodings:    make(map[*ssa.Function]decodingResult),
		retriers:     make(map[*ssa.Function]ssa.CallInstruction),
		index:        index,
		errs:         &ssaflow.Backtracer{Index: index, Fields: true},
		clients:      &ssaflow.Backtracer{Index: index, Fields: true},
		run:          &ssaflow.Backtracer{Index: index, Run: true},
		clientTracer: &ssaflow.Tracer{Index: index, Fields: true},
		back:         &ssaflow.Backtracer{Index: index, Stop: httpflow.IsNewRequest, Through: httpflow.Derived},
		local: &ssaflow.Backtracer{Index: index, Stop: httpflow.IsNewRequest, Through: httpflow.Derived,
			CallersSeen: func(*ssa.Function) bool { return false }},
		contexts:        &ssaflow.Backtracer{Index: index, Stop: httpflow.SetsContext},
		urlBack:         &ssaflow.Backtracer{Index: index},
		dones:           make(map[*ssa.Function][]httpflow.Done),
		deferredCancels: make(map[*ssa.Function][]httpflow.DeferredCancel),
	}
}

// mentionsResponses reports whether the package uses any function that
// returns an *http.Response, or another package's sender that a fact
// describes: without one it has no response to check.
func mentionsResponses(names httpapi.Names, made map[*types.Func]*makeFact) bool {
	for _, obj := range names {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if made[fn] != nil {
			return true
		}
		results := fn.Signature().Results()
		for i := range results.Len() {
			if isResponse(results.At(i).Type()) {
				return true
			}
		}
	}
	return false
}
