// Package transportreuse defines an analyzer that reports http.Transport
// values made for a single request and then dropped.
//
// # Analyzer transportreuse
//
// transportreuse: report http.Transport made per request and dropped
//
// Every http.Transport owns its own pool of idle connections and the
// goroutines that serve them. A transport made for one request (a literal,
// new(http.Transport), or a Clone of http.DefaultTransport, directly or
// inside an http.Client) never reuses a connection: each request pays a new
// TCP and TLS handshake. Its idle connections and their goroutines stay
// behind until IdleConnTimeout expires (never, for a Transport literal
// that leaves it 0, until the server closes them), so under load a service
// runs out of file descriptors and fills with TIME_WAIT sockets. The
// net/http documentation says: "Transports should be reused instead of
// created as needed." An http.Client is cheap; its Transport is not.
//
// Wrong:
//
//	func FetchInsecure(url string) (*http.Response, error) {
//		tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
//		return (&http.Client{Transport: tr}).Get(url) // a new pool per call
//	}
//
// Right:
//
//	var insecure = &http.Client{Transport: &http.Transport{
//		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
//	}}
//
//	func FetchInsecure(url string) (*http.Response, error) {
//		return insecure.Get(url)
//	}
//
// The analyzer traces each transport the package makes, and each
// http.Client or httputil.ReverseProxy made in the package that holds it
// in its Transport field (a literal, or NewSingleHostReverseProxy),
// through locals, closures and the package's own functions. It reports a
// transport that is used for a request (Client.Do, Get, Head, Post,
// PostForm, RoundTrip, ReverseProxy.ServeHTTP) and otherwise dropped, when
// it is made
//
//   - in an HTTP handler: a function or method with the signature
//     func(http.ResponseWriter, *http.Request) (ServeHTTP methods, handler
//     functions, closures passed to http.HandleFunc or ServeMux.HandleFunc
//     or converted to http.HandlerFunc), or a closure nested in one;
//   - in a loop body, and used in the same loop;
//   - in any other function that sends its request(s) with it and drops it,
//     itself or through the package's functions and methods it passes the
//     transport, client or API struct to (a controller's Reconcile that
//     makes a client and calls its List), unless the function runs once
//     (main, init, the tests, benchmarks, fuzz tests and examples of
//     _test.go files, and functions called only from those, outside loops)
//     or uses the transport for many requests (in a loop after making it).
//     A call of a method of an interface counts as a call of the package's
//     method when the value it is called on can hold one type only, the
//     package's (an API client returned by its constructor as the
//     package's interface).
//
// The same holds for a call of a constructor of the same package, a
// function that returns a fresh transport or a client holding one (made
// in it, not kept anywhere, returned by it, or by a function of the
// package that it hands the value to: NewClient returning
// NewClientWithHTTP(uri, &http.Client{...})): the report is at the call and
// names the constructor, with the construction as related information.
// A constructor may give the client its transport after the literal
// (c.Transport = &http.Transport{...}), on each of several branches: a
// store replaces the transport only when it may run after it.
// Constructors are summarised once per package and memoised. Those of the
// other packages of the module being developed (no module version, not the
// standard library) are summarised too, in facts (transportmakers): an
// exported function or method that returns a fresh transport, or a client
// holding one, not a struct holding it (cs3org/reva's rhttp.GetHTTPClient
// called for every request); standalone, facts pass between the packages
// analysed together. Summarising the module cache's would make every
// driver load every dependency from source (on the benchmark corpus that
// alone costs 2.1x the CPU time and 2.6x the memory of loading from export
// data). Two rules stand in for them: a package-level function
// named New... that returns an *http.Transport and takes no transport or
// client is a constructor, by Go's naming convention; and a few
// well-known constructors, read in their source, make a transport with
// keep-alives on at every call: go-cleanhttp's DefaultPooledTransport and
// DefaultPooledClient (not DefaultTransport and DefaultClient, which turn
// keep-alives off), go-retryablehttp's NewClient (requests through its
// Do, Get, Head, Post, PostForm and StandardClient) and resty's New
// (requests through R and NewRequest; setters that return the client
// pass it on).
//
// A transport stored in memory that outlives the call (a field of a
// receiver's or parameter's struct, c.client.Transport, or a package
// variable) replaces, at each store, the one stored before, and its pool:
// it is reported when the function storing it is an HTTP handler, stores
// it in a loop, or builds or sends a request (http.NewRequest, Client.Do)
// or is called by the package's function that does (outside test code and
// functions that run once), and stores it on every run that does not
// return an error (apache/openwhisk-client-go#112: NewRequest reloading
// the key pair and installing a transport). Lazy initialisation is not
// reported: a store on the branch of a test that the same memory is nil
// (if c.client.Transport == nil), a store in a closure or in a function
// used as a value (sync.Once.Do), one that a successful run may skip (a
// refresh when a file changed).
//
// It stays quiet when the transport is kept: stored in a package variable,
// a struct field, a map, slice or channel (pools keyed by host, lazy
// initialisation under sync.Once), returned to the caller, or handed to
// code the package cannot see (another package's function, a function
// value, another package's wrapping RoundTripper, an interface method whose
// receiver may hold another type), since that code may keep it; x/net's
// http2.ConfigureTransport and the transport's RegisterProtocol only set
// its protocols and keep it nowhere. A few well-known wrappers of other packages, read in their source,
// hold the inner transport only as long as themselves and are followed like
// it: otelhttp.NewTransport, promhttp's InstrumentRoundTripperCounter,
// Duration, InFlight and Trace, client-go's
// transport.NewBearerAuthRoundTripper, NewBasicAuthRoundTripper and
// NewUserAgentRoundTripper, and the Base of an oauth2.Transport or
// ochttp.Transport literal (a transport read back from that Base is
// followed too); their RoundTrip sends. A struct of the package
// made in the package that holds the transport, or a client holding it, in
// a field (a wrapping RoundTripper, an API client) lives as long as the
// transport and is followed like it, and so are the loads of that field: a
// constructor that returns the struct, on any branch, still makes a fresh
// transport, and a struct made per request (NewAPI(base) in a handler, then
// api.Get) is a transport made per request. A field of a local struct that
// dies with the call (a value receiver's copy, used only through its
// fields) does not keep it, and neither does a closure that only calls its
// CancelRequest or CloseIdleConnections (a timer). It stays quiet for
// http.Client{} without a Transport (it shares DefaultTransport), for
// transports with DisableKeepAlives set to true or to a value it cannot
// tell (there is no pool to reuse; keepalivesoff judges that choice)
// unless made on every iteration of a loop, or on every call of a
// function that the package calls in a loop (a plain call, not a
// goroutine, passed no next work item: go-nsq's per-poll lookupd
// transport), where turning keep-alives on alone would not help, for
// transports whose every request asks for its connection to be closed
// after the response (each send is a Client.Do or RoundTrip of a request
// given a Connection: close header on every path to it, or built by a
// helper that sets one, or for RoundTrip Close = true: net/http then
// keeps no idle connection, over HTTP/1 in (*persistConn).readLoop in
// net/http/transport.go, over HTTP/2 by http2isConnectionCloseRequest in
// net/http/h2_bundle.go; a client makes each redirect's request anew,
// with the header but without Close, in (*Client).do in
// net/http/client.go; miniflux's fetcher makes such a transport per
// feed), for
// transports used by a closure that may run many times (a handler made by a
// factory), and for test code: _test.go files and functions taking
// *testing.T, *testing.B, *testing.F or testing.TB, or nested in one. A
// per-call transport whose idle connections the function closes with
// CloseIdleConnections is reported only with -transportreuse.strict; in a
// handler or a loop body it is reported anyway, since no connection is ever
// reused. A transport whose Dial or DialContext is a function of the
// package that dials nothing and returns a connection of the package's own
// type (httputil.DumpRequestOut's, which answers from memory) has no pool
// at all and is not reported, unless that connection wraps a net.Conn (or
// a connection of net or crypto/tls) dialed elsewhere: then it is a
// network connection (coder/wgtunnel#12).
//
// The diagnostic is at the literal, new call, Clone call or constructor
// call and names the function it runs in. There is no suggested fix:
// where to keep the transport is a design choice.
//
// Known limits: other constructors of other packages are not recognised:
// a per-request call of a function of another package that returns an
// *http.Client holding a fresh transport is not reported (whether the
// client holds a fresh or a shared transport cannot be told from its
// signature), and a New... function of another package that returns a
// shared *http.Transport would be taken for a constructor; a wrapping
// RoundTripper of another package outside the table counts as keeping the
// transport; a Clone of a
// transport the analyzer cannot trace (a package variable, a parameter)
// counts as having keep-alives off if the package sets DisableKeepAlives
// anywhere; a function that runs once is recognised through the package's
// static calls only, so an exported function (a library's Run) that makes
// a transport for one request is reported even if every caller calls it
// once; the analysis does not see paths, so a CloseIdleConnections on one
// path counts for all; a transport that dials in memory is recognised only
// when its dial function is the package's own and set where the transport
// is made; a transport stored over the last one is reported whatever its
// requests ask, since the sends through what is stored are not followed.
//
// Flags:
//
//	-transportreuse.tests   also report in test code (default false)
//	-transportreuse.strict  also report per-call transports closed with
//	                        CloseIdleConnections (default false)
//
// Background: in net/http/transport.go, the idle pool (idleConn, idleLRU)
// is a field of each Transport value, and each connection runs a readLoop
// and a writeLoop goroutine started by (*Transport).dialConn;
// (*Transport).tryPutIdleConn arms an idle timer only when IdleConnTimeout
// is positive, and (*Transport).Clone copies the settings with an empty
// pool. The Transport documentation: "Transports should be reused instead
// of created as needed." The facts each analyzer rests on, with their
// sources, are collected in docs/nethttp.md in the kalint repository.
package transportreuse
