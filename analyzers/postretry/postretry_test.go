package postretry_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"github.com/kalint/kalint/analyzers/postretry"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks every scenario with one load of them (see
// oneload): the defaults on most; Options, and the flags that set the
// same options, on "testfiles" and "flags".
func TestScenarios(t *testing.T) {
	t.Parallel()
	methods := postretry.New(postretry.Options{})
	if err := methods.Flags.Set("methods", "PUT, DELETE"); err != nil {
		t.Fatal(err)
	}
	tests := postretry.New(postretry.Options{})
	if err := tests.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: postretry.Analyzer, Patterns: []string{
			"basic", "loops", "helpers", "callers", "recursion", "idempotency", "methods", "generics",
			"quiet", "reuse", "bodyreader", "testfilesquiet", "crosspkg/user", "crosspkg/lib", "recall", "periodic", "predicates", "exported", "literals", "callsites", "fields", "resend", "interfaces", "freshpool", "retriers", "swallowed", "doloop", "keptrequest", "requeue", "senders"}},
		oneload.Case{Analyzer: postretry.New(postretry.Options{Tests: true}), Patterns: []string{"testfiles"}, Same: tests},
		oneload.Case{Analyzer: postretry.New(postretry.Options{Methods: []string{"PUT", "DELETE"}}), Patterns: []string{"flags"}, Same: methods})
	// Instances do not share flags.
	if got := postretry.Analyzer.Flags.Lookup("methods").Value.String(); got != "POST,PATCH" {
		t.Errorf("default analyzer's methods = %s after setting another instance's", got)
	}
	if got := postretry.Analyzer.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
}

func TestMethodValidation(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "post", "POST,", "PO ST", "POST,get", "GET/1"} {
		a := postretry.New(postretry.Options{})
		if err := a.Flags.Set("methods", bad); err == nil {
			t.Errorf("-methods=%q accepted", bad)
		}
	}
	for _, good := range []string{"POST", "PUT,DELETE", "M-SEARCH", "POST , PATCH"} {
		a := postretry.New(postretry.Options{})
		if err := a.Flags.Set("methods", good); err != nil {
			t.Errorf("-methods=%q: %v", good, err)
		}
	}
}

// A lower-case or empty method in Options is a bug in the caller: New
// panics, as the flag rejects it.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, methods := range [][]string{{"post"}, {"POST", ""}, {}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New accepted Methods %q", methods)
				}
			}()
			postretry.New(postretry.Options{Methods: methods})
		}()
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(postretry.Analyzer.Doc, "\n")
	if summary != "report POST/PATCH sends that are never retried" {
		t.Errorf("summary = %q", summary)
	}
}
