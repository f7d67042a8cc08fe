package postretry

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
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

// DefaultMethods are the methods reported unless Options says otherwise.
var DefaultMethods = []string{"POST", "PATCH"}

// Options configure the analyzer.
type Options struct {
	// Methods are the request methods reported when a send of them is not
	// retried; nil means DefaultMethods. Flag -postretry.methods
	// (comma-separated).
	Methods []string
	// Tests reports sends in _test.go files too. Flag -postretry.tests.
	Tests bool
}

// Analyzer is postretry with default options.
var Analyzer = New(Options{})

// New returns a postretry analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.Methods == nil {
		opts.Methods = DefaultMethods
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "postretry",
		Doc:      docs.MustExtract(doc, "postretry"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/postretry",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.ListVar(&a.Flags, &c.opts.Methods, "methods", opts.Methods, checkMethod,
		"comma-separated request methods reported when a send of them is not retried")
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also report sends in _test.go files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// checkMethod checks that a method is a token (RFC 9110, section 5.6.2)
// without lower-case letters: net/http sends methods as written and
// compares them case-sensitively, so "post" would never match a POST.
func checkMethod(m string) error {
	for _, r := range m {
		if !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)) {
			return fmt.Errorf("method %q is not an upper-case HTTP method token", m)
		}
	}
	return nil
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !c.sendsRequests(pass, res.Names()) {
		return nil, nil
	}
	_, index := res.SSA()
	s := newState(pass, index, c.opts)
	for _, fn := range index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					if snd, ok := sendOf(callee.Func(call.Common())); ok {
						s.check(call, snd)
					}
				}
			}
		}
	}
	return nil, nil
}

// sendsRequests is the cheap gate: the package names a send function in a
// file that may be reported.
func (c *checker) sendsRequests(pass *analysis.Pass, names httpapi.Names) bool {
	if !slices.ContainsFunc(names, func(obj types.Object) bool {
		fn, ok := obj.(*types.Func)
		return ok && isSend(fn)
	}) {
		return false
	}
	if c.opts.Tests || !slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return report.InTest(pass.Fset, f.FileStart) }) {
		return true
	}
	for id, obj := range pass.TypesInfo.Uses { // where is it named?
		if fn, ok := obj.(*types.Func); ok && isSend(fn) && !report.InTest(pass.Fset, id.Pos()) {
			return true
		}
	}
	return false
}

// A state is the analysis of one package: memoised answers about its
// functions, shared by all sends.
type state struct {
	pass   *analysis.Pass
	rep    *report.Reporter
	index  *ssaflow.Index
	tracer *ssaflow.Tracer
	back   *ssaflow.Backtracer
	run    *ssaflow.Backtracer // within one run of the function it starts in
	// every walks parameters back to all the package's calls, exported
	// functions' and methods' too; kept follows requests through the
	// fields only the package can name. They find the requests that the
	// package's own calls send through a helper (see [state.resent]).
	every   *ssaflow.Backtracer
	kept    *ssaflow.Tracer
	opts    Options
	retried map[*ssa.Function]retryState
	values  map[*ssa.Function][]valueUse // uses of functions as values
	loops   ssaflow.Loops
	// fieldsSeen are the fields whose loads are being followed.
	fieldsSeen map[*types.Var]bool
}

func newState(pass *analysis.Pass, index *ssaflow.Index, opts Options) *state {
	return &state{
		pass:   pass,
		rep:    report.New(pass),
		index:  index,
		tracer: &ssaflow.Tracer{Index: index, Fields: true},
		back:   &ssaflow.Backtracer{Index: index, Fields: true, Through: httpflow.Derived},
		run:    &ssaflow.Backtracer{Index: index, Run: true},
		every: &ssaflow.Backtracer{Index: index, Fields: true, Through: httpflow.Derived,
			CallersSeen: func(*ssa.Function) bool { return true }},
		kept:    &ssaflow.Tracer{Index: index, Fields: true, HiddenFields: true},
		opts:    opts,
		retried: make(map[*ssa.Function]retryState),

		fieldsSeen: make(map[*types.Var]bool),
	}
}

// check looks at one send.
func (s *state) check(call ssa.CallInstruction, snd send) {
	if s.rep.Generated(call.Pos()) || !s.opts.Tests && report.InTest(s.pass.Fset, call.Pos()) {
		return
	}
	recv, reqArg, ok := snd.operands(call.Common())
	if !ok {
		return
	}
	if obj, ok := call.Parent().Object().(*types.Func); ok {
		if _, ok := sendOf(obj.Origin()); ok {
			return // net/http's own Post forwarding to Client.Post: its callers are judged
		}
	}
	if c, ok := call.(*ssa.Call); ok && snd.body >= 0 && snd.body < len(c.Call.Args) {
		if again := s.postedBody(c, c.Call.Args[snd.body]); again.attempt != nil {
			s.reportReuse(call, nil, again)
			return
		}
	}
	var req *request
	if reqArg != nil {
		req = s.request(reqArg)
		if resent, again := s.resent(call, req, reqArg); again.attempt != nil {
			s.reportReuse(call, resent, again)
			return
		}
		if again := s.rebuilt(call, req); again.attempt != nil {
			s.reportReuse(call, req, again)
			return
		}
	}
	var helpers []*ssa.Function // exported helpers the request came through
	if req != nil && req.opaque {
		if wide, crossed := s.viaExported(reqArg); wide != nil {
			req, helpers = wide, crossed
		}
	}
	method, ok := s.method(snd, req)
	if !ok {
		if req != nil && !req.opaque && len(helpers) == 0 && s.keepAlive(call, snd, recv) {
			s.checkSites(call, snd, reqArg)
		}
		return
	}
	if !s.keepAlive(call, snd, recv) || s.isRetried(call) || len(helpers) > 0 && s.callsRetried(helpers) || s.handedBack(call, maxWrapperDepth) {
		return
	}
	if req != nil && req.replayable() {
		return // net/http retries it itself
	}
	if req != nil && req.closes {
		return // sent on a connection of its own, never a stale pooled one
	}
	s.report(call, analysis.Diagnostic{
		Message: fmt.Sprintf("%s via %s is not retried when the server closes an idle connection (sporadic EOF)", method, snd.name),
	}, req, "retry the request, or set an Idempotency-Key header")
}

// method returns the configured method that the send uses, if it certainly
// uses configured methods only.
func (s *state) method(snd send, req *request) (string, bool) {
	methods := []string{snd.method}
	if req != nil {
		if req.opaque || req.anyMethod || len(req.methods) == 0 {
			return "", false
		}
		methods = req.methods
	}
	for _, m := range methods {
		if !slices.Contains(s.opts.Methods, m) {
			return "", false
		}
	}
	return methods[0], true
}
