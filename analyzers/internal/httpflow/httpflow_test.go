package httpflow_test

import (
	gotypes "go/types"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

// build builds package p from src, which follows its imports of context,
// net and net/http.
func build(t *testing.T, src string) *ssa.Package {
	t.Helper()
	return ssatest.Build(t, "package p\nimport (\"context\"; \"net\"; \"net/http\")\nvar _, _, _ = context.Background, net.Dial, http.Get\nvar sink *http.Transport\n"+src)
}

// TestHeaderWrites reports the constant keys of the header writes made
// through f's parameter req.
func TestHeaderWrites(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, keys string
	}{
		{"set and add", `func f(req *http.Request) { req.Header.Set("A", "1"); req.Header.Add("B", "2") }`, "A B"},
		{"map store", `func f(req *http.Request) { req.Header["C"] = []string{"3"} }`, "C"},
		{"reads are not writes", `func f(req *http.Request) { _ = req.Header.Get("D"); req.Header.Del("E") }`, ""},
		{"another header", `func f(req *http.Request, h http.Header) { h.Set("F", "4") }`, ""},
		{"another field", `func f(req *http.Request, resp *http.Response) { req.Response = resp; resp.Header.Set("G", "5") }`, ""},
		{"through a helper", `func f(req *http.Request) { set(req.Header) }
		                      func set(h http.Header) { h.Set("H", "6") }`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, tc.src).Func("f")
			var keys []string
			for _, w := range httpflow.HeaderWrites(fn.Params[0]) {
				key, ok := ssaflow.ConstString(w.Key)
				if !ok {
					t.Fatalf("key %v is not a constant", w.Key)
				}
				if w.Instr.Parent() != fn || w.Value == nil {
					t.Errorf("write of %s: instruction %v, value %v", key, w.Instr, w.Value)
				}
				keys = append(keys, key)
			}
			slices.Sort(keys)
			if got := strings.Join(keys, " "); got != tc.keys {
				t.Errorf("keys %q, want %q", got, tc.keys)
			}
		})
	}
}

// TestInMemoryTransport reports whether each allocation of an
// http.Transport in f dials only in memory, in order.
func TestInMemoryTransport(t *testing.T) {
	t.Parallel()
	const conn = `type conn struct{ net.Conn }
	              func pipe(ctx context.Context, network, addr string) (net.Conn, error) { return &conn{}, nil }
	              `
	for _, tc := range []struct {
		name, src, want string
	}{
		{"own connection", conn + `func f() { sink = &http.Transport{DialContext: pipe} }`, "true"},
		{"closure", conn + `func f() { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return &conn{}, nil }} }`, "true"},
		{"no dial", `func f() { sink = &http.Transport{} }`, "false"},
		{"dials the network", `func f() { sink = &http.Transport{DialContext: (&net.Dialer{}).DialContext} }`, "false"},
		{"calls net", `func f() { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return net.Dial(n, a) }} }`, "false"},
		{"another package's connection", `var c net.Conn
		     func f() { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return c, nil }} }`, "false"},
		{"wraps a dialed connection", conn + `func f(nc net.Conn) { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return &conn{Conn: nc}, nil }} }`, "false"},
		{"wraps a TCP connection", `type conn struct{ c *net.TCPConn; net.Conn }
		     func f(nc *net.TCPConn) { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return &conn{c: nc}, nil }} }`, "false"},
		{"one dial of two in memory", conn + `func f() { t := &http.Transport{DialContext: pipe}; t.Dial = net.Dial }`, "false"},
		{"two transports", conn + `func f() { sink = &http.Transport{DialContext: pipe}; sink = &http.Transport{} }`, "true false"},
		{"set under a condition", conn + `func f(c bool) { t := &http.Transport{}; if c { t.DialContext = pipe }; sink = t }`, "false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, tc.src).Func("f")
			var got []string
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if a, ok := instr.(*ssa.Alloc); ok && httpapi.Transport.MatchesPtr(a.Type()) {
						got = append(got, strconv.FormatBool(httpflow.InMemoryTransport(a)))
					}
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDialsUnix reports whether each allocation or clone of an
// http.Transport in f dials only a Unix domain socket, in order.
func TestDialsUnix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"go-gh", `func f(path string) { sink = &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { var d net.Dialer; return d.DialContext(ctx, "unix", path) }} }`, "true"},
		{"one closure in Dial and DialTLS", `func f(path string) { dial := func(_, _ string) (net.Conn, error) { return net.Dial("unix", path) }; sink = &http.Transport{Dial: dial, DialTLS: dial} }`, "true"},
		{"DialUnix", `func f(a *net.UnixAddr) { sink = &http.Transport{Dial: func(_, _ string) (net.Conn, error) { return net.DialUnix("unix", nil, a) }} }`, "true"},
		{"named, error checked", `func dial(n, a string) (net.Conn, error) { c, err := net.DialTimeout("unixpacket", "/s", 0); if err != nil { return nil, err }; return c, nil }
		     func f() { sink = &http.Transport{Dial: dial, DialTLS: dial} }`, "true"},
		{"tcp", `func f() { sink = &http.Transport{Dial: func(_, a string) (net.Conn, error) { return net.Dial("tcp", a) }} }`, "false"},
		{"network given", `func f() { sink = &http.Transport{Dial: func(n, a string) (net.Conn, error) { return net.Dial(n, a) }} }`, "false"},
		{"unix or tcp", `func f(local bool) { sink = &http.Transport{Dial: func(_, a string) (net.Conn, error) { if local { return net.Dial("unix", a) }; return net.Dial("tcp", a) }} }`, "false"},
		{"TLS over tcp", `func f() { sink = &http.Transport{Dial: func(_, a string) (net.Conn, error) { return net.Dial("unix", a) }, DialTLS: net.Dial} }`, "false"},
		{"method value", `func f() { sink = &http.Transport{DialContext: (&net.Dialer{}).DialContext} }`, "false"},
		{"through a helper", `func dial(a string) (net.Conn, error) { return net.Dial("unix", a) }
		     func f() { sink = &http.Transport{Dial: func(_, a string) (net.Conn, error) { return dial(a) }} }`, "false"},
		{"no dial", `func f() { sink = &http.Transport{} }`, "false"},
		{"set under a condition", `func f(path string) { t := &http.Transport{}; if path != "" { t.Dial = func(_, _ string) (net.Conn, error) { return net.Dial("unix", path) } }; sink = t }`, "false"},
		{"a clone of DefaultTransport", `func f(path string) { t := http.DefaultTransport.(*http.Transport).Clone(); t.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) { return net.Dial("unix", path) }; sink = t }`, "true"},
		// The clone's DialContext, DefaultTransport's, is called before Dial.
		{"a clone's Dial", `func f(path string) { t := http.DefaultTransport.(*http.Transport).Clone(); t.Dial = func(_, _ string) (net.Conn, error) { return net.Dial("unix", path) }; sink = t }`, "false"},
		// A clone keeps the DialTLS of the transport it copies.
		{"a clone of a TLS dialer", `func f(path string) {
		     b := &http.Transport{DialTLS: net.Dial}
		     t := b.Clone(); t.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) { return net.Dial("unix", path) }; sink = t }`, "false false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, tc.src).Func("f")
			var got []string
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					v, ok := instr.(ssa.Value)
					if ok && (httpflow.IsAllocOf(v, httpapi.Transport) || httpflow.IsCallOf(v, httpapi.TransportClone)) {
						got = append(got, strconv.FormatBool(httpflow.DialsUnix(v)))
					}
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestIsLoadOf checks which values of f's return statement load
// http.DefaultTransport.
func TestIsLoadOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"the variable", `func f() http.RoundTripper { return http.DefaultTransport }`, true},
		{"another variable", `func f() error { return http.ErrServerClosed }`, false},
		{"a package's own", `var own http.RoundTripper
		                     func f() http.RoundTripper { return own }`, false},
		{"a parameter", `func f(rt http.RoundTripper) http.RoundTripper { return rt }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got bool
			for _, v := range returned(build(t, tc.src).Func("f")) {
				got = httpflow.IsLoadOf(v, httpapi.DefaultTransport)
			}
			if got != tc.want {
				t.Errorf("IsLoadOf = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestNewRequest reports, for each value f returns first, whether it is a
// request of http.NewRequest[WithContext] and the constant method given.
func TestNewRequest(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"NewRequest", `func f() (*http.Request, error) { r, err := http.NewRequest("POST", "u", nil); return r, err }`, "POST"},
		{"with context", `func f() (*http.Request, error) { r, err := http.NewRequestWithContext(context.Background(), "PUT", "u", nil); return r, err }`, "PUT"},
		{"the error", `func f() (error, error) { _, err := http.NewRequest("POST", "u", nil); return err, nil }`, "none"},
		{"a literal", `func f() (*http.Request, error) { return &http.Request{Method: "POST"}, nil }`, "none"},
		{"derived", `func f() (*http.Request, error) { r, _ := http.NewRequest("GET", "u", nil); return r.Clone(context.Background()), nil }`, "none"},
		{"another function", `func newRequest(m, u string) (*http.Request, error) { return nil, nil }
		                      func f() (*http.Request, error) { return newRequest("POST", "u") }`, "none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := "none"
			for _, v := range returned(build(t, tc.src).Func("f")) {
				call, args := httpflow.NewRequest(v)
				if (call != nil) != httpflow.IsNewRequest(v) {
					t.Errorf("IsNewRequest disagrees with NewRequest")
				}
				if call != nil {
					if len(args) != 3 {
						t.Fatalf("%d arguments, want method, URL and body", len(args))
					}
					got, _ = ssaflow.ConstString(args[0])
				}
			}
			if got != tc.want {
				t.Errorf("method %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDerived reports what the request f returns derives from: its
// parameter, a load of a field, or nothing.
func TestDerived(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"WithContext", `func f(r *http.Request) *http.Request { return r.WithContext(context.Background()) }`, "r"},
		{"Clone", `func f(r *http.Request) *http.Request { return r.Clone(context.Background()) }`, "r"},
		{"the request itself", `func f(r *http.Request) *http.Request { return r }`, ""},
		{"another call", `func f(r *http.Request) *http.Request { return g(r) }
		                  func g(r *http.Request) *http.Request { return r }`, ""},
		{"a response's request", `func f(r *http.Request) *http.Request { return r.Response.Request.WithContext(r.Context()) }`, "load"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, r := range returned(build(t, tc.src).Func("f")) {
				for _, v := range httpflow.Derived(r) {
					if _, ok := v.(*ssa.UnOp); ok {
						got = append(got, "load")
					} else {
						got = append(got, v.Name())
					}
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("derived from %q, want %q", got, tc.want)
			}
		})
	}
}

// returned returns the first result of each of fn's returns.
func returned(fn *ssa.Function) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			out = append(out, ret.Results[0])
		}
	}
	return out
}

// TestSites resolves the methods of the request f sends, through the
// package's calls of f and of the functions that call it.
func TestSites(t *testing.T) {
	t.Parallel()
	const send = `func f(method string) { req, _ := http.NewRequest(method, "u", nil); http.DefaultClient.Do(req) }
	              `
	for _, tc := range []struct {
		name, src string
		methods   string // the union, as Methods gives it
		sites     string // each site: its number of calls and its methods
	}{
		{"constant", `func f() { req, _ := http.NewRequest("POST", "u", nil); http.DefaultClient.Do(req) }`, "POST", "0:POST"},
		{"stored", `func f() { req, _ := http.NewRequest("POST", "u", nil); req.Method = ""; http.DefaultClient.Do(req) }`, "GET", "0:GET"},
		{"one caller", send + `func g() { f("PATCH") }`, "PATCH", "0:PATCH"},
		{"two callers", send + `func g() { f("POST") }; func h() { f(http.MethodGet) }`, "GET POST", "1:POST 1:GET"},
		{"two levels", send + `func g(m string) { f(m) }; func h() { g("POST"); g("HEAD") }`, "HEAD POST", "2:POST 2:HEAD"},
		{"exported", `func F(method string) { req, _ := http.NewRequest(method, "u", nil); http.DefaultClient.Do(req) }
		              func g() { F("POST"); F("GET") }`, "?", "1:POST 1:GET 0:?"},
		{"exported, no calls", `func F(method string) { req, _ := http.NewRequest(method, "u", nil); http.DefaultClient.Do(req) }`, "?", "0:?"},
		{"exported two levels", send + `func G(m string) { f(m) }; func h() { G("POST") }`, "?", "2:POST 1:?"},
		{"package-level value", `var req http.Request
		                         func f() { http.DefaultClient.Do(&req) }`, "?", "0:?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			fn := pkg.Func("f")
			if fn == nil {
				fn = pkg.Func("F")
			}
			var req ssa.Value
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && httpapi.ClientDo.Matches(callee.Func(&call.Call)) {
						req = call.Call.Args[1]
					}
				}
			}
			x := ssaflow.NewIndex(pkg)
			back := &ssaflow.Backtracer{Index: x, Fields: true, Through: httpflow.Derived}
			tracer := &ssaflow.Tracer{Index: x}
			list := func(methods []string, known bool) string {
				if !known {
					return "?"
				}
				return strings.Join(methods, " ")
			}
			if got := list(httpflow.Methods(back, tracer, req)); got != tc.methods {
				t.Errorf("Methods = %s, want %s", got, tc.methods)
			}
			var sites []string
			for _, s := range httpflow.Sites(back, tracer, req) {
				sites = append(sites, strconv.Itoa(len(s.Calls))+":"+list(s.Request.Methods, s.Request.MethodsKnown))
			}
			if got := strings.Join(sites, " "); got != tc.sites {
				t.Errorf("Sites = %s, want %s", got, tc.sites)
			}
		})
	}
}

// TestSendMethods reads the methods of the one send in f.
func TestSendMethods(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, methods string
	}{
		{"Get", `func f(c *http.Client) { c.Get("u") }`, "GET"},
		{"Head", `func f(c *http.Client) { c.Head("u") }`, "HEAD"},
		{"Post", `func f(c *http.Client) { c.Post("u", "", nil) }`, "POST"},
		{"PostForm", `func f(c *http.Client) { c.PostForm("u", nil) }`, "POST"},
		{"Do", `func f(c *http.Client) { req, _ := http.NewRequest("PUT", "u", nil); c.Do(req) }`, "PUT"},
		{"Do, empty method", `func f(c *http.Client) { req, _ := http.NewRequest("", "u", nil); c.Do(req) }`, "GET"},
		{"RoundTrip", `func f(t *http.Transport) { req, _ := http.NewRequest("PATCH", "u", nil); t.RoundTrip(req) }`, "PATCH"},
		{"RoundTripper", `func f(t http.RoundTripper) { req, _ := http.NewRequest("DELETE", "u", nil); t.RoundTrip(req) }`, "DELETE"},
		{"a caller's request", `func f(c *http.Client, req *http.Request) { c.Do(req) }`, "?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			var send ssa.CallInstruction
			for _, b := range pkg.Func("f").Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(ssa.CallInstruction); ok &&
						slices.Concat(httpapi.ClientSends, httpapi.TransportSends).Matches(callee.Func(call.Common())) {
						send = call
					}
				}
			}
			x := ssaflow.NewIndex(pkg)
			back := &ssaflow.Backtracer{Index: x, Fields: true, Through: httpflow.Derived}
			methods, known := httpflow.SendMethods(back, &ssaflow.Tracer{Index: x}, send)
			got := strings.Join(methods, " ")
			if !known {
				got = "?"
			}
			if got != tc.methods {
				t.Errorf("SendMethods = %s, want %s", got, tc.methods)
			}
		})
	}
}

// TestLocks reports the mutexes held at the send in send, by name.
func TestLocks(t *testing.T) {
	t.Parallel()
	const decls = `import "sync"
	var mu sync.Mutex
	type c struct{ mu sync.Mutex; rw sync.RWMutex; hc *http.Client }
	`
	for _, tc := range []struct {
		name, src, held string
	}{
		{"deferred unlock", `func (x *c) send() { x.mu.Lock(); defer x.mu.Unlock(); x.hc.Get("u") }`, "mu"},
		{"unlocked before", `func (x *c) send() { x.mu.Lock(); x.mu.Unlock(); x.hc.Get("u") }`, ""},
		{"one branch", `func (x *c) send(b bool) { if b { x.mu.Lock(); defer x.mu.Unlock() }; x.hc.Get("u") }`, ""},
		{"in a loop", `func (x *c) send() { for { x.mu.Lock(); x.hc.Get("u"); x.mu.Unlock() } }`, "mu"},
		{"read lock", `func (x *c) send() { x.rw.RLock(); defer x.rw.RUnlock(); x.hc.Get("u") }`, ""},
		{"package variable", `func (x *c) send() { mu.Lock(); defer mu.Unlock(); x.hc.Get("u") }`, "mu"},
		{"every caller", `func (x *c) send() { x.hc.Get("u") }
		                  func (x *c) A() { x.mu.Lock(); defer x.mu.Unlock(); x.send() }
		                  func (x *c) B() { x.mu.Lock(); x.send(); x.mu.Unlock() }`, "mu"},
		{"one caller without", `func (x *c) send() { x.hc.Get("u") }
		                        func (x *c) A() { x.mu.Lock(); defer x.mu.Unlock(); x.send() }
		                        func (x *c) B() { x.send() }`, ""},
		{"goroutine", `func (x *c) send() { x.hc.Get("u") }
		               func (x *c) A() { x.mu.Lock(); defer x.mu.Unlock(); go x.send() }`, ""},
		{"exported", `func (x *c) Send() { x.hc.Get("u") }
		              func (x *c) A() { x.mu.Lock(); defer x.mu.Unlock(); x.Send() }`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := ssatest.Build(t, "package p\nimport \"net/http\"\n"+decls+tc.src)
			x := ssaflow.NewIndex(pkg)
			x.Sealed = sealedAll(x)
			var send ssa.Instruction
			for _, fn := range x.Funcs {
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						if call, ok := instr.(*ssa.Call); ok && httpapi.ClientGet.Matches(callee.Func(call.Common())) {
							send = call
						}
					}
				}
			}
			var held []string
			for m := range httpflow.Locks(x, send) {
				held = append(held, m.Name())
			}
			if got := strings.Join(held, " "); got != tc.held {
				t.Errorf("held %q, want %q", got, tc.held)
			}
		})
	}
}

// sealedAll seals every unexported method of the package, as ssapass does
// when it builds all their callers.
func sealedAll(x *ssaflow.Index) map[*gotypes.Func]bool {
	sealed := make(map[*gotypes.Func]bool)
	for _, fn := range x.Funcs {
		if m, ok := fn.Object().(*gotypes.Func); ok && fn.Signature.Recv() != nil && !m.Exported() {
			sealed[m] = true
		}
	}
	return sealed
}

// TestParams lists the transport parameters of functions that only other
// packages call.
func TestParams(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		func Defaults(t *http.Transport) {}
		func Called(t *http.Transport) {}
		func helper(t *http.Transport) {}
		func asValue(t *http.Transport) {}
		func Other(c *http.Client) {}
		var Hook = asValue
		func use() { tr := &http.Transport{}; Called(tr); helper(tr) }`)
	x := ssaflow.NewIndex(pkg)
	var got []string
	for _, p := range httpflow.Params(x, httpapi.Transport) {
		got = append(got, p[0].Parent().Name())
	}
	slices.Sort(got)
	if want := []string{"Defaults", "asValue"}; !slices.Equal(got, want) {
		t.Errorf("Params in %v, want %v", got, want)
	}
}

// TestClosesConnection reports whether the request f sends asks for its
// connection to be closed on every path to the send.
func TestClosesConnection(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		closes    bool
	}{
		{"header", `func f() { req, _ := http.NewRequest("GET", "u", nil); req.Header.Set("Connection", "close"); http.DefaultClient.Do(req) }`, true},
		{"header added, any case", `func f() { req, _ := http.NewRequest("GET", "u", nil); req.Header.Add("connection", " Close "); http.DefaultClient.Do(req) }`, true},
		{"Close through a transport", `func f(req *http.Request, t *http.Transport) { req.Close = true; t.RoundTrip(req) }`, true},
		{"Close false", `func f(req *http.Request, t *http.Transport) { req.Close = false; t.RoundTrip(req) }`, false},
		{"Close through a client, which redirects without it", `func f(req *http.Request) { req.Close = true; http.DefaultClient.Do(req) }`, false},
		{"another header", `func f(req *http.Request) { req.Header.Set("Connection", "keep-alive"); http.DefaultClient.Do(req) }`, false},
		{"on one path", `func f(req *http.Request, b bool) { if b { req.Header.Set("Connection", "close") }; http.DefaultClient.Do(req) }`, false},
		{"after the send", `func f(req *http.Request) { http.DefaultClient.Do(req); req.Header.Set("Connection", "close") }`, false},
		{"derived", `func f(req *http.Request) { out := req.WithContext(context.Background()); out.Header.Set("Connection", "close"); http.DefaultClient.Do(out) }`, true},
		{"built by a helper", `func f() { req, _ := newReq(); http.DefaultClient.Do(req) }
		                       func newReq() (*http.Request, error) {
		                           req, err := http.NewRequest("GET", "u", nil)
		                           if err != nil { return nil, err }
		                           req.Header.Set("Connection", "close")
		                           return req, nil
		                       }`, true},
		{"one helper of two", `func f(b bool) { var req *http.Request; if b { req = closing() } else { req = keeping() }; http.DefaultClient.Do(req) }
		                       func closing() *http.Request { req, _ := http.NewRequest("GET", "u", nil); req.Header.Set("Connection", "close"); return req }
		                       func keeping() *http.Request { req, _ := http.NewRequest("GET", "u", nil); return req }`, false},
		{"none", `func f(req *http.Request) { http.DefaultClient.Do(req) }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			var send *ssa.Call // the first send
			for _, b := range pkg.Func("f").Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && send == nil && httpapi.ProducerMethods.Matches(callee.Func(&call.Call)) {
						send = call
					}
				}
			}
			x := ssaflow.NewIndex(pkg)
			back := &ssaflow.Backtracer{Index: x, Through: httpflow.Derived}
			if got := httpflow.ClosesConnection(x, back.Sources(send.Call.Args[1]), send); got != tc.closes {
				t.Errorf("ClosesConnection = %v, want %v", got, tc.closes)
			}
		})
	}
}

// TestClientTransports reports how many stores into the Transport field of
// the first http.Client that f allocates ClientTransports finds, with a
// tracer and without.
func TestClientTransports(t *testing.T) {
	t.Parallel()
	const holder = `type holder struct{ hc *http.Client }
	                `
	for _, tc := range []struct {
		name, src        string
		traced, untraced int
	}{
		{"literal", `func f(t http.RoundTripper) *http.Client { return &http.Client{Transport: t} }`, 1, 1},
		{"assigned", `func f(t http.RoundTripper) *http.Client { c := &http.Client{}; c.Transport = t; return c }`, 1, 1},
		{"literal and assigned", `func f(t http.RoundTripper) *http.Client { c := &http.Client{Transport: t}; c.Transport = sink; return c }`, 2, 2},
		{"declared as a value", `func f(t http.RoundTripper) *http.Client { c := http.Client{Transport: t}; return &c }`, 1, 1},
		{"none", `func f() *http.Client { return &http.Client{} }`, 0, 0},
		{"through a field", holder + `func f(h *holder) { h.hc = &http.Client{}; h.hc.Transport = sink }`, 1, 0},
		{"through a helper", `func f() { c := &http.Client{}; set(c) }
		                      func set(c *http.Client) { c.Transport = sink }`, 1, 0},
		{"another client", `func f(other *http.Client) *http.Client { other.Transport = sink; return &http.Client{} }`, 0, 0},
		{"another field", `func f() *http.Client { return &http.Client{Jar: nil} }`, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			var client *ssa.Alloc
			for _, b := range pkg.Func("f").Blocks {
				for _, instr := range b.Instrs {
					if a, ok := instr.(*ssa.Alloc); ok && client == nil && httpapi.Client.MatchesPtr(a.Type()) {
						client = a
					}
				}
			}
			x := ssaflow.NewIndex(pkg)
			tracer := &ssaflow.Tracer{Index: x, Fields: true}
			if got := len(httpflow.ClientTransports(x, tracer, client)); got != tc.traced {
				t.Errorf("traced: %d stores, want %d", got, tc.traced)
			}
			if got := len(httpflow.ClientTransports(x, nil, client)); got != tc.untraced {
				t.Errorf("untraced: %d stores, want %d", got, tc.untraced)
			}
		})
	}
}

// TestFieldLoads reports how many loads of the Transport field of its
// parameter f makes.
func TestFieldLoads(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		want      int
	}{
		{"two loads", `func f(c *http.Client) { _, _ = c.Transport, c.Transport }`, 2},
		{"a store", `func f(c *http.Client) { c.Transport = sink }`, 0},
		{"another field", `func f(c *http.Client) { _ = c.Jar }`, 0},
		{"another client", `func f(c, d *http.Client) { _ = d.Transport }`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			fn := pkg.Func("f")
			got := httpflow.FieldLoads(ssaflow.NewIndex(pkg), []ssa.Value{fn.Params[0]}, httpapi.ClientTransport)
			if len(got) != tc.want {
				t.Errorf("%d loads, want %d", len(got), tc.want)
			}
		})
	}
}

// TestTransportClient reports whether each store in f is one of a
// transport into a client's Transport field.
func TestTransportClient(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"literal", `func f() *http.Client { return &http.Client{Transport: sink} }`, "true"},
		{"assigned", `func f(c *http.Client) { c.Transport = sink }`, "true"},
		{"another field", `func f(c *http.Client) { c.Jar = nil }`, "false"},
		{"a transport's field", `func f() { sink.MaxIdleConnsPerHost = 4 }`, "false"},
		{"embedded", `type wrapped struct{ http.Client }
		              func f(w *wrapped) { w.Transport = sink }`, "true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, b := range build(t, tc.src).Func("f").Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						c := httpflow.TransportClient(st)
						if c != nil && !httpapi.Client.MatchesPtr(c.Type()) {
							t.Errorf("client %v of type %v", c, c.Type())
						}
						got = append(got, strconv.FormatBool(c != nil))
					}
				}
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("TransportClient = %s, want %s", s, tc.want)
			}
		})
	}
}
