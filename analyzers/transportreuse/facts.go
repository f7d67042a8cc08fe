package transportreuse

import (
	"fmt"
	"go/types"
	"maps"
	"reflect"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
)

// A makeFact marks an exported function or method of a package of the
// module that makes a fresh transport at every call and returns it (or
// an *http.Client holding it) in result Result: not kept anywhere, as the
// package's own constructors are summarised ([state.summary]). A package
// that calls it judges the call as a construction of its own: a helper
// package's GetHTTPClient() called for every request (cs3org/reva#1260)
// makes a transport per request.
type makeFact struct {
	Result   int
	Idle     bool // its idle connections expire (IdleConnTimeout set or inherited, or may be)
	Disabled bool // keep-alives are, or may be, off
}

func (*makeFact) AFact() {}

func (f *makeFact) String() string {
	return fmt.Sprintf("makes a transport at every call (result %d, idle expire %v, keep-alives off %v)", f.Result, f.Idle, f.Disabled)
}

// makers is transportmakers' result: the facts of the package's imports.
type makers struct {
	made map[*types.Func]*makeFact
}

// makersAnalyzer (transportmakers) gives the constructors of the packages
// of the modules being developed their facts ([ssapass.FactsHere]); it
// runs on the dependencies of the analysed packages too, and elsewhere it
// costs nothing but the reading of its imports' facts.
var makersAnalyzer = &analysis.Analyzer{
	Name:       "transportmakers",
	Doc:        "transportreuse's facts: the exported functions of the module's packages that make a fresh transport at every call",
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
	s := newState(pass, Options{}, m.made)
	if s == nil {
		return m, nil
	}
	for _, fn := range ssapass.ExportedFuncs(s.x) {
		obj := fn.Object().(*types.Func)
		sum := s.summary(fn)
		for _, i := range slices.Sorted(maps.Keys(sum)) {
			r := sum[i]
			if len(r.held) > 0 {
				continue // a struct of the package holds it: its methods send, out of the caller's view
			}
			pass.ExportObjectFact(obj, &makeFact{Result: i, Idle: r.idle, Disabled: r.disabled})
			break
		}
	}
	return m, nil
}
