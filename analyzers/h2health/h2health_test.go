package h2health_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/h2health"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), h2health.Analyzer,
		"basic", "xnet", "quiet", "testfilesquiet", "generics", "crosspkg/user", "params")
}

func TestCrossPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), h2health.Analyzer, "crosspkg/lib")
}

func TestImplicit(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), h2health.New(h2health.Options{Implicit: true}), "implicit")
}

func TestTestFiles(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), h2health.New(h2health.Options{Tests: true}), "testfiles")
}

func TestSuggestedFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), h2health.Analyzer, "fix")
}

func TestOptions(t *testing.T) {
	t.Parallel()
	a := h2health.New(h2health.Options{SendPingTimeout: 45 * time.Second, Implicit: true, Tests: true})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
}

func TestFlags(t *testing.T) {
	t.Parallel()
	a := h2health.New(h2health.Options{})
	for name, value := range map[string]string{"send-ping-timeout": "45s", "implicit": "true", "tests": "true"} {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
	// Instances do not share flags.
	if got := h2health.Analyzer.Flags.Lookup("send-ping-timeout").Value.String(); got != "30s" {
		t.Errorf("default analyzer's send-ping-timeout = %s after setting another instance's", got)
	}
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"0s", "-1s", "soon"} {
		if err := h2health.New(h2health.Options{}).Flags.Set("send-ping-timeout", v); err == nil {
			t.Errorf("-send-ping-timeout=%s accepted", v)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted SendPingTimeout -1s")
		}
	}()
	h2health.New(h2health.Options{SendPingTimeout: -time.Second})
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(h2health.Analyzer.Doc, "\n")
	if summary != "report HTTP/2 transports without a health check" {
		t.Errorf("summary = %q", summary)
	}
}
