// Package docs extracts an analyzer's Doc string from the package comment of
// its doc.go, so that the documentation users read on pkg.go.dev and the
// text `kalint help` prints are one text.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the documentation of analyzer name from the Go source of
// a doc.go file. The package comment must hold a section headed
// "# Analyzer <name>" whose first line reads "<name>: <summary>"; the result
// is the summary, a blank line, and the rest of the section.
func Extract(src []byte, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	lines := strings.Split(f.Doc.Text(), "\n")
	heading := "# Analyzer " + name
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == heading {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return "", fmt.Errorf("doc.go has no %q section", heading)
	}
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	end := len(lines)
	for i := start; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "# Analyzer ") {
			end = i
			break
		}
	}
	if start == end {
		return "", fmt.Errorf("section %q is empty", heading)
	}
	summary, ok := strings.CutPrefix(lines[start], name+": ")
	if !ok || summary == "" {
		return "", fmt.Errorf("section %q must start with %q", heading, name+": <summary>")
	}
	body := strings.TrimSpace(strings.Join(lines[start+1:end], "\n"))
	if body == "" {
		return summary, nil
	}
	return summary + "\n\n" + body, nil
}

// MustExtract is [Extract] for package initialisation: a malformed doc.go
// is a build defect that the analyzer's tests catch.
func MustExtract(src []byte, name string) string {
	doc, err := Extract(src, name)
	if err != nil {
		panic(fmt.Sprintf("analyzer %s: %v", name, err))
	}
	return doc
}
