package ssapass_test

import (
	"go/types"
	"path"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
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
		if res.Builds() > 0 {
			pass.Reportf(pass.Files[0].Package, "built before anyone asked")
		}
		pkg, index := res.SSA()
		b := built(pkg != nil)
		if bool(b) != (index != nil) || bool(b) != (res.Builds() > 0) || bool(b) != res.ReachesHTTP {
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
			if pkg == nil || index == nil || !(res.Builds() > 0) {
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

// TestReleased checks that the result does not keep the SSA form alive once
// the analyzers that asked for it let go (the checker keeps every result
// until the run ends), and that asking again builds it again.
func TestReleased(t *testing.T) {
	t.Parallel()
	a := &analysis.Analyzer{
		Name:     "releaseprobe",
		Doc:      "drop the SSA form and ask again",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
			var held weak.Pointer[ssaflow.Index]
			func() {
				_, index := res.SSA()
				held = weak.Make(index)
			}()
			runtime.GC()
			if held.Value() != nil {
				pass.Reportf(pass.Files[0].Package, "SSA form kept after its users let go")
			}
			if _, index := res.SSA(); index == nil || res.Builds() != 2 {
				pass.Reportf(pass.Files[0].Package, "asked again: %d builds, want 2", res.Builds())
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), a, "release")
}

func TestFactsHere(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		path   string
		module *analysis.Module
		want   bool
	}{
		{"example.com/svc/api", &analysis.Module{Path: "example.com/svc"}, true},
		{"myservice/api", &analysis.Module{Path: "myservice"}, true}, // a module without a dot
		{"example.com/svc/api", nil, true},                           // a driver naming no module
		{"github.com/lib/pq", &analysis.Module{Path: "github.com/lib/pq", Version: "v1.10.9"}, false},
		{"net/http", &analysis.Module{}, false},
	} {
		pass := &analysis.Pass{Pkg: types.NewPackage(c.path, path.Base(c.path)), Module: c.module}
		if got := ssapass.FactsHere(pass); got != c.want {
			t.Errorf("FactsHere(%s, %+v) = %v, want %v", c.path, c.module, got, c.want)
		}
	}
}
