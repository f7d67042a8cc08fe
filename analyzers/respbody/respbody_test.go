package respbody_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/respbody"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), respbody.Analyzer,
		"basic", "branches", "closures", "wrappers", "handoff", "loops", "generics",
		"nonnetwork", "reuse", "peer",
		"example.com/crosspkg/lib", "example.com/crosspkg/user")
}

func TestStrict(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), respbody.New(respbody.Options{Drain: respbody.DrainStrict}), "strict")
}

func TestFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), respbody.Analyzer, "fix")
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"lazy", "Strict", ""} {
		if err := respbody.New(respbody.Options{}).Flags.Set("drain", v); err == nil {
			t.Errorf("-drain=%q accepted", v)
		}
	}
	if err := respbody.New(respbody.Options{}).Flags.Set("drain", respbody.DrainStrict); err != nil {
		t.Errorf("-drain=%s: %v", respbody.DrainStrict, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted Drain lazy")
		}
	}()
	respbody.New(respbody.Options{Drain: "lazy"})
}
