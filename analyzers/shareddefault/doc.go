// Package shareddefault defines an analyzer that reports changes a package
// makes to the process-wide http.DefaultTransport and http.DefaultClient.
//
// # Analyzer shareddefault
//
// shareddefault: report writes to http.DefaultTransport and DefaultClient
//
// http.DefaultTransport is one *http.Transport for the whole process: the
// transport of http.DefaultClient, of http.Get, Head, Post and PostForm,
// and of every http.Client whose Transport is nil, in every library the
// program links. Setting one of its fields (MaxIdleConnsPerHost,
// DisableKeepAlives, TLSClientConfig, ...) changes the connection pool and
// the TLS settings of all of them, and the write races with requests in
// flight, since the transport reads those fields unlocked on every request
// (the race detector reports the write against tryPutIdleConn, which reads
// DisableKeepAlives and MaxIdleConnsPerHost each time a connection goes
// idle). Setting http.DefaultClient's Timeout, Transport, Jar or
// CheckRedirect changes every http.Get in the process. Two libraries that
// each "tune" the default undo each other's choice, or one turns off
// keep-alives for everyone. Clone() gives a transport of one's own.
//
// Wrong:
//
//	func NewClient() *http.Client {
//		t := http.DefaultTransport.(*http.Transport)
//		t.MaxIdleConnsPerHost = 100 // every client in the process now has 100
//		return &http.Client{Transport: t}
//	}
//
// Right:
//
//	func NewClient() *http.Client {
//		t := http.DefaultTransport.(*http.Transport).Clone()
//		t.MaxIdleConnsPerHost = 100
//		return &http.Client{Transport: t}
//	}
//
// The analyzer reports
//
//   - assignments (also op= and ++) to a field, or to a field of a field
//     (t.TLSClientConfig.InsecureSkipVerify), or to the whole of
//     http.DefaultTransport.(*http.Transport), directly or through any
//     local variable, closure variable, struct field, package variable,
//     parameter or result of the package's functions that holds that same
//     transport (traced back from the write), a client declared as a value
//     included (c := http.Client{Transport: http.DefaultTransport}, whose
//     fields nothing else reaches);
//   - assignments through a pointer that a transport or client of the
//     package's own holds in a field, when its function stored there the
//     pointer a default's field holds: `t := &http.Transport{TLSClientConfig:
//     def.TLSClientConfig}; t.TLSClientConfig.InsecureSkipVerify = true`
//     changes the default's *tls.Config (stmcginnis/gofish#567), also when
//     another path stores a fresh one (`if t.TLSClientConfig == nil`);
//   - calls that change that transport in place: RegisterProtocol, and
//     ConfigureTransport and ConfigureTransports of golang.org/x/net/http2;
//   - assignments to a field of http.DefaultClient (or to the whole client),
//     directly or through a value holding it;
//   - assignments to http.DefaultTransport or http.DefaultClient themselves
//     outside package main.
//
// A write is reported when some value the package shows may bring the
// default there: `if c == nil { c = http.DefaultClient }; c.Timeout = d`
// is reported. A field that the writing function stores on every path
// to the write holds what it stored last there
// (`c.hc.Transport = http.DefaultTransport` right before
// `c.hc.Transport.(*http.Transport).TLSClientConfig = conf`), whatever
// other functions store in it; a path on which it stores nothing but took
// the branch of a test of that field against nil on which it holds a
// value keeps what the caller gave there. So a function that fills the
// nil Transport of the client it is given with http.DefaultTransport
// (`if cli.Transport == nil { cli.Transport = http.DefaultTransport }`)
// and then writes through it is reported: when the caller gave none, the
// write changes the default (sourcegraph/sourcegraph-public-snapshot#4666).
// A write through a field is left alone when
// its function replaced the field on every path to it, after anything
// else that may have set it: stored a fresh value there (`&http.Client{}`),
// took the branch of `c.hc == http.DefaultClient` on which it is not the
// default, or called a function of the package that does one of these at
// each of its returns (`c.ensureOwn()`, which replaces the default by
// `&http.Client{}`, before `c.hc.Timeout = d`). A parameter of the
// package's function counts as every argument the package passes to it,
// even when the function is exported.
//
// It stays quiet for Clone() results (and anything made from them), for
// reads of the defaults' fields, for code in package main's main and init
// functions and in the functions of package main that only they call (or
// defer), since there the program itself decides its defaults before it
// sends, and for test code: _test.go files and functions taking
// *testing.T, *testing.B, *testing.F or testing.TB, or nested in one.
//
// The diagnostic is at the assignment or call. When the write goes through
// a variable assigned http.DefaultTransport.(*http.Transport) and that
// transport is then only configured and set as the Transport of clients
// of the package (not http.DefaultClient) or returned, a suggested fix
// appends .Clone() to the assertion, so that the clients get a configured
// copy and the default stays as it was. A direct write
// (http.DefaultTransport.(*http.Transport).MaxIdleConns = 100) gets no fix:
// it has no client to give a copy to, and may rely on the global effect.
//
// Known limits: values from other packages are not followed (there are no
// facts): a function of another package that returns
// http.DefaultTransport, or that writes to the transport it is passed, is
// not seen through. Writes through a map, slice or channel element are not
// followed. The analysis sees paths only for the field replacements
// above: a write through a local variable or parameter guarded by a test
// that it is not the default is still reported. A struct field is
// the same for every instance of its type, so a write through a field (or
// any value) that may also hold a transport or client the package makes,
// or one that a call returns, is left alone: the write may be meant for
// that one (godo's and vault's SDKs keep the default in one constructor
// and a pooled client in another). Not so when the struct whose field
// it is comes only from the package's allocations (literals passed to a
// parameter, a constructor's result), whose stores are told apart: one
// that holds the default reaches the write (vault's NewClient given
// `&Config{HttpClient: http.DefaultClient}` installs its transport in it). In package main,
// writes in main after goroutines that send have started are still left
// alone, though they race.
//
// Flags:
//
//	-shareddefault.tests  also report in test code (default false)
//
// Background: in net/http/transport.go, DefaultTransport is a package
// variable holding one *Transport; (*Transport).Clone returns a deep copy
// of its exported fields with a pool of its own, and (*Transport).
// tryPutIdleConn reads DisableKeepAlives and MaxIdleConnsPerHost, with no
// lock that a user's write could take, whenever a connection is returned.
// In net/http/client.go, DefaultClient is a package variable holding one
// *Client, used by Get, Head, Post and PostForm, and (*Client).transport
// returns DefaultTransport when Transport is nil. The facts each analyzer
// rests on, with their sources, are collected in docs/nethttp.md in the
// kalint repository.
package shareddefault
