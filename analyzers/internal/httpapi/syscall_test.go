package httpapi

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssatest"
)

func TestIsSetsockopt(t *testing.T) {
	t.Parallel()
	_, imp := ssatest.Source()
	syscall, err := imp.Import("syscall")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"SetsockoptInt": true, "SetsockoptLinger": true, "Socket": false, "GetsockoptInt": false} {
		fn, ok := syscall.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Fatalf("syscall.%s: no such function", name)
		}
		if got := IsSetsockopt(fn); got != want {
			t.Errorf("IsSetsockopt(syscall.%s) = %v, want %v", name, got, want)
		}
	}
	// golang.org/x/sys/unix is matched by path; another package's
	// SetsockoptInt is not.
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	unix := types.NewPackage("golang.org/x/sys/unix", "unix")
	if !IsSetsockopt(types.NewFunc(token.NoPos, unix, "SetsockoptInt", sig)) {
		t.Error("unix.SetsockoptInt not matched")
	}
	other := types.NewPackage("example.com/sys/unix", "unix")
	if IsSetsockopt(types.NewFunc(token.NoPos, other, "SetsockoptInt", sig)) {
		t.Error("example.com/sys/unix.SetsockoptInt matched")
	}
	for name, f := range KeepAliveOptions {
		if syscall.Scope().Lookup(name) == nil && name != "TCP_KEEPALIVE" { // macOS only
			t.Errorf("syscall.%s: no such constant (for %s)", name, f)
		}
	}
}
