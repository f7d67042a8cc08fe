package dialkeepalive

import (
	_ "embed"
	"go/ast"
	"go/types"
	"time"

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

const (
	// DefaultMinKeepAlive is the KeepAlive below which a dialer of an HTTP
	// transport is reported, unless Options says otherwise.
	DefaultMinKeepAlive = 5 * time.Second
	// DefaultIdleConnTimeout is the IdleConnTimeout the suggested fix sets
	// unless Options says otherwise (http.DefaultTransport's value).
	DefaultIdleConnTimeout = 90 * time.Second
)

// Options configure the analyzer.
type Options struct {
	// MinKeepAlive: a constant net.Dialer.KeepAlive below it, on a dialer
	// of an http.Transport, is reported. Zero means DefaultMinKeepAlive.
	// Flag -dialkeepalive.min-keep-alive.
	MinKeepAlive time.Duration
	// IdleConnTimeout is the value the suggested fix sets; zero means
	// DefaultIdleConnTimeout. Flag -dialkeepalive.idle-conn-timeout.
	IdleConnTimeout time.Duration
	// Tests also reports settings in _test.go files. Flag
	// -dialkeepalive.tests.
	Tests bool
}

// Analyzer is dialkeepalive with default options.
var Analyzer = New(Options{})

// New returns a dialkeepalive analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.MinKeepAlive == 0 {
		opts.MinKeepAlive = DefaultMinKeepAlive
	}
	if opts.IdleConnTimeout == 0 {
		opts.IdleConnTimeout = DefaultIdleConnTimeout
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "dialkeepalive",
		Doc:      docs.MustExtract(doc, "dialkeepalive"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/dialkeepalive",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.DurationVar(&a.Flags, &c.opts.MinKeepAlive, "min-keep-alive", opts.MinKeepAlive,
		"report a constant net.Dialer.KeepAlive below this on a dialer of an http.Transport")
	option.DurationVar(&a.Flags, &c.opts.IdleConnTimeout, "idle-conn-timeout", opts.IdleConnTimeout,
		"IdleConnTimeout that the suggested fix adds to an http.Transport literal")
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also report keep-alive settings in _test.go files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsKeepAlive(res.Names()) {
		return nil, nil // no TCP keep-alive is configured here
	}
	_, index := res.SSA()
	s := &state{
		checker:  c,
		pass:     pass,
		rep:      report.New(pass),
		index:    index,
		tracer:   &ssaflow.Tracer{Index: index, Fields: true},
		back:     &ssaflow.Backtracer{Index: index, Stop: isCall, Through: operands},
		reported: make(map[ssa.Instruction]bool),
		fixed:    make(map[*ast.CompositeLit]bool),
	}
	s.dialers()
	s.listeners()
	return nil, nil
}

// mentionsKeepAlive reports whether the package names a TCP keep-alive
// setting of package net: the KeepAlive or KeepAliveConfig field of a
// Dialer or ListenConfig, or a keep-alive method of TCPConn.
func mentionsKeepAlive(names httpapi.Names) bool {
	for _, obj := range names {
		switch obj := obj.(type) {
		case *types.Var:
			if obj.IsField() && obj.Pkg() != nil && obj.Pkg().Path() == "net" &&
				(obj.Name() == "KeepAlive" || obj.Name() == "KeepAliveConfig") {
				return true
			}
		case *types.Func:
			if setsConnKeepAlive(obj) {
				return true
			}
		}
	}
	return false
}

// state is the analysis of one package.
type state struct {
	*checker
	pass     *analysis.Pass
	rep      *report.Reporter
	index    *ssaflow.Index
	tracer   *ssaflow.Tracer
	back     *ssaflow.Backtracer        // walks values back to the names and types they come from
	reported map[ssa.Instruction]bool   // settings already reported
	fixed    map[*ast.CompositeLit]bool // literals a fix already edits

	closures map[*ssa.Function][]*ssa.MakeClosure // built on first use
	fnUses   map[*ssa.Function][]ssa.Instruction  // named functions used as values

	serverSets *valueSets[*server] // the package's http.Servers, traced on first use
}
