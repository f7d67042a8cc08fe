package plugin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Each finding reaches golangci-lint as one issue: its related locations
// are folded into its message, with their place when it is not the
// finding's.
func TestOneIssuePerFinding(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"a.go", "b.go"} {
		f, err := parser.ParseFile(fset, "/src/"+name, "package p\n\nvar x = 1\n\nvar y = 2\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	line := func(f *ast.File, n int) token.Pos { return fset.File(f.Pos()).LineStart(n) }
	a, b := files[0], files[1]
	for _, tc := range []struct {
		name string
		diag analysis.Diagnostic
		want string
	}{
		{"no related", analysis.Diagnostic{Pos: line(a, 3), Message: "m"}, "m"},
		{"note at the finding", analysis.Diagnostic{Pos: line(a, 3), Message: "m",
			Related: []analysis.RelatedInformation{{Pos: line(a, 3) + 4, Message: "do it"}}}, "m [do it]"},
		{"other line, other file, no place", analysis.Diagnostic{Pos: line(a, 3), Message: "m",
			Related: []analysis.RelatedInformation{{Pos: line(a, 5), Message: "returns here"}, {Pos: line(b, 3), Message: "made here"}, {Message: "note"}}},
			"m [line 5: returns here] [b.go:3: made here] [note]"},
	} {
		var got []analysis.Diagnostic
		an := &analysis.Analyzer{Name: "x", Doc: "x", Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(tc.diag)
			return nil, nil
		}}
		asGolangciIssues(an)
		if _, err := an.Run(&analysis.Pass{Fset: fset, Files: files, Report: func(d analysis.Diagnostic) { got = append(got, d) }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Message != tc.want || got[0].Related != nil {
			t.Errorf("%s: got %+v, want one diagnostic %q without related", tc.name, got, tc.want)
		}
	}
}
