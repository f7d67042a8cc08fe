package httpapi

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssatest"
)

func TestIsSetsockopt(t *testing.T) {
	t.Parallel()
	syscall := importSyscall(t)
	for name, want := range map[string]bool{"SetsockoptInt": true, "SetsockoptLinger": true, "Socket": false, "GetsockoptInt": false, "SetNonblock": false} {
		fn, ok := syscall.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Fatalf("syscall.%s: no such function", name)
		}
		if got := IsSetsockopt(fn); got != want {
			t.Errorf("IsSetsockopt(syscall.%s) = %v, want %v", name, got, want)
		}
		if got := IsGetsockopt(fn); got != (name == "GetsockoptInt") {
			t.Errorf("IsGetsockopt(syscall.%s) = %v", name, got)
		}
		if got := IsSetNonblock(fn); got != (name == "SetNonblock") {
			t.Errorf("IsSetNonblock(syscall.%s) = %v", name, got)
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

// SetsockoptArgs and GetsockoptArgs place the descriptor of Setsockopt
// and Getsockopt functions and of raw system calls, which set or read a
// socket option only with SYS_SETSOCKOPT or SYS_GETSOCKOPT.
func TestSockoptArgs(t *testing.T) {
	t.Parallel()
	syscall := importSyscall(t)
	for _, tc := range []struct {
		args func(*types.Func) (int, int, *types.Const)
		trap string
		want map[string][2]int
	}{
		{SetsockoptArgs, "SYS_SETSOCKOPT", map[string][2]int{
			"SetsockoptInt": {0, 2}, "Syscall": {1, 3}, "Syscall6": {1, 3}, "RawSyscall": {1, 3}, "RawSyscall6": {1, 3},
			"GetsockoptInt": {-1, -1}, "Socket": {-1, -1},
		}},
		{GetsockoptArgs, "SYS_GETSOCKOPT", map[string][2]int{
			"GetsockoptInt": {0, 2}, "GetsockoptIPv6Mreq": {0, 2}, "Syscall6": {1, 3},
			"SetsockoptInt": {-1, -1}, "Socket": {-1, -1},
		}},
	} {
		for name, want := range tc.want {
			fn, ok := syscall.Scope().Lookup(name).(*types.Func)
			if !ok {
				t.Fatalf("syscall.%s: no such function", name)
			}
			fd, opt, trap := tc.args(fn)
			if [2]int{fd, opt} != want {
				t.Errorf("%s args of syscall.%s = %d, %d, want %v", tc.trap, name, fd, opt, want)
			}
			if raw := want[0] == 1; raw != (trap != nil) || raw && trap.Name() != tc.trap {
				t.Errorf("%s args of syscall.%s: trap %v", tc.trap, name, trap)
			}
		}
	}
}

// importSyscall type-checks the real syscall package from source, once
// for the test binary (see [ssatest.Source]).
func importSyscall(t *testing.T) *types.Package {
	t.Helper()
	_, imp := ssatest.Source()
	pkg, err := imp.Import("syscall")
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
