package ssapass

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssatest"
)

func TestTrim(t *testing.T) {
	t.Parallel()
	src := `package p

import (
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
)

type store struct{ data map[string]string }

func (s *store) get(k string) string { return s.data[k] } // trimmed

func parse(s string) []string { return strings.Split(s, ",") } // trimmed

func fetch(u string) (*http.Response, error) { return http.Get(u) }

func run(u string) { resp, _ := fetch(u); drain(resp.Body) } // calls fetch

func top() { run("x") } // calls run

func Exported() error { return send() }

func send() error { _, err := http.Post("x", "", nil); return err } // sends: its callers matter

func callsExported() { Exported() } // trimmed: Exported's callers are not followed

func fanOut(n int) { for range n { go Exported() } } // starts goroutines that send

func fanOutClosure(n int) { for range n { go func() { Exported() }() } } // the same through a closure

func startsOther(n int) { for range n { go parse("x") } } // trimmed: its goroutines do not send

func drain(rc io.ReadCloser) { rc.Close() } // a helper that run calls

func closeIt(c io.Closer) { c.Close() } // trimmed: a helper nothing that matters calls

func ok(code int) bool { return code == http.StatusOK } // trimmed: names a status code only

func retry(f func() error) { _ = f() } // a retry helper that sendTwice calls

func sendTwice() { retry(func() error { _, err := http.Post("x", "", nil); return err }) }

func each(f func(int)) { f(1) } // trimmed: a helper that nothing that matters calls

func id[T any](v T) T { return v } // a generic helper that first calls

func first(rs []*http.Response) *http.Response { return id(rs[0]) }

func zero[T any]() (v T) { return } // trimmed: a generic helper that nothing that matters calls

type closer interface{ Close() error }

func shut(c closer) { c.Close() } // trimmed

type tuned struct{ f closer }

func keep(c *net.TCPConn) *tuned { f, _ := c.File(); return &tuned{f: f} }

func (t *tuned) Close() error { return t.f.Close() } // names the field keep stores

var dialers = []func(net.Conn){onConn} // package-level code refers to onConn

func hostOf(ip net.IP) string { return ip.String() } // a string helper that getIP calls: maybe where its request goes

func getIP(ip net.IP) (*http.Response, error) { return http.Get("http://" + hostOf(ip)) }

func onConn(c net.Conn) { c.Close() }

func dump(w io.Writer) { http.Header{}.Write(w) } // trimmed: names a header only

func hasToken(h http.Header) bool { return h.Get("x") != "" } // trimmed: passes a header only

type conf struct{ srv *http.Server }

func (c *conf) tune() { c.srv.Addr = ":80" } // names a server, but not a send, a serve or a client

func (c *conf) apply() { c.tune() } // trimmed: tune's callers are not followed

func serve(w http.ResponseWriter, r *http.Request) { // names the request type, a server's but named all the same
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(r.URL.Path))
}

func proxy(w http.ResponseWriter, r *http.Request) { // a handler that makes a transport
	resp, _ := (&http.Transport{}).RoundTrip(r)
	resp.Body.Close()
}

func routes(mux *http.ServeMux) { mux.HandleFunc("/", serve) } // trimmed: registers serve only

func routesProxy(mux *http.ServeMux) { mux.HandleFunc("/p", proxy) } // proxy's callers matter

func newClient() *http.Client { return nil } // passes a client out

type api struct{ c *http.Client }

func NewAPI() *api { return &api{c: &http.Client{Transport: &http.Transport{}}} } // an exported constructor

func syncAPI() { _ = NewAPI() } // calls NewAPI, whose every call is judged where it is

func Configure() { _ = &http.Transport{} } // makes a transport but returns nothing

func configureAll() { Configure() } // trimmed: Configure is exported and constructs nothing for it

func setup() { _ = newClient() } // calls newClient

func boot() { setup() } // calls setup, which passes newClient's client on

type counter struct {
	mu sync.Mutex
	rc io.ReadCloser
	n  int
}

func (c *counter) fetch(u string) { c.mu.Lock(); resp, _ := http.Get(u); c.rc = resp.Body; c.mu.Unlock() }

func (c *counter) closeBody() { c.rc.Close() } // shares rc with fetch

func (c *counter) reset(f *os.File) { c.mu.Lock(); f.Close(); c.n = 0; c.mu.Unlock() } // trimmed: a mutex and a counter hold no body

type pool struct{ conns []io.Closer }

type upload struct {
	url       string
	body, log io.Reader
}

func (u *upload) prepare(r io.Reader) { if u.body == nil { u.body = r } } // stores the body that send sends

func (u *upload) send() { req, _ := http.NewRequest("POST", u.url, u.body); http.DefaultClient.Do(req) }

func (u *upload) note(r io.Reader) { u.log = r } // trimmed: a body field that nothing that matters names

func (p *pool) closeAll() { for _, c := range p.conns { c.Close() } } // trimmed: declaring a field does not share it

type writer interface{ Store() error }

type remote struct{}

func (remote) Store() error { _, err := http.Post("x", "", nil); return err } // sends, exported, implements writer

func queue(w writer) error { return w.Store() } // may run remote.Store through writer

func direct(r remote) error { return r.Store() } // calls an exported implementation of writer

func init() {}
`
	_, f, info, pkg := typeCheck(t, "p", src)
	var kept, dropped []string
	files, imports, _ := trim([]*ast.File{f}, info, pkg)
	for _, d := range files[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			if fd.Body != nil {
				kept = append(kept, fd.Name.Name)
			} else {
				dropped = append(dropped, fd.Name.Name)
			}
		}
	}
	if want := []string{"get", "parse", "callsExported", "startsOther", "closeIt", "ok", "each", "zero", "shut", "dump", "hasToken",
		"apply", "routes", "configureAll", "reset", "note", "closeAll"}; !slices.Equal(dropped, want) {
		t.Errorf("trimmed %v, want %v (kept %v)", dropped, want, kept)
	}
	var paths []string
	for p := range imports {
		paths = append(paths, p.Path())
	}
	slices.Sort(paths)
	if want := []string{"net/http"}; !slices.Equal(paths, want) {
		t.Errorf("imports needed: %v, want %v (strings is named only by a trimmed function)", paths, want)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			t.Errorf("trim changed the original declaration of %s", fd.Name.Name)
		}
	}
}

// TestTrimInitialiserCallsSender checks that package-level code calling
// an exported sender is kept, and is not asked whether it starts
// goroutines (it has no body of its own).
func TestTrimInitialiserCallsSender(t *testing.T) {
	t.Parallel()
	src := `package p

import "net/http"

func Exported() error { _, err := http.Get("x"); return err }

var initErr = Exported()
`
	_, f, info, pkg := typeCheck(t, "p", src)
	files, _, _ := trim([]*ast.File{f}, info, pkg)
	for _, d := range files[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			t.Errorf("trimmed %s", fd.Name.Name)
		}
	}
}

// TestTrimNetHTTPItself checks that a package of net/http's own types is
// trimmed by what it names, like any other: its types are the API of
// net/http to the packages that use it, not to itself (analysed as net/http,
// every one of its functions mattered, and none holds a finding).
func TestTrimNetHTTPItself(t *testing.T) {
	t.Parallel()
	src := `package http

import (
	"io"
	"net"
)

type Response struct{ Body io.ReadCloser }

type Client struct{ dial func() (net.Conn, error) }

func (c *Client) Do() (*Response, error) { return &Response{}, nil } // trimmed

func (r *Response) text() string { return "" } // trimmed

func (c *Client) tuned() *net.Dialer { return &net.Dialer{} } // names a dialer
`
	_, f, info, pkg := typeCheck(t, "net/http", src)
	files, _, _ := trim([]*ast.File{f}, info, pkg)
	var kept []string
	for _, d := range files[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			kept = append(kept, fd.Name.Name)
		}
	}
	if want := []string{"tuned"}; !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v", kept, want)
	}
}

// TestRecursiveTypes checks that how much a type matters does not depend on
// which type was asked first: a handler type met while its interface is
// being decided must not be memoised as ignored.
func TestRecursiveTypes(t *testing.T) {
	t.Parallel()
	src := `package p

import "net/http"

type Context interface {
	Handler() HandlerFunc
	Request() *http.Request
}

type HandlerFunc func(c Context) error

type Middleware func(next HandlerFunc) HandlerFunc
`
	_, _, _, pkg := typeCheck(t, "p", src)
	for _, order := range [][]string{{"Context", "HandlerFunc", "Middleware"}, {"Middleware", "HandlerFunc", "Context"}, {"HandlerFunc", "Context", "Middleware"}} {
		tr := &trimmer{pkg: pkg, memo: make(map[types.Type]level), deciding: make(map[types.Type]int)}
		for _, name := range order {
			if got := tr.typ(pkg.Scope().Lookup(name).Type()); got != matters {
				t.Errorf("asked in order %v: %s is %d, want matters (%d)", order, name, got, matters)
			}
		}
	}
}

// typeCheck parses src as the one file of the package at path and
// type-checks it, importing from source, with every map of types.Info
// that the SSA builder reads.
func typeCheck(t *testing.T, path, src string) (*token.FileSet, *ast.File, *types.Info, *types.Package) {
	t.Helper()
	return typeCheckWith(t, path, src, nil)
}

// typeCheckWith is typeCheck with stand-ins for third-party packages (see
// [ssatest.Importer]).
func typeCheckWith(t *testing.T, path, src string, fakes map[string]string) (*token.FileSet, *ast.File, *types.Info, *types.Package) {
	t.Helper()
	fset, imp := ssatest.Importer(t, fakes)
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, info, pkg
}

// TestTrimFilesAndSyscalls checks the rules for what connfile follows: the
// callers of an unexported function that returns a file, helpers that lead
// to a system call, and which methods are sealed.
func TestTrimFilesAndSyscalls(t *testing.T) {
	t.Parallel()
	src := `package p

import (
	"net"
	"os"
	"syscall"
)

type peer struct{ c *net.TCPConn; fd int }

func (p *peer) file() *os.File { f, _ := p.c.File(); return f }

func (p *peer) name() string { return p.file().Name() } // gets file's file

func (p *peer) text() string { return "" } // a string helper that tune calls

func (p *peer) set() error { return setopt(p.fd, 1) } // leads to a system call

func (p *peer) add() int { return p.fd + 1 } // trimmed: no system call

func setopt(fd, opt int) error { return syscall.SetsockoptInt(fd, 0, opt, 1) }

func (p *peer) tune() error { p.add(); p.text(); return p.set() }

func (p *peer) Tune() error { p.fd = int(p.file().Fd()); return p.tune() } // gets file's file

type namer interface{ name() string }

func (p *peer) unused() { p.text() } // trimmed
`
	_, f, info, pkg := typeCheck(t, "p", src)
	files, _, sealed := trim([]*ast.File{f}, info, pkg)
	var dropped []string
	for _, d := range files[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			dropped = append(dropped, fd.Name.Name)
		}
	}
	if want := []string{"add", "unused"}; !slices.Equal(dropped, want) {
		t.Errorf("trimmed %v, want %v", dropped, want)
	}
	var names []string
	for m := range sealed {
		names = append(names, m.Name())
	}
	slices.Sort(names)
	// name is an interface method's name, Tune is exported, and text is
	// called from a trimmed function.
	if want := []string{"add", "file", "set", "tune", "unused"}; !slices.Equal(names, want) {
		t.Errorf("sealed %v, want %v", names, want)
	}
}
