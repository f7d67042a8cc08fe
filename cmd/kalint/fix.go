package main

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"maps"
	"os"
	"slices"

	udiff "github.com/aymanbagabas/go-udiff"
)

// fix applies the first suggested fix of each finding, merging the fixes
// as x/tools' checkers do (a fix that conflicts with one already taken is
// left out whole), and says what it fixed. With -diff it prints the change
// instead of writing it. It returns the findings it did not fix and the
// number of files changed.
func fix(r *run, diff bool) ([]finding, int, error) {
	generated := generatedFiles(r)
	edits := map[string][]udiff.Edit{} // file name -> accumulated edits
	var left []finding
	verb := "fixed"
	if diff {
		verb = "would fix (-diff)"
	}
	for _, f := range r.findings {
		if len(f.diag.SuggestedFixes) == 0 {
			left = append(left, f)
			continue
		}
		after, ok := merge(r.fset, edits, f, generated)
		if !ok {
			left = append(left, f)
			continue
		}
		maps.Copy(edits, after)
		fmt.Fprintf(os.Stderr, "kalint: %s %s: %s: %s\n", verb, f.posn, f.analyzer.Name, f.diag.SuggestedFixes[0].Message)
	}
	return left, len(edits), writeFixes(edits, diff)
}

// merge merges the edits of f's first fix into the accumulated edits; it
// fails when the fix touches a generated file or conflicts.
func merge(fset *token.FileSet, edits map[string][]udiff.Edit, f finding, generated map[string]bool) (map[string][]udiff.Edit, bool) {
	after := map[string][]udiff.Edit{}
	for _, e := range f.diag.SuggestedFixes[0].TextEdits {
		file := fset.File(e.Pos)
		if generated[file.Name()] {
			return nil, false
		}
		after[file.Name()] = append(after[file.Name()], udiff.Edit{Start: file.Offset(e.Pos), End: file.Offset(e.End), New: string(e.NewText)})
	}
	for name, mine := range after {
		if prev := edits[name]; len(prev) > 0 {
			merged, ok := udiff.Merge(prev, mine)
			if !ok {
				return nil, false
			}
			after[name] = merged
		}
	}
	return after, true
}

// generatedFiles returns the names of the analysed files that are
// generated: fixes do not touch them.
func generatedFiles(r *run) map[string]bool {
	gen := map[string]bool{}
	for _, f := range r.findings {
		for _, file := range f.pkg.Syntax {
			gen[r.fset.File(file.FileStart).Name()] = ast.IsGenerated(file)
		}
	}
	return gen
}

// writeFixes applies the edits to each file and gofmts the result, then
// writes the file or, with diff, prints a unified diff.
func writeFixes(edits map[string][]udiff.Edit, diff bool) error {
	for _, name := range slices.Sorted(maps.Keys(edits)) {
		old, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		src, err := udiff.ApplyBytes(old, edits[name])
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if formatted, err := format.Source(src); err == nil {
			src = formatted
		}
		if diff {
			fmt.Print(udiff.Unified(name+" (old)", name+" (new)", string(old), string(src)))
			continue
		}
		if err := os.WriteFile(name, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
