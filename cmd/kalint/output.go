package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// printErrors prints the load, type and analysis errors, one line each.
func printErrors(r *run) {
	for _, e := range r.errors {
		if e.repeat {
			continue
		}
		if e.key == "kalint" {
			fmt.Fprintln(os.Stderr, e.msg)
		} else {
			fmt.Fprintf(os.Stderr, "%s: %s\n", e.key, e.msg)
		}
	}
}

// printNotes prints the analyzers' notes on standard error, each as
// "file:line:col: analyzer: note: message".
func printNotes(r *run) {
	for _, n := range r.notes {
		fmt.Fprintf(os.Stderr, "%s: %s: note: %s\n", n.posn, n.analyzer.Name, n.diag.Message)
	}
}

// printText prints findings on standard error as go vet does, each as
// "file:line:col: analyzer: message" followed by its related locations,
// indented, and returns the exit status for them.
func printText(r *run, list []finding, contextLines int) int {
	w := os.Stderr
	for _, f := range list {
		printPlace(w, r.fset, f.diag.Pos, f.diag.End, f.analyzer.Name+": "+f.diag.Message, contextLines)
		for _, rel := range f.diag.Related {
			printPlace(w, r.fset, rel.Pos, rel.End, "\t"+rel.Message, contextLines)
		}
	}
	if len(list) > 0 {
		return exitFindings
	}
	return exitOK
}

// printPlace prints "posn: message" and, with contextLines >= 0, the lines
// of pos..end with that many lines around them.
func printPlace(w io.Writer, fset *token.FileSet, pos, end token.Pos, message string, contextLines int) {
	posn := fset.Position(pos)
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if contextLines < 0 {
		return
	}
	last := fset.Position(cmp.Or(end, pos))
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - contextLines; i <= last.Line+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// The JSON output keeps the shape of x/tools' checkers:
// {"package": {"analyzer": [diagnostic...] or {"error": "..."}}}.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Error string `json:"error"`
	}
)

// printJSON prints the findings, each under the first package that
// reported it, and the errors, the first of each package and key under it
// (a package that imports a broken one, or the test variant of one, gets
// the error that kept it from analysis too). It returns 0: with -json,
// findings are data, not a failure.
func printJSON(w io.Writer, r *run) int {
	tree := map[string]map[string]any{}
	entry := func(pkg string) map[string]any {
		if tree[pkg] == nil {
			tree[pkg] = map[string]any{}
		}
		return tree[pkg]
	}
	for _, e := range r.errors {
		if m := entry(e.pkg); m[e.key] == nil {
			m[e.key] = jsonError{e.msg}
		}
	}
	for _, f := range r.findings {
		m := entry(f.pkg.ID)
		list, _ := m[f.analyzer.Name].([]jsonDiagnostic)
		m[f.analyzer.Name] = append(list, toJSON(r.fset, f.diag))
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err == nil {
		_, err = fmt.Fprintf(w, "%s\n", data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kalint:", err)
		return exitError
	}
	return exitOK
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) jsonDiagnostic {
	span := func(pos, end token.Pos) (string, string) {
		return fset.Position(pos).String(), fset.Position(cmp.Or(end, pos)).String()
	}
	j := jsonDiagnostic{Category: d.Category, Message: d.Message}
	j.Posn, j.End = span(d.Pos, d.End)
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			start := fset.Position(e.Pos)
			jf.Edits = append(jf.Edits, jsonEdit{start.Filename, start.Offset, fset.Position(e.End).Offset, string(e.NewText)})
		}
		j.SuggestedFixes = append(j.SuggestedFixes, jf)
	}
	for _, rel := range d.Related {
		jr := jsonRelated{Message: rel.Message}
		jr.Posn, jr.End = span(rel.Pos, rel.End)
		j.Related = append(j.Related, jr)
	}
	return j
}
