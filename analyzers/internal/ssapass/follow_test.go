package ssapass

import (
	"fmt"
	"go/ast"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
)

// TestTrimFollowsDeclarations builds, for every symbol that httpapi declares
// the analyzers follow, a helper that names it and a caller of the helper,
// and checks that trim builds what the declaration's category says: the
// caller of a helper naming what the analyzers walk up from, the helper
// alone for a followed value named in its body and its caller too when it
// passes one, neither for a context symbol. The programs are made from the
// declarations, so an entry added to them is checked with the rest, and an
// analyzer whose walk starts from a declared symbol gets the callers it
// walks to.
func TestTrimFollowsDeclarations(t *testing.T) {
	t.Parallel()
	g := &followProgram{imports: map[string]string{}, fakes: map[string]string{}}
	for _, c := range httpapi.UpCalls {
		g.call(c, true, true)
	}
	for _, typ := range httpapi.UpTypes {
		g.typ(typ, true, true)
	}
	for _, typ := range httpapi.ValueTypes {
		if g.typ(typ, true, false) {
			g.param(typ)
		}
	}
	for _, typ := range httpapi.ContextTypes {
		g.typ(typ, false, false)
	}
	for _, c := range httpapi.ContextCalls {
		g.call(c, false, false)
	}
	// A symbol an analyzer matches but does not walk up from makes its
	// function matter and not its callers: the control that shows the
	// callers above are built for their declarations.
	g.call(httpapi.NewRequest, true, false)
	g.foreign()

	_, f, info, pkg := typeCheckWith(t, "p", g.source(), g.fakes)
	files, _, _ := trim([]*ast.File{f}, info, pkg)
	built := make(map[string]bool)
	for _, d := range files[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			built[fd.Name.Name] = fd.Body != nil
		}
	}
	for _, w := range g.want {
		if built[w.fn] != w.built {
			t.Errorf("%s (%s): built %v, want %v", w.fn, w.what, built[w.fn], w.built)
		}
	}
}

// followProgram writes a package of helpers, each naming one declared
// symbol, and their callers.
type followProgram struct {
	imports map[string]string // path to name
	fakes   map[string]string // stand-ins for third-party packages, by path
	decls   []string
	want    []builtWant
}

type builtWant struct {
	fn, what string
	built    bool
}

// call adds a helper that names c through a package-level variable (a
// method) or directly (a function), so that c is the only symbol it names
// that can make its callers matter.
func (g *followProgram) call(c httpapi.Callee, helper, caller bool) {
	n := len(g.decls)
	switch c := c.(type) {
	case httpapi.Method:
		g.decls = append(g.decls, fmt.Sprintf("var v%d %s\n\nfunc helper%d() { _ = v%d.%s }", n, g.qualify(c.Recv.Path, c.Recv.Name), n, n, c.Name))
	case httpapi.Func:
		g.decls = append(g.decls, fmt.Sprintf("func helper%d() { _ = %s }", n, g.qualify(c.Path, c.Name)))
	default:
		panic(fmt.Sprintf("%T", c))
	}
	g.pair(n, fmt.Sprint(c), "", helper, caller)
}

// typ adds a helper that names typ in its body; it reports false for a type
// no other package can name (package net's conn).
func (g *followProgram) typ(typ httpapi.Type, helper, caller bool) bool {
	if !ast.IsExported(typ.Name) {
		return false
	}
	n := len(g.decls)
	g.decls = append(g.decls, fmt.Sprintf("func helper%d() { var v *%s; _ = v }", n, g.qualify(typ.Path, typ.Name)))
	g.pair(n, typ.String(), "", helper, caller)
	return true
}

// param adds a helper that passes a value of typ in, whose callers matter.
func (g *followProgram) param(typ httpapi.Type) {
	n := len(g.decls)
	g.decls = append(g.decls, fmt.Sprintf("func helper%d(*%s) {}", n, g.qualify(typ.Path, typ.Name)))
	g.pair(n, typ.String()+" as a parameter", "nil", true, true)
}

// pair adds the caller of helper n, calling it with args, and what trim
// must build of the two.
func (g *followProgram) pair(n int, what, args string, helper, caller bool) {
	g.decls = append(g.decls, fmt.Sprintf("func caller%d() { helper%d(%s) }", n, n, args))
	g.want = append(g.want, builtWant{fmt.Sprint("helper", n), what, helper}, builtWant{fmt.Sprint("caller", n), what, caller})
}

func (g *followProgram) qualify(pkgPath, name string) string {
	g.imports[pkgPath] = pkgName(pkgPath)
	return g.imports[pkgPath] + "." + name
}

// pkgName is the name under which the program imports the package at path:
// its last element, before a major version.
func pkgName(pkgPath string) string {
	dir, base := path.Split(pkgPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(dir)
	}
	return strings.ReplaceAll(base, "-", "_")
}

// foreign adds, for another package's constructors of a transport or
// client ([httpapi.Foreign]), a helper that names one and its caller, both
// built, in stand-ins for their packages: each well-known constructor, and
// a New... function returning an *http.Transport, next to one that takes a
// transport (which may hand it back) as the control: its helper is built
// and not its caller.
func (g *followProgram) foreign() {
	srcs := make(map[string][]string)
	for _, c := range httpapi.Constructors {
		result := "*http.Client"
		if c.Wrapper != "" {
			srcs[c.Path] = append(srcs[c.Path], fmt.Sprintf("type %s struct{}", c.Wrapper))
			result = "*" + c.Wrapper
		}
		srcs[c.Path] = append(srcs[c.Path], fmt.Sprintf("func %s() %s { return nil }", c.Name, result))
		g.call(httpapi.Func{Path: c.Path, Name: c.Name}, true, true)
	}
	const lib = "example.com/lib"
	srcs[lib] = []string{"func NewTransport(idle int) *http.Transport { return nil }", "func NewTuned(t *http.Transport) *http.Transport { return t }"}
	g.call(httpapi.Func{Path: lib, Name: "NewTransport"}, true, true)
	g.call(httpapi.Func{Path: lib, Name: "NewTuned"}, true, false)
	for p, decls := range srcs {
		g.fakes[p] = "package " + pkgName(p) + "\n\nimport \"net/http\"\n\nvar _ *http.Client\n\n" + strings.Join(decls, "\n\n") + "\n"
	}
}

func (g *followProgram) source() string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n")
	paths := make([]string, 0, len(g.imports))
	for p := range g.imports {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "\t%s %q\n", g.imports[p], p)
	}
	b.WriteString(")\n\n")
	b.WriteString(strings.Join(g.decls, "\n\n"))
	b.WriteString("\n")
	return b.String()
}
