package httpapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestMentioned(t *testing.T) {
	t.Parallel()
	src := `package p
import ("net/http"; "time")
type own struct{ ReadTimeout time.Duration }
var a = own{ReadTimeout: 1}
var b http.Server
func f() { b.Addr = "" }
`
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{src, false},
		{src + "func g() { b.ReadTimeout = 1 }\n", true},
		{src + "var c = &http.Server{ReadTimeout: 1}\n", true},
	} {
		if got := ServerReadTimeout.Mentioned(namesOf(t, tc.src)); got != tc.want {
			t.Errorf("Mentioned = %v, want %v for\n%s", got, tc.want, tc.src)
		}
	}
}

func TestMethodMentioned(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body      string
		want, all bool // ConnFile, FileCalls
	}{
		{"func f(c *net.TCPConn) { c.Close() }", false, false},
		{"func f(c *net.TCPConn) { c.File() }", true, true},
		{"func f(c *net.UnixConn) any { return c.File }", true, true},
		{"func f(l *net.TCPListener) { l.File() }", false, true},
	} {
		src := "package p\nimport \"net\"\n" + tc.body + "\n"
		names := namesOf(t, src)
		if got := ConnFile.Mentioned(names); got != tc.want {
			t.Errorf("Mentioned = %v, want %v for %s", got, tc.want, tc.body)
		}
		if got := FileCalls.Mentioned(names); got != tc.all {
			t.Errorf("FileCalls.Mentioned = %v, want %v for %s", got, tc.all, tc.body)
		}
	}
}

func TestVarMentioned(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"func f() { _ = http.DefaultClient }", false},
		{"var DefaultTransport http.RoundTripper\nfunc f() { _ = DefaultTransport }", false},
		{"func f() { http.DefaultTransport = nil }", true},
		{"func f() any { return http.DefaultTransport.(*http.Transport).MaxIdleConns }", true},
	} {
		src := "package p\nimport \"net/http\"\n" + tc.body + "\n"
		if got := DefaultTransport.Mentioned(namesOf(t, src)); got != tc.want {
			t.Errorf("Mentioned = %v, want %v for %s", got, tc.want, tc.body)
		}
	}
}

// namesOf type-checks src, a file of package p, and returns what it names.
func namesOf(t *testing.T, src string) Names {
	t.Helper()
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
	return NamesOf(pkg, info)
}
