// Package oneload runs analysistest over several configurations of one
// analyzer with a single load of their scenarios. Each analysistest.Run
// loads its packages and all their dependencies from source (net/http and
// about a hundred more, 2-3 s of CPU), so an analyzer test with a Run per
// option set paid that five or six times; here it pays it once, and every
// scenario is still checked against its // want comments, and golden
// files where the run checks fixes, by the configuration it was written
// for.
package oneload

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A Case is one configuration of the analyzer and the scenario packages
// (import paths under dir/src) it is checked on. A package belongs to one
// case.
type Case struct {
	Analyzer *analysis.Analyzer
	Patterns []string
	// Same, if set, is the analyzer configured another way (by its flags
	// where Analyzer is by Options) that must report exactly what Analyzer
	// reports on these packages, fixes included.
	Same *analysis.Analyzer
	// Fixes says to check the fixes on these packages against golden
	// files, as analysistest.RunWithSuggestedFixes does.
	Fixes bool
	// Quiet, if set, is the analyzer configured another way that must
	// report nothing on these packages (a default that leaves them out).
	Quiet *analysis.Analyzer
}

// Run is analysistest.Run over all the cases' packages at once, or, when
// a case checks fixes, analysistest.RunWithSuggestedFixes. The fixes of
// the other cases are then checked to be well formed (as the checker
// checks every fix) and left out, so that their files need no golden file.
func Run(t analysistest.Testing, dir string, cases ...Case) []*analysistest.Result {
	a, patterns, fixes, err := combine(cases)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	if fixes {
		return analysistest.RunWithSuggestedFixes(t, dir, a, patterns...)
	}
	return analysistest.Run(t, dir, a, patterns...)
}

// combine returns an analyzer that runs, on each package, the
// configuration of the case the package belongs to, the patterns of all
// the cases, and whether a case checks fixes.
func combine(cases []Case) (*analysis.Analyzer, []string, bool, error) {
	if len(cases) == 0 {
		return nil, nil, false, fmt.Errorf("oneload: no cases")
	}
	fixes := slices.ContainsFunc(cases, func(c Case) bool { return c.Fixes })
	owner := make(map[string]Case)
	var patterns []string
	var requires []*analysis.Analyzer
	first := cases[0].Analyzer
	for _, c := range cases {
		for _, a := range []*analysis.Analyzer{c.Analyzer, c.Same, c.Quiet} {
			if a == nil {
				continue
			}
			if a.Name != first.Name || a.ResultType != first.ResultType {
				return nil, nil, false, fmt.Errorf("oneload: %s and %s are not configurations of one analyzer", a, first)
			}
			for _, r := range a.Requires {
				if !slices.Contains(requires, r) {
					requires = append(requires, r)
				}
			}
		}
		for _, p := range c.Patterns {
			if _, dup := owner[p]; dup {
				return nil, nil, false, fmt.Errorf("oneload: %s is in two cases", p)
			}
			owner[p] = c
			patterns = append(patterns, p)
		}
	}
	a := &analysis.Analyzer{
		Name:       first.Name,
		Doc:        first.Doc,
		URL:        first.URL,
		Requires:   requires,
		ResultType: first.ResultType,
		Run: func(pass *analysis.Pass) (any, error) {
			// A package, its test variant, its external tests and its test
			// main belong to the case of the package.
			c, ok := owner[strings.TrimSuffix(strings.TrimSuffix(pass.Pkg.Path(), ".test"), "_test")]
			if !ok {
				return nil, fmt.Errorf("oneload: package %s is in no case", pass.Pkg.Path())
			}
			var reported []analysis.Diagnostic
			var bad error
			res, err := runAs(c.Analyzer, pass, func(d analysis.Diagnostic) {
				reported = append(reported, d)
				if fixes && !c.Fixes {
					if e := wellFormed(pass.Fset, d.SuggestedFixes); e != nil && bad == nil {
						bad = fmt.Errorf("oneload: %v: %v", pass.Fset.Position(d.Pos), e)
					}
					d.SuggestedFixes = nil
				}
				pass.Report(d)
			})
			if err == nil {
				err = bad
			}
			if err == nil && c.Same != nil {
				err = same(c.Same, pass, reported)
			}
			if err == nil && c.Quiet != nil {
				err = same(c.Quiet, pass, nil)
			}
			return res, err
		},
	}
	return a, patterns, fixes, nil
}

// runAs runs a on pass, with its diagnostics going to report.
func runAs(a *analysis.Analyzer, pass *analysis.Pass, report func(analysis.Diagnostic)) (any, error) {
	p := *pass
	p.Analyzer = a
	p.Report = report
	return a.Run(&p)
}

// same runs other on pass and reports an error unless it reports want.
func same(other *analysis.Analyzer, pass *analysis.Pass, want []analysis.Diagnostic) error {
	var got []analysis.Diagnostic
	if _, err := runAs(other, pass, func(d analysis.Diagnostic) { got = append(got, d) }); err != nil {
		return err
	}
	text := func(list []analysis.Diagnostic) []string {
		var out []string
		for _, d := range list {
			s := fmt.Sprintf("%v: %s", pass.Fset.Position(d.Pos), d.Message)
			for _, f := range d.SuggestedFixes {
				s += fmt.Sprintf(" [fix %q:", f.Message)
				for _, e := range f.TextEdits {
					s += fmt.Sprintf(" %v-%v %q", pass.Fset.Position(e.Pos), pass.Fset.Position(e.End), e.NewText)
				}
				s += "]"
			}
			out = append(out, s)
		}
		slices.Sort(out)
		return out
	}
	if w, g := text(want), text(got); !slices.Equal(w, g) {
		return fmt.Errorf("oneload: on %s, the other configuration reports\n\t%s\nbut want\n\t%s",
			pass.Pkg.Path(), strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
	}
	return nil
}

// wellFormed reports an error unless fixes are what a driver can apply:
// distinct messages, and edits each within one file of fset that do not
// overlap.
func wellFormed(fset *token.FileSet, fixes []analysis.SuggestedFix) error {
	messages := make(map[string]bool)
	for _, fix := range fixes {
		if messages[fix.Message] {
			return fmt.Errorf("two fixes %q", fix.Message)
		}
		messages[fix.Message] = true
		edits := slices.Clone(fix.TextEdits)
		for i := range edits {
			if !edits[i].End.IsValid() {
				edits[i].End = edits[i].Pos
			}
		}
		slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int {
			return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
		})
		for i, e := range edits {
			f := fset.File(e.Pos)
			if f == nil || e.End < e.Pos || int(e.End) > f.Base()+f.Size() {
				return fmt.Errorf("fix %q: edit %d is not within one file", fix.Message, i)
			}
			if i > 0 && edits[i-1].End > e.Pos {
				return fmt.Errorf("fix %q: edits %d and %d overlap", fix.Message, i-1, i)
			}
		}
	}
	return nil
}
