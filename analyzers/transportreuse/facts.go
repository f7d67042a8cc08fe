package transportreuse

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"github.com/kalint/kalint/analyzers/internal/syntax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
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
	// Config: keep-alives follow these fields, which the function's
	// package never sets (`tr.DisableKeepAlives = opts.DisableKeepAlive`,
	// cs3org/reva's rhttp options): on, unless the caller's package sets
	// one.
	Config []configField
}

// A configField names a field of a struct type: Field of Pkg.Type.
type configField struct{ Pkg, Type, Field string }

func (*makeFact) AFact() {}

func (f *makeFact) String() string {
	return fmt.Sprintf("makes a transport at every call (result %d, idle expire %v, keep-alives off %v%s)", f.Result, f.Idle, f.Disabled, configString(f.Config))
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
			pass.ExportObjectFact(obj, &makeFact{Result: i, Idle: r.idle, Disabled: r.disabled, Config: r.config})
			break
		}
	}
	return m, nil
}

func configString(fields []configField) string {
	var sb strings.Builder
	for i, cf := range fields {
		sep := ", unless the caller sets "
		if i > 0 {
			sep = " or "
		}
		sb.WriteString(sep + cf.Pkg + "." + cf.Type + "." + cf.Field)
	}
	return sb.String()
}

// unsetField returns the field that v loads, when v is a load of a field
// of a named struct that no code of the package sets to anything but its
// zero value: keep-alives set from it (`tr.DisableKeepAlives =
// opts.DisableKeepAlive`) are on in every run the package shows
// (cs3org/reva#1260's rhttp options, whose Option functions never set
// the field). A configuration decoded as a whole is not seen, so such a
// field counts as its default, false.
func (s *state) unsetField(v ssa.Value) (configField, bool) {
	var x ssa.Value
	var i int
	switch v := v.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok || v.Op != token.MUL {
			return configField{}, false
		}
		x, i = fa.X, fa.Field
	case *ssa.Field:
		x, i = v.X, v.Field
	default:
		return configField{}, false
	}
	tn := httpapi.NamedOf(x.Type())
	f := ssaflow.FieldOf(x.Type(), i)
	if tn == nil || tn.Pkg() == nil || f == nil || tn.Type() != types.Unalias(x.Type()) && tn.Type() != ptrElem(x.Type()) {
		return configField{}, false // an instance of a generic type, or no named struct
	}
	if !syntax.OnlyZeroWrites(s.Files, s.TypesInfo, f) {
		return configField{}, false
	}
	return configField{Pkg: tn.Pkg().Path(), Type: tn.Name(), Field: f.Name()}, true
}

func ptrElem(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return nil
}

// setsConfig reports whether the package may set one of fields (a
// constructor's [configField]s): it writes one to anything but its zero
// value, takes its address, or cannot name it (its type is not in the
// package or one it imports).
func (s *state) setsConfig(fields []configField) bool {
	for _, cf := range fields {
		f := lookupField(s.Pkg, cf)
		if f == nil || !syntax.OnlyZeroWrites(s.Files, s.TypesInfo, f) {
			return true
		}
	}
	return false
}

// lookupField finds cf in pkg or one of its imports.
func lookupField(pkg *types.Package, cf configField) *types.Var {
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		if p.Path() != cf.Pkg {
			continue
		}
		tn, ok := p.Scope().Lookup(cf.Type).(*types.TypeName)
		if !ok {
			return nil
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		for f := range st.Fields() {
			if f.Name() == cf.Field {
				return f
			}
		}
	}
	return nil
}
