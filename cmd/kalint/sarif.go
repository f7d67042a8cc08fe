package main

import (
	"crypto/sha256"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/tools/go/analysis"
)

// srcRoot is the SARIF base that result paths are relative to: the
// directory kalint runs in, as code-scanning uploads expect.
const srcRoot = "%SRCROOT%"

// fingerprintKey names kalint's partial fingerprint (the version suffix
// lets the scheme change without matching old results wrongly).
const fingerprintKey = "kalintFinding/v1"

// printSARIF prints the findings as one SARIF 2.1.0 run: one rule per
// analyzer, one result per finding with its related locations. It returns
// the exit status for the findings, as the text output does.
func printSARIF(w io.Writer, r *run, enabled []*analysis.Analyzer) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kalint:", err)
		return exitError
	}
	report := sarif.NewReport()
	run := sarif.NewRunWithInformationURI("kalint", "https://pkg.go.dev/github.com/kalint/kalint")
	run.Tool.Driver.WithVersion(version())
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
		srcRoot: *sarif.NewArtifactLocation().WithURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(wd) + "/"}).String()),
	})
	for _, a := range enabled {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		run.AddRule(a.Name).WithName(a.Name).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(summary)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(a.Doc)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(a.Doc)).
			WithHelpURI(a.URL)
	}
	seen := map[string]int{} // fingerprint base -> occurrences so far
	for _, f := range r.findings {
		res := run.CreateResultForRule(f.analyzer.Name).
			WithMessage(sarif.NewTextMessage(f.diag.Message)).
			AddLocation(location(r.fset, wd, f.diag.Pos, f.diag.End, ""))
		for _, rel := range f.diag.Related {
			res.AddRelatedLocation(location(r.fset, wd, rel.Pos, rel.End, rel.Message))
		}
		base := fingerprint(f.analyzer.Name, relPath(wd, f.posn.Filename), f.diag.Message)
		seen[base]++
		res.WithPartialFingerprints(map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", base, seen[base])})
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		fmt.Fprintln(os.Stderr, "kalint:", err)
		return exitError
	}
	fmt.Fprintln(w)
	if len(r.findings) > 0 {
		return exitFindings
	}
	return exitOK
}

// location is a SARIF location for pos..end, relative to srcRoot when the
// file is under the working directory.
func location(fset *token.FileSet, wd string, pos, end token.Pos, message string) *sarif.Location {
	start, stop := fset.Position(pos), fset.Position(end)
	if !stop.IsValid() {
		stop = start
	}
	region := sarif.NewRegion().WithStartLine(start.Line).WithStartColumn(start.Column).
		WithEndLine(stop.Line).WithEndColumn(stop.Column)
	artifact := sarif.NewArtifactLocation()
	if rel := relPath(wd, start.Filename); !filepath.IsAbs(rel) {
		artifact.WithURI((&url.URL{Path: rel}).String()).WithURIBaseID(srcRoot)
	} else {
		artifact.WithURI((&url.URL{Scheme: "file", Path: rel}).String())
	}
	loc := sarif.NewLocation().WithPhysicalLocation(
		sarif.NewPhysicalLocation().WithArtifactLocation(artifact).WithRegion(region))
	if message != "" {
		loc.WithMessage(sarif.NewTextMessage(message))
	}
	return loc
}

// relPath is file relative to wd, with forward slashes, or file itself
// when it is outside wd.
func relPath(wd, file string) string {
	rel, err := filepath.Rel(wd, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// lineNumbers are the line numbers that messages mention ("returns at
// line 18"): a fingerprint leaves them out so that it survives edits above
// the finding.
var lineNumbers = regexp.MustCompile(`\bline \d+`)

// fingerprint identifies a finding by analyzer, file and message, not by
// its line.
func fingerprint(analyzer, file, message string) string {
	h := sha256.Sum256([]byte(analyzer + "\x00" + file + "\x00" + lineNumbers.ReplaceAllString(message, "line N")))
	return fmt.Sprintf("%x", h[:16])
}
