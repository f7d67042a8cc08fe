package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// kalintSARIF runs kalint -sarif in dir and returns the report, checked
// against the SARIF 2.1.0 schema (the OASIS schema that go-sarif ships).
func kalintSARIF(t *testing.T, dir string) *sarif.Report {
	t.Helper()
	out, code := runStdout(t, dir, kalint(t), "-sarif", "./...")
	if code != 3 {
		t.Fatalf("kalint -sarif: exit %d, want 3\n%s", code, out)
	}
	report, err := sarif.FromBytes([]byte(out), sarif.WithStrictValidation())
	if err != nil {
		t.Fatalf("kalint -sarif: %v\n%s", err, out)
	}
	// The schema check runs on the library's model of the output: make
	// sure the model holds all of it.
	again, err := json.Marshal(report)
	if err != nil {
		t.Fatal(err)
	}
	var raw, model any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(again, &model); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(raw, model) {
		t.Fatalf("kalint -sarif has content outside the SARIF model:\n%s", out)
	}
	if err := report.Validate(); err != nil {
		t.Fatalf("kalint -sarif: %v", err)
	}
	return report
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	report := kalintSARIF(t, fixtureDir(t))
	if len(report.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(report.Runs))
	}
	run := report.Runs[0]
	rules := map[string]*sarif.ReportingDescriptor{}
	for _, r := range run.Tool.Driver.Rules {
		rules[*r.ID] = r
	}
	for _, a := range analyzers.All() {
		r := rules[a.Name]
		summary, _, _ := strings.Cut(a.Doc, "\n")
		switch {
		case r == nil:
			t.Errorf("no rule for %s", a.Name)
		case r.ShortDescription == nil || *r.ShortDescription.Text != summary:
			t.Errorf("rule %s: short description, want %q", a.Name, summary)
		case r.Help == nil || *r.Help.Text != a.Doc || r.HelpURI == nil || *r.HelpURI != a.URL:
			t.Errorf("rule %s: help text or URI missing", a.Name)
		}
	}
	var got []finding
	related := 0
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, finding{*loc.ArtifactLocation.URI, *loc.Region.StartLine, *res.RuleID, *res.Message.Text})
		if *loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || res.RuleIndex < 0 || *run.Tool.Driver.Rules[res.RuleIndex].ID != *res.RuleID {
			t.Errorf("result %s: bad base or rule index", got[len(got)-1])
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("result %s: no partial fingerprint", got[len(got)-1])
		}
		related += len(res.RelatedLocations)
	}
	compare(t, "kalint -sarif", lines(got), lines(expected(t)))
	if related == 0 {
		t.Error("no result has related locations")
	}
}

// Fingerprints do not change when lines move above the findings.
func TestSARIFFingerprintsStable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir(t))); err != nil {
		t.Fatal(err)
	}
	prints := func() map[string]bool {
		set := map[string]bool{}
		for _, res := range kalintSARIF(t, dir).Runs[0].Results {
			for k, v := range res.PartialFingerprints {
				set[k+"="+v] = true
			}
		}
		return set
	}
	before := prints()
	file := filepath.Join(dir, "respbody", "respbody.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(src), "\nimport", "\n// Moved down.\n\nimport", 1)
	if err := os.WriteFile(file, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	if after := prints(); !reflect.DeepEqual(before, after) {
		t.Errorf("fingerprints changed when lines moved:\nbefore %v\nafter  %v", before, after)
	}
}

// runStdout runs a command in dir and returns its standard output and exit
// code.
func runStdout(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdout = dir, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", cmd, err)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}
