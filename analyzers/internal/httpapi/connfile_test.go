package httpapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestIsSetsockopt(t *testing.T) {
	t.Parallel()
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
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

func TestMethodMentioned(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"func f(c *net.TCPConn) { c.Close() }", false},
		{"func f(c *net.TCPConn) { c.File() }", true},
		{"func f(c *net.UnixConn) any { return c.File }", true},
	} {
		src := "package p\nimport \"net\"\n" + tc.body + "\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		names := NamesOf(pkg, info)
		if got := ConnFile.Mentioned(names); got != tc.want {
			t.Errorf("Mentioned = %v, want %v for %s", got, tc.want, tc.body)
		}
	}
}
