package connfile_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/connfile"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, analysistest.TestData(), connfile.Analyzer,
		"basic", "leaks", "handover", "closures", "generics", "xsys", "crosspkg/lib", "crosspkg/user", "recall", "descriptor", "restore", "testfilesquiet")
	checkAdvice(t, results)
}

func TestTestFiles(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), connfile.New(connfile.Options{Tests: true}), "testfiles")
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(connfile.Analyzer.Doc, "\n")
	if summary != "report net conn File() used through Fd or leaked" {
		t.Errorf("summary = %q", summary)
	}
}

// checkAdvice checks the replacement named at each Setsockopt call
// (scenarios basic and xsys).
func checkAdvice(t *testing.T, results []*analysistest.Result) {
	var related []string
	for _, r := range results {
		if p := r.Action.Package.PkgPath; p != "basic" && p != "xsys" {
			continue
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				related = append(related, rel.Message)
			}
		}
	}
	got := strings.Join(related, "\n")
	for _, want := range []string{
		"TCP_KEEPINTVL set here; SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Interval: ...}) sets it without a descriptor (Go 1.23+)",
		"TCP_KEEPIDLE set here; SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Idle: ...})",
		"socket option set here; SyscallConn().Control sets it on the connection without switching it to blocking mode",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no related message %q in\n%s", want, got)
		}
	}
	// SO_SNDBUF on a Unix socket is not a keep-alive option.
	if strings.Count(got, "SyscallConn().Control sets it") != 2 {
		t.Errorf("want SyscallConn advice for TCP_NODELAY and SO_SNDBUF, got\n%s", got)
	}
}
