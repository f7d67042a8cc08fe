// Package ssapass is the one SSA pass that every kalint analyzer shares.
//
// It builds the SSA form of the package under analysis itself instead of
// requiring golang.org/x/tools/go/analysis/passes/buildssa: buildssa requires
// ctrlflow, whose facts make every driver load and analyse every dependency
// (the standard library included) from source. This pass has no facts, so
// dependencies come from export data. Packages that cannot reach net/http
// through their import graph cannot hold a net/http value; for them no SSA
// is built, unless an analyzer of package net's own mistakes asks with
// [Result.Build].
//
// What is built is kept small (see trim.go): only the functions that can
// matter to an analyzer get bodies, and an imported package's SSA form has
// only the functions and variables that those bodies name (see
// createImport; in BareInits mode, where the package initialiser does not
// call the imports' initialisers, the builder needs nothing else when it
// does not instantiate generics).
//
// The SSA form is built lazily, on the first call of [Result.SSA], so that an
// analyzer can first rule a package out with a cheap look at its syntax or
// type information; when no analyzer asks, nothing is built.
package ssapass

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"sync"
	"weak"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer builds the package's SSA form once for all kalint analyzers.
var Analyzer = &analysis.Analyzer{
	Name:       "ssapass",
	Doc:        "build the SSA form of packages that can reach net/http, once for all kalint analyzers",
	Run:        Guard(run),
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the shared SSA form of one package, built on demand. Analyzers
// of one package may use it concurrently.
//
// The Result does not keep the SSA form alive: the checker keeps every
// action's result until the whole run ends, and holding every package's SSA
// form that long made the heap, and with it the garbage collector's work,
// grow with the number of packages. The built form is reachable only from
// the analyzers that hold it, through a weak pointer here; once the last of
// them returns it is collected. An analyzer that asks after it has been
// collected gets a new build, equal to the first; the analyzers of one
// package start together, so that is rare.
type Result struct {
	// ReachesHTTP reports whether the package can reach net/http. When it
	// cannot, analyzers have nothing to do and SSA returns nil.
	ReachesHTTP bool

	mu     sync.Mutex
	build  func() *ssaflow.Index
	built  weak.Pointer[ssaflow.Index]
	builds int

	names     func() httpapi.Names
	namesOnce sync.Once
	namesList httpapi.Names
}

// Names returns what the package names outside its local variables
// (computed once, for all analyzers' cheap tests).
func (r *Result) Names() httpapi.Names {
	r.namesOnce.Do(func() { r.namesList = r.names() })
	return r.namesList
}

// SSA returns the package's SSA form and its index, building them on the
// first call; nil, nil if the package cannot reach net/http. The caller
// must hold on to the index (which holds the package) for as long as it
// uses either.
func (r *Result) SSA() (*ssa.Package, *ssaflow.Index) {
	if !r.ReachesHTTP {
		return nil, nil
	}
	return r.Build()
}

// Build returns the package's SSA form and its index like [Result.SSA], but
// for any package, also one that cannot reach net/http. It is for analyzers
// whose mistakes live in package net alone (connfile: (*net.TCPConn).File);
// they must gate on their own cheap test first.
func (r *Result) Build() (*ssa.Package, *ssaflow.Index) {
	r.mu.Lock()
	defer r.mu.Unlock()
	index := r.built.Value()
	if index == nil {
		index = r.build()
		r.built = weak.Make(index)
		r.builds++
	}
	return index.Pkg, index
}

// Builds reports how many times the SSA form has been built: 0 until an
// analyzer asks, then 1 unless it had been collected before another asked
// (for tests and measurements).
func (r *Result) Builds() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.builds
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		ReachesHTTP: Reaches(pass.Pkg, httpapi.NetHTTP),
		names:       func() httpapi.Names { return httpapi.NamesOf(pass.Pkg, pass.TypesInfo) },
	}
	res.build = func() *ssaflow.Index {
		prog := ssa.NewProgram(pass.Fset, ssa.BareInits)
		files, needed, sealed := trim(pass.Files, pass.TypesInfo, pass.Pkg)
		for _, imp := range pass.Pkg.Imports() {
			if objs := needed[imp]; len(objs) > 0 {
				createImport(prog, imp, objs)
			}
		}
		pkg := prog.CreatePackage(pass.Pkg, files, pass.TypesInfo, false)
		pkg.Build()
		index := ssaflow.NewIndex(pkg)
		index.Sealed = sealed
		return index
	}
	return res, nil
}

// Reaches reports whether pkg is, or transitively imports, the package
// with the given path. For packages loaded from export data the import list
// holds the packages whose declarations pkg's API mentions, which is what
// matters here: a package that cannot name a net/http type cannot hold one.
func Reaches(pkg *types.Package, path string) bool {
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if p.Path() == path {
			return true
		}
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// Guard wraps an analyzer's run function so that a panic (a kalint bug,
// typically on code shapes nobody foresaw) becomes an analysis error naming
// the package, instead of a stack trace that stops the whole run. Set
// KALINT_TRACEBACK=1 to include the stack in the error.
func Guard(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error in kalint on package %s: %v (please report it at https://github.com/kalint/kalint/issues)%s",
					pass.Pkg.Path(), r, traceback())
				result = nil
			}
		}()
		return run(pass)
	}
}

func traceback() string {
	if os.Getenv("KALINT_TRACEBACK") == "" {
		return ""
	}
	return "\n" + string(debug.Stack())
}
