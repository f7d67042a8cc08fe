package httpapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssatest"

	// The table's x/net entries are checked against the version go.mod
	// requires; the import keeps it there.
	_ "golang.org/x/net/http2"
)

// TestTableAgainstStdlib type-checks the real standard library (and x/net's
// http2) from source and checks that every entry of the table names something that exists,
// and that each matcher accepts it.
func TestTableAgainstStdlib(t *testing.T) {
	t.Parallel()
	_, imp := ssatest.Source()
	load := func(path string) *types.Package {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		return pkg
	}
	lookup := func(nt Type) *types.TypeName {
		tn, ok := load(nt.Path).Scope().Lookup(nt.Name).(*types.TypeName)
		if !ok {
			t.Errorf("%s: no such type", nt)
			return nil
		}
		return tn
	}
	if len(table) == 0 {
		t.Fatal("empty table")
	}
	declared := make(map[any]bool)
	for _, entry := range table {
		if declared[entry] {
			t.Errorf("%v is declared twice", entry)
		}
		declared[entry] = true
		switch e := entry.(type) {
		case Type:
			if tn := lookup(e); tn != nil {
				if !e.Matches(tn.Type()) || !e.MatchesPtr(types.NewPointer(tn.Type())) {
					t.Errorf("%s does not match itself", e)
				}
				if !Listed(tn) {
					t.Errorf("%s is not listed", e)
				}
				if e.Matches(types.NewPointer(tn.Type())) || e.MatchesPtr(tn.Type()) {
					t.Errorf("%s confuses the type and its pointer", e)
				}
			}
		case Field:
			tn := lookup(e.Struct)
			if tn == nil {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, tn.Pkg(), e.Name)
			v, ok := obj.(*types.Var)
			if !ok || !v.IsField() {
				t.Errorf("%s: no such field", e)
				continue
			}
			if !e.Matches(tn.Type(), v) || !e.Matches(types.NewPointer(tn.Type()), v) {
				t.Errorf("%s does not match itself", e)
			}
			// type P *S: a selector through P selects S's fields.
			defined := types.NewNamed(types.NewTypeName(token.NoPos, nil, "P", nil), types.NewPointer(tn.Type()), nil)
			if !e.Matches(defined, v) {
				t.Errorf("%s does not match through a defined pointer type", e)
			}
			if !Listed(v) {
				t.Errorf("%s is not listed", e)
			}
		case Method:
			tn := lookup(e.Recv)
			if tn == nil {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, tn.Pkg(), e.Name)
			fn, ok := obj.(*types.Func)
			if !ok {
				t.Errorf("%s: no such method", e)
				continue
			}
			if !e.Matches(fn) {
				t.Errorf("%s does not match itself", e)
			}
			if !Listed(fn) {
				t.Errorf("%s is not listed", e)
			}
		case Func:
			fn, ok := load(e.Path).Scope().Lookup(e.Name).(*types.Func)
			if !ok {
				t.Errorf("%s: no such function", e)
				continue
			}
			if !e.Matches(fn) {
				t.Errorf("%s does not match itself", e)
			}
			if !Listed(fn) {
				t.Errorf("%s is not listed", e)
			}
		case Var:
			v, ok := load(e.Path).Scope().Lookup(e.Name).(*types.Var)
			if !ok {
				t.Errorf("%s: no such variable", e)
				continue
			}
			if !e.Matches(v) {
				t.Errorf("%s does not match itself", e)
			}
			if !Listed(v) {
				t.Errorf("%s is not listed", e)
			}
		default:
			t.Errorf("unknown table entry %T", entry)
		}
	}
}

// TestNearMisses checks that matchers reject look-alikes: same name in
// another package or on another receiver.
func TestNearMisses(t *testing.T) {
	t.Parallel()
	_, imp := ssatest.Source()
	http, err := imp.Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	scope := http.Scope()
	transport := scope.Lookup("Transport").Type()
	client := scope.Lookup("Client").Type()

	// A fake net/http-like package with a Server of its own.
	fake := types.NewPackage("example.com/net/http", "http")
	fakeServer := types.NewNamed(types.NewTypeName(token.NoPos, fake, "Server", nil), types.NewStruct(nil, nil), nil)
	if Server.Matches(fakeServer) {
		t.Error("Server matches a type named Server in another package")
	}

	// A method of another receiver is not Client.Do.
	obj, _, _ := types.LookupFieldOrMethod(transport, true, http, "RoundTrip")
	if ClientDo.Matches(obj.(*types.Func)) {
		t.Error("Client.Do matches Transport.RoundTrip")
	}
	// Client.Get is a method, not the package function http.Get.
	obj, _, _ = types.LookupFieldOrMethod(client, true, http, "Get")
	if Get.Matches(obj.(*types.Func)) {
		t.Error("http.Get matches (*Client).Get")
	}
	// io.ReadCloser's Close is io.Closer's, through embedding.
	io, err := imp.Import("io")
	if err != nil {
		t.Fatal(err)
	}
	rc := io.Scope().Lookup("ReadCloser").Type()
	obj, _, _ = types.LookupFieldOrMethod(rc, true, io, "Close")
	if !CloserClose.Matches(obj.(*types.Func)) {
		t.Error("io.ReadCloser.Close does not match io.Closer.Close")
	}
	// A struct field named IdleTimeout elsewhere is not the Server's.
	transportIdle, _, _ := types.LookupFieldOrMethod(transport, true, http, "IdleConnTimeout")
	if ServerIdleTimeout.Matches(transport, transportIdle.(*types.Var)) {
		t.Error("Server.IdleTimeout matches a Transport field")
	}

	// Listed: what no analyzer matches is not listed, nor a look-alike of
	// what is: a method of another receiver, a field of another package.
	for _, obj := range []types.Object{
		scope.Lookup("StatusText"),
		scope.Lookup("StatusOK"),
		scope.Lookup("Cookie"),
		fakeServer.Obj(),
		types.NewField(token.NoPos, fake, "ReadTimeout", types.Typ[types.Int64], false),
		types.NewVar(token.NoPos, http, "DefaultClient", types.Typ[types.Int]), // a local of net/http
	} {
		if Listed(obj) {
			t.Errorf("%v is listed", obj)
		}
	}
	obj, _, _ = types.LookupFieldOrMethod(transport, true, http, "Clone")
	if !Listed(obj) {
		t.Error("(*Transport).Clone is not listed")
	}
	// (*Response).Write is listed, (*Request).Write is not.
	obj, _, _ = types.LookupFieldOrMethod(scope.Lookup("Request").Type(), true, http, "Write")
	if Listed(obj) {
		t.Error("(*Request).Write is listed")
	}
	obj, _, _ = types.LookupFieldOrMethod(client, true, http, "Jar")
	if Listed(obj) {
		t.Error("(*Client).Jar is listed")
	}
}

// TestCallees checks a list against functions and methods of the real
// standard library: members match, look-alikes and nil do not, and lists
// nest.
func TestCallees(t *testing.T) {
	t.Parallel()
	_, imp := ssatest.Source()
	http, err := imp.Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	scope := http.Scope()
	lookup := func(typ, name string) *types.Func {
		if typ == "" {
			return scope.Lookup(name).(*types.Func)
		}
		obj, _, _ := types.LookupFieldOrMethod(scope.Lookup(typ).Type(), true, http, name)
		return obj.(*types.Func)
	}
	for _, tc := range []struct {
		list      Callees
		typ, name string
		want      bool
	}{
		{ProducerMethods, "Client", "Do", true},
		{ProducerMethods, "Transport", "RoundTrip", true},
		{ProducerMethods, "RoundTripper", "RoundTrip", true},
		{ProducerMethods, "Client", "CloseIdleConnections", false},
		{ProducerMethods, "", "Get", false},
		{ProducerFuncs, "", "Get", true},
		{ProducerFuncs, "Client", "Get", false},
		{ServerServes, "Server", "ServeTLS", true},
		{ServerServesListener, "Server", "ListenAndServe", false},
		{ServeFuncs, "", "Serve", true},
		{ServeFuncs, "Server", "Serve", false},
		{Callees{ServerStops, ServeFuncs}, "Server", "Shutdown", true},
		{Callees{ServerStops, ServeFuncs}, "", "ServeTLS", true},
		{Callees{ServerStops, ServeFuncs}, "Server", "ServeTLS", false},
		{nil, "Client", "Do", false},
	} {
		fn := lookup(tc.typ, tc.name)
		if got := tc.list.Matches(fn); got != tc.want {
			t.Errorf("%v.Matches(%v) = %v, want %v", tc.list, fn, got, tc.want)
		}
	}
	if ProducerMethods.Matches(nil) {
		t.Error("a list matches nil")
	}
}

func TestNamedOf(t *testing.T) {
	t.Parallel()
	src := `package p
type S struct{ f int }
type G[X any] struct{ x X }
type P *S
type A = S
type U *struct{}
var (
	s S
	ps *S
	g G[int]
	pg *G[string]
	p P
	a A
	pa *A
	u U
	i int
	pi *int
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"s": "S", "ps": "S", "g": "G", "pg": "G", "p": "S", "a": "S", "pa": "S", "u": "", "i": "", "pi": "",
	} {
		got := ""
		if tn := NamedOf(pkg.Scope().Lookup(name).Type()); tn != nil {
			got = tn.Name()
			if tn != pkg.Scope().Lookup(got) {
				t.Errorf("NamedOf(%s) = %v, not the declaration", name, tn)
			}
		}
		if got != want {
			t.Errorf("NamedOf(type of %s) = %q, want %q", name, got, want)
		}
	}
}

func TestStaleTextMayMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		k     string
		whole bool
		want  bool
	}{
		{"EOF", false, true},
		{"unexpected EOF", false, true},
		{"connection reset by peer", false, true},
		{"reset by peer", false, true},
		{"i/o timeout", false, false},
		{"EOF", true, false}, // the text starts with the method and URL
		{`Post "http://x/": EOF`, true, true},
		{`Post "http://x/": context deadline exceeded`, true, false},
	} {
		if got := StaleTextMayMatch(tc.k, tc.whole); got != tc.want {
			t.Errorf("StaleTextMayMatch(%q, %v) = %v, want %v", tc.k, tc.whole, got, tc.want)
		}
	}
}
