package respbody

import (
	"fmt"
	"go/types"
	"maps"
	"reflect"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
)

// A makeFact marks an exported function or method of a package of the
// module that hands back a fresh response, or its body, still open, in
// result Result (as the package's own wrappers are followed, see
// [state.function]): the caller owns it. A package that calls it judges
// the call as one of its own wrappers: minio's storage REST client
// returns the body of its Call to WalkDir in another package
// (minio/minio#12147), and eventing-kafka's sender hands back the sink's
// answer that its caller closes unread (knative eventing-kafka#273).
// Senders whose open response depends on the caller (a decode target, a
// guard argument, a HEAD method parameter, a cancel result) get none.
type makeFact struct {
	Result    int
	Kind      uint8 // respKind or bodyKind
	Err       int   // the result holding the error, or -1
	NoContent bool  // no body is handed back for a bodiless status (see [funcResult.noContent])
	// HeadParam is the argument (counting a method's receiver) the
	// request's method comes from, or -1: the caller's request or method
	// decides whether the answer is to HEAD ([funcResult.headParam]).
	HeadParam int
}

func (*makeFact) AFact() {}

func (f *makeFact) String() string {
	what := "response"
	if kind(f.Kind) == bodyKind {
		what = "body"
	}
	return fmt.Sprintf("hands back an open %s (result %d, error %d, no content %v, method from %d)", what, f.Result, f.Err, f.NoContent, f.HeadParam)
}

// makers is respmakers' result: the facts of the package's imports.
type makers struct {
	made map[*types.Func]*makeFact
}

// makersAnalyzer (respmakers) gives the senders of the packages of the
// modules being developed their facts ([ssapass.FactsHere]); it runs on
// the dependencies of the analysed packages too, and elsewhere it costs
// nothing but the reading of its imports' facts. Its analysis reports
// nothing: respbody reports.
var makersAnalyzer = &analysis.Analyzer{
	Name:       "respmakers",
	Doc:        "respbody's facts: the exported functions of the module's packages that hand back an open response or body",
	Requires:   []*analysis.Analyzer{ssapass.Analyzer},
	Run:        ssapass.Guard(runMakers),
	FactTypes:  []analysis.Fact{new(makeFact)},
	ResultType: reflect.TypeFor[*makers](),
}

func runMakers(pass *analysis.Pass) (any, error) {
	m := &makers{made: ssapass.FuncFacts[*makeFact](pass)}
	if !ssapass.FactsHere(pass) {
		return m, nil
	}
	quiet := *pass
	quiet.Report = func(analysis.Diagnostic) {}
	s := newState(&quiet, Options{Drain: DrainRead}, m.made)
	if s == nil {
		return m, nil
	}
	for _, fn := range ssapass.ExportedFuncs(s.index) {
		obj := fn.Object().(*types.Func)
		if handled(fn) {
			continue
		}
		r := s.function(fn)
		if len(r.fresh) == 0 || r.target != nil || r.guard != noGuard || r.cancel >= 0 || len(r.same) > 1 || takesTarget(fn.Signature) {
			continue
		}
		i := slices.Min(slices.Collect(maps.Keys(r.fresh)))
		f := &makeFact{Result: i, Kind: uint8(r.fresh[i]), Err: -1, NoContent: r.noContent, HeadParam: r.headParam}
		if results := fn.Signature.Results(); results.Len() > 1 && ssaflow.IsError(results.At(results.Len()-1).Type()) {
			f.Err = results.Len() - 1
		}
		pass.ExportObjectFact(obj, f)
	}
	return m, nil
}

// takesTarget reports whether sig has a parameter of an empty interface
// type: a decode target, which the sender may read the body into when the
// caller gives one (lego's sender.Get(ctx, url, response)). Whether it
// hands back an open response then depends on its caller.
func takesTarget(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if iface, ok := v.Type().Underlying().(*types.Interface); ok && iface.Empty() {
			return true
		}
	}
	return false
}
