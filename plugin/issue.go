package plugin

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// asGolangciIssues makes a's findings fit golangci-lint, which turns each
// Related location of a diagnostic into an issue of its own
// (pkg/goanalysis/runners.go in golangci-lint v2): //nolint on the finding
// would not silence those, and exclusion rules would miss them. Each
// diagnostic reaches golangci-lint with its related locations folded into
// its message, as one issue. It also leaves //nolint:kalint, //nolint:all
// and //nolint to golangci-lint (analyzers.NolintFlag), which applies them.
func asGolangciIssues(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) { pass.Report(fold(pass.Fset, d)) }
		return run(&inner)
	}
}

// fold appends d's related messages to its message, in brackets, each
// after its place when that is not d's line: resp.Body is not closed on a
// path that returns (connection leak) [line 18: returns here with the body
// open]; [b.go:3: ...] in another file.
func fold(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	at := fset.Position(d.Pos)
	var b strings.Builder
	b.WriteString(d.Message)
	for _, r := range d.Related {
		b.WriteString(" [")
		switch posn := fset.Position(r.Pos); {
		case !posn.IsValid() || posn.Filename == at.Filename && posn.Line == at.Line:
		case posn.Filename == at.Filename:
			fmt.Fprintf(&b, "line %d: ", posn.Line)
		default:
			fmt.Fprintf(&b, "%s:%d: ", filepath.Base(posn.Filename), posn.Line)
		}
		b.WriteString(r.Message + "]")
	}
	d.Message = b.String()
	d.Related = nil
	return d
}
