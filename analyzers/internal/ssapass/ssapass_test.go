package ssapass_test

import (
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

type built bool

func (b *built) AFact()         {}
func (b *built) String() string { return map[bool]string{true: "built", false: "skipped"}[bool(*b)] }

// probe exports, as a package fact, whether the shared pass built SSA.
var probe = &analysis.Analyzer{
	Name:      "probe",
	Doc:       "report whether ssapass built the package",
	Requires:  []*analysis.Analyzer{ssapass.Analyzer},
	FactTypes: []analysis.Fact{new(built)},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
		if res.Built() {
			pass.Reportf(pass.Files[0].Package, "built before anyone asked")
		}
		pkg, index := res.SSA()
		b := built(pkg != nil)
		if bool(b) != (index != nil) || bool(b) != res.Built() || bool(b) != res.ReachesHTTP {
			pass.Reportf(pass.Files[0].Package, "SSA, Built and ReachesHTTP disagree")
		}
		if again, _ := res.SSA(); again != pkg {
			pass.Reportf(pass.Files[0].Package, "built twice")
		}
		pass.ExportPackageFact(&b)
		return nil, nil
	},
}

func TestBuildsOnlyWhatReachesNetHTTP(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), probe, "plain", "direct", "wrapped/user")
}

func TestGuard(t *testing.T) {
	t.Parallel()
	run := ssapass.Guard(func(*analysis.Pass) (any, error) { panic("boom") })
	res, err := run(&analysis.Pass{Pkg: types.NewPackage("example.com/p", "p")})
	if res != nil || err == nil {
		t.Fatalf("Guard returned %v, %v; want nil and an error", res, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "internal error in kalint on package example.com/p: boom") {
		t.Errorf("error = %q", msg)
	}
	if strings.Contains(err.Error(), "goroutine") {
		t.Error("error carries a stack trace without KALINT_TRACEBACK")
	}
}

func TestResultType(t *testing.T) {
	t.Parallel()
	if ssapass.Analyzer.ResultType != reflect.TypeFor[*ssapass.Result]() {
		t.Error("unexpected result type")
	}
	if len(ssapass.Analyzer.FactTypes) != 0 || len(ssapass.Analyzer.Requires) != 0 {
		t.Error("the shared pass must have no facts and no requirements: they force dependencies to be analysed from source")
	}
}

// TestBuildAny checks that Build builds even a package that cannot reach
// net/http, and only once.
func TestBuildAny(t *testing.T) {
	t.Parallel()
	a := &analysis.Analyzer{
		Name:     "anyprobe",
		Doc:      "build with Build",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
			pkg, index := res.Build()
			if pkg == nil || index == nil || !res.Built() {
				pass.Reportf(pass.Files[0].Package, "not built")
			}
			if again, _ := res.Build(); again != pkg {
				pass.Reportf(pass.Files[0].Package, "built twice")
			}
			if viaSSA, _ := res.SSA(); (viaSSA != nil) != res.ReachesHTTP {
				pass.Reportf(pass.Files[0].Package, "SSA ignores ReachesHTTP after Build")
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), a, "netonly")
}
