package report

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// NolintFlag is the flag, on every analyzer, that says whether the
// analyzer applies //nolint:kalint, //nolint:all and //nolint itself. The
// golangci-lint plugin sets it to false: golangci-lint applies those
// comments, and its nolintlint checks them, only if the findings reach it.
// //nolint:<analyzer> is applied either way: golangci-lint knows only the
// linter kalint, not its analyzers.
const NolintFlag = "nolint"

// Directives makes a honour kalint's suppression comments, in every driver:
// it wraps a's run so that findings under a directive for a are not
// reported, and, once the run succeeds, reports the directives of the
// package that are malformed or suppressed nothing of a's. It registers
// NolintFlag. Every analyzer's constructor calls it once, last.
func Directives(a *analysis.Analyzer) *analysis.Analyzer {
	nolint := new(bool)
	a.Flags.BoolVar(nolint, NolintFlag, true,
		"apply //nolint:kalint, //nolint:all and //nolint (the golangci-lint plugin turns this off: golangci-lint applies them)")
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		s := newSuppressor(pass, a.Name, *nolint)
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			if !s.suppressed(d) {
				pass.Report(d)
			}
		}
		result, err := run(&inner)
		if err == nil {
			s.finish()
		}
		return result, err
	}
	return a
}

// A suppressor holds the directives of one pass.
type suppressor struct {
	pass     *analysis.Pass
	analyzer string
	kalint   []*directive
	nolint   []nolintRange
	suite    bool // apply the //nolint comments for every linter and for kalint
}

func newSuppressor(pass *analysis.Pass, analyzer string, nolint bool) *suppressor {
	s := &suppressor{pass: pass, analyzer: analyzer, suite: nolint}
	kinds := fileKinds(pass)
	for _, f := range pass.Files {
		if kinds[f] == generated {
			continue // nothing is reported there
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "//kalint:") {
					s.kalint = append(s.kalint, parseDirective(pass.Fset, c))
				}
			}
		}
		s.nolint = append(s.nolint, nolintRanges(pass.Fset, f)...)
	}
	return s
}

// suppressed reports whether a directive covers d, and marks the kalint
// directives that do as used.
func (s *suppressor) suppressed(d analysis.Diagnostic) bool {
	if !d.Pos.IsValid() {
		return false
	}
	posn := s.pass.Fset.Position(d.Pos)
	found := false
	for _, dir := range s.kalint {
		if dir.covers(posn) && slices.Contains(dir.names, s.analyzer) {
			dir.used = true
			found = true
		}
	}
	return found || s.nolintCovers(posn)
}

// nolintCovers reports whether a //nolint comment covers posn.
func (s *suppressor) nolintCovers(posn token.Position) bool {
	for _, r := range s.nolint {
		if r.covers(posn, s.analyzer, s.suite) {
			return true
		}
	}
	return false
}

// finish reports the malformed directives this analyzer owns and its
// stale ones: directives naming it that suppressed none of its findings.
// A //nolint comment silences these as it does findings (golangci-lint
// would drop them there too).
func (s *suppressor) finish() {
	for _, dir := range s.kalint {
		if s.nolintCovers(s.pass.Fset.Position(dir.pos)) {
			continue
		}
		var msg string
		switch {
		case dir.problem != "":
			if dir.owner() == s.analyzer {
				msg = fmt.Sprintf("%s %s (it suppresses nothing)", dir.text, dir.problem)
			}
		case !dir.used && slices.Contains(dir.names, s.analyzer):
			msg = fmt.Sprintf("%s suppresses no %s finding (stale directive)", dir.text, s.analyzer)
		}
		if msg != "" {
			s.pass.Report(analysis.Diagnostic{Pos: dir.pos, End: dir.end, Message: msg})
		}
	}
}
