package h2health

import (
	_ "embed"
	"go/ast"
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

// DefaultSendPingTimeout is the health-check interval the suggested fixes
// set unless Options says otherwise.
const DefaultSendPingTimeout = 30 * time.Second

// Options configure the analyzer.
type Options struct {
	// SendPingTimeout is the SendPingTimeout (or ReadIdleTimeout) that the
	// suggested fixes set; zero means DefaultSendPingTimeout. Flag
	// -h2health.send-ping-timeout.
	SendPingTimeout time.Duration
	// Implicit also reports transports whose HTTP/2 is only implicit:
	// clones of http.DefaultTransport and transports that set
	// ForceAttemptHTTP2 to a value the package does not fix (true is
	// reported anyway). Flag -h2health.implicit.
	Implicit bool
	// Tests also reports in test files. Flag -h2health.tests.
	Tests bool
}

// Analyzer is h2health with default options.
var Analyzer = New(Options{})

// New returns an h2health analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.SendPingTimeout == 0 {
		opts.SendPingTimeout = DefaultSendPingTimeout
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "h2health",
		Doc:      docs.MustExtract(doc, "h2health"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/h2health",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.DurationVar(&a.Flags, &c.opts.SendPingTimeout, "send-ping-timeout", opts.SendPingTimeout,
		"SendPingTimeout (ReadIdleTimeout on x/net's http2.Transport) that the suggested fixes set")
	a.Flags.BoolVar(&c.opts.Implicit, "implicit", opts.Implicit,
		"also report clones of http.DefaultTransport and transports with ForceAttemptHTTP2 of unknown value that have no health check")
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also report in test files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// state is the analysis of one package.
type state struct {
	*checker
	pass   *analysis.Pass
	rep    *report.Reporter
	index  *ssaflow.Index
	tracer *ssaflow.Tracer

	configs  map[ssa.Value][]*config    // HTTP2Configs, by every value that may hold one
	protos   map[ssa.Value][]*protocols // Protocols, likewise
	results  map[*ssa.Call]*h2transport // what happens to ConfigureTransports' results
	reported map[ast.Node]bool          // expressions already reported
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !c.mentionsHTTP2(res.Names()) {
		return nil, nil // HTTP/2 is not configured here
	}
	_, index := res.SSA()
	s := &state{
		checker:  c,
		pass:     pass,
		rep:      report.New(pass),
		index:    index,
		tracer:   &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true},
		reported: make(map[ast.Node]bool),
	}
	s.traceSettings()
	s.http2Transports()
	s.transports()
	return nil, nil
}

// mentionsHTTP2 reports whether the package names something that turns
// HTTP/2 on or configures it: anything of x/net's http2, or the HTTP2 or
// Protocols field of a net/http type (with Implicit, also
// ForceAttemptHTTP2 and Clone).
func (c *checker) mentionsHTTP2(names httpapi.Names) bool {
	for _, obj := range names {
		if p := obj.Pkg(); p != nil && p.Path() == httpapi.XNetHTTP2 {
			return true
		}
	}
	return httpapi.TransportHTTP2.Mentioned(names) || httpapi.TransportProtocols.Mentioned(names) ||
		httpapi.TransportForceAttemptHTTP2.Mentioned(names) || c.opts.Implicit && httpapi.TransportClone.Mentioned(names)
}
