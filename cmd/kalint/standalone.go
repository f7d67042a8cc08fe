package main

import (
	"cmp"
	"fmt"
	"go/token"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Exit statuses.
const (
	exitOK       = 0
	exitError    = 1
	exitFindings = 3
)

// A finding is one diagnostic, reported once even when its file belongs to
// several packages (a package and its test variant).
type finding struct {
	analyzer *analysis.Analyzer
	pkg      *packages.Package // the first package that reported it
	diag     analysis.Diagnostic
	posn     token.Position
}

// A run is the outcome of loading and analysing the packages.
type run struct {
	fset     *token.FileSet
	findings []finding
	notes    []finding  // what analyzers could not check (see noter)
	errors   []pkgError // load and type errors, then analysis errors, each once
}

// A pkgError is an error, with a package it was seen in.
type pkgError struct {
	pkg, key string // key: the analyzer, or "kalint" for load errors
	msg      string
	// repeat: an earlier package had the same error (one it imports, or
	// its test variant): printed once, but listed under each package in
	// JSON, so that every package left unanalysed says why.
	repeat bool
}

// standalone is kalint on packages named on the command line.
func standalone(all []*analysis.Analyzer, args []string) int {
	opts, enabled, patterns, fs := parseFlags(all, args)
	if len(patterns) > 0 && patterns[0] == "help" {
		return help(os.Stdout, all, fs, patterns[1:])
	}
	if len(patterns) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return exitError
	}
	r, err := analyse(enabled, patterns, opts.tests)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kalint:", err)
		return exitError
	}
	if opts.verbose {
		printNotes(r)
	}
	var code int
	switch {
	case opts.fix:
		return fixAndReport(r, opts, enabled, patterns)
	case opts.json:
		code = printJSON(os.Stdout, r)
	case opts.sarif:
		printErrors(r)
		code = printSARIF(os.Stdout, r, enabled)
	default:
		printErrors(r)
		code = printText(r, r.findings, opts.context)
	}
	if len(r.errors) > 0 {
		return exitError // errors win over findings, as in x/tools' checkers
	}
	return code
}

// fixAndReport applies the fixes, then prints the findings that remain:
// after writing files, from a new analysis of them (positions moved). It
// returns 3 when findings remain.
func fixAndReport(r *run, opts *options, enabled []*analysis.Analyzer, patterns []string) int {
	printErrors(r)
	left, files, err := fix(r, opts.diff)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kalint:", err)
		return exitError
	}
	fixed := len(r.findings) - len(left)
	if files > 0 && !opts.diff {
		if r, err = analyse(enabled, patterns, opts.tests); err != nil {
			fmt.Fprintln(os.Stderr, "kalint:", err)
			return exitError
		}
		printErrors(r)
		left = r.findings
	}
	verb := "fixed"
	if opts.diff {
		verb = "would fix"
	}
	fmt.Fprintf(os.Stderr, "kalint: %s %d findings in %d files; %d remain\n", verb, fixed, files, len(left))
	code := printText(r, left, opts.context)
	if len(r.errors) > 0 {
		return exitError
	}
	return code
}

// analyse loads the packages and runs the analyzers on those that
// type-check.
func analyse(enabled []*analysis.Analyzer, patterns []string, tests bool) (*run, error) {
	conf := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}
	pkgs, err := packages.Load(conf, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r := &run{fset: pkgs[0].Fset}
	seen := map[string]bool{}
	var ok []*packages.Package
	for _, p := range pkgs {
		// Print each load and type error once: a package and its test
		// variant share files, so the same error comes twice, and the
		// packages that import a broken one repeat it too.
		mine := map[string]bool{}
		packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
			for _, e := range loadErrors(q) {
				msg := e.Error()
				if !mine[msg] {
					mine[msg] = true
					r.errors = append(r.errors, pkgError{p.ID, "kalint", msg, seen[msg]})
					seen[msg] = true
				}
			}
		})
		// An ill-typed package (or one importing an ill-typed package)
		// is not analysed: its error says why.
		if !p.IllTyped {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return r, nil
	}
	analysedOnly(ok)
	graph, err := checker.Analyze(enabled, ok, nil)
	if err != nil {
		return nil, err
	}
	r.collect(graph)
	return r, nil
}

// analysedOnly cuts each package's imports down to the packages analysed
// with it. The others were loaded from export data, without the syntax an
// analyzer with facts needs (the checker would run it on them): facts flow
// between the packages analysed together, which `kalint ./...` makes the
// whole module, and the rest of the import graph costs nothing.
func analysedOnly(pkgs []*packages.Package) {
	analysed := make(map[string]*packages.Package, len(pkgs))
	for _, p := range pkgs {
		analysed[p.ID] = p
	}
	for _, p := range pkgs {
		kept := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if q := analysed[imp.ID]; q != nil {
				kept[path] = q
			}
		}
		p.Imports = kept
	}
}

// collect gathers the root actions' diagnostics, each once, sorted by
// position, and the analysis errors, each once.
func (r *run) collect(graph *checker.Graph) {
	type key struct {
		analyzer  string
		posn, end token.Position
		message   string
	}
	seen := map[key]bool{}
	errs := map[string]bool{}
	for act := range graph.All() {
		if act.Err != nil && !errs[act.Err.Error()] {
			errs[act.Err.Error()] = true
			r.errors = append(r.errors, pkgError{pkg: act.Package.ID, key: act.Analyzer.Name, msg: act.Err.Error()})
		}
		if !act.IsRoot {
			continue
		}
		add := func(list *[]finding, d analysis.Diagnostic) {
			k := key{act.Analyzer.Name, r.fset.Position(d.Pos), r.fset.Position(d.End), d.Message}
			if !seen[k] {
				seen[k] = true
				*list = append(*list, finding{act.Analyzer, act.Package, d, k.posn})
			}
		}
		for _, d := range act.Diagnostics {
			add(&r.findings, d)
		}
		if n, ok := act.Result.(noter); ok {
			for _, d := range n.Notes() {
				add(&r.notes, d)
			}
		}
	}
	sortFindings(r.findings)
	sortFindings(r.notes)
}

// A noter is an analyzer's result that says where the analyzer stopped
// short (respbody's bound on one function's cost): shown with -v.
type noter interface {
	Notes() []analysis.Diagnostic
}

func sortFindings(list []finding) {
	slices.SortStableFunc(list, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.posn.Filename, b.posn.Filename),
			cmp.Compare(a.posn.Offset, b.posn.Offset),
			cmp.Compare(a.analyzer.Name, b.analyzer.Name),
			cmp.Compare(a.diag.Message, b.diag.Message))
	})
}

// loadErrors returns a package's errors; when it has type errors, only
// those: go list then also reports the compiler's version of the same
// errors ("# pkg" and relative positions) for the build of export data.
func loadErrors(p *packages.Package) []packages.Error {
	typeErrs := slices.DeleteFunc(slices.Clone(p.Errors), func(e packages.Error) bool { return e.Kind != packages.TypeError })
	if len(typeErrs) > 0 {
		return typeErrs
	}
	return p.Errors
}
