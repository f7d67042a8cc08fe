// Package keepalivesoff defines an analyzer that reports HTTP keep-alives
// switched off in code that sends or serves more than one request.
//
// # Analyzer keepalivesoff
//
// keepalivesoff: report keep-alives disabled where requests repeat
//
// Transport.DisableKeepAlives: true, Request.Close = true, a
// "Connection: close" request header and (*http.Server).SetKeepAlivesEnabled(false)
// all close the TCP connection after each request. Every further request then
// pays a new TCP (and TLS) handshake, and the side that closes first keeps
// the socket in TIME_WAIT for 2*MSL: a busy client runs out of ephemeral
// ports, a busy server piles up sockets. The net/http documentation of
// SetKeepAlivesEnabled: "Only very resource-constrained environments or
// servers in the process of shutting down should disable them."
//
// Wrong:
//
//	var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
//
//	func poll(urls []string) {
//		for _, u := range urls {
//			resp, err := client.Get(u) // a new connection every time
//			...
//		}
//	}
//
// Right: leave keep-alives on, read each body to EOF and close it, and, if
// stale pooled connections were the problem, set Transport.IdleConnTimeout
// below the server's idle timeout:
//
//	var client = &http.Client{Transport: &http.Transport{IdleConnTimeout: 30 * time.Second}}
//
// What is reported, each at the switch itself:
//
//   - DisableKeepAlives: true (in a literal or assigned) on an http.Transport
//     created or cloned in the package, when the transport sends more than
//     one request: two send sites, one after the other in one function
//     (Client.Do, Get, Head, Post, PostForm through a client holding it,
//     or RoundTrip; sites on exclusive branches do not count), or one that
//     runs more than once per transport: in a loop the transport was
//     created outside of,
//     or in a function that other code can call (a method, an exported
//     function, a handler or other function value) or that has several call
//     sites, while the transport outlives it (a package variable, a struct
//     field, a captured variable).
//   - Close = true and Header.Set or Add("Connection", "close") on a
//     request (made in the package with http.NewRequest,
//     NewRequestWithContext, a literal, Clone or WithContext, or followed
//     from where it is switched) when the call that sends it (Client.Do,
//     RoundTrip) runs more than once per program: in a loop, or in a
//     function that other code can call or that has several call sites. A
//     handler's own request is not sent, so switching it is not reported;
//     nor is a request whose methods are all constants that net/http does
//     not send again when a reused connection fails (anything but GET,
//     HEAD, OPTIONS and TRACE: (*Request).isReplayable in
//     net/http/request.go): for a POST or a PATCH, closing the connection
//     keeps it off stale pooled connections, a remedy postretry counts as
//     handled, so the suite does not report it both ways. Nor is Close
//     (or the header) set on some paths only, in the function that sends
//     (`if stale { req.Close = true }`): that retires one connection, a
//     stuck one after a timeout, and the other requests keep theirs. Nor
//     is a request whose every send goes through a transport made for it
//     (one that would not be reported with DisableKeepAlives: true, see
//     the quiet cases), given to the sending client on every path to the
//     send: such a transport has no connection to reuse, and the header
//     only stops it keeping an idle one (miniflux's fetcher makes one per
//     feed, for its proxy and TLS settings).
//   - SetKeepAlivesEnabled(false) in the function that creates or serves the
//     server, outside its shutdown path.
//
// Quiet cases: one-shot programs (the walk from a send through the package's
// call sites ends in main, init or a test function without meeting a loop);
// a transport made for one request (created in the function or loop
// iteration that sends once through it, where disabling keep-alives stops
// idle connections from piling up), also when a function of the package
// makes it and returns a client holding it (`c.newClient()` per probe, or
// a function calling such a maker and returning the client with a
// request, as Open Policy Agent's http.send does per evaluation) or when
// the send is in another function that is given the transport or client
// as an argument (only the calls that pass it count, not who else may
// call that function, and each of them is judged on its own: a send
// helper called by several functions that each made their client); a
// transport whose every send (through it or its clients) sends requests
// net/http does not replay (Client.Post, PostForm, or Do and RoundTrip
// of requests whose methods are all constants other than GET, HEAD,
// OPTIONS and TRACE): keep-alives off there keeps POSTs off stale pooled
// connections, a remedy postretry counts as handled, as Close on such
// requests is (syncthing's discovery announcer); a
// transport (allocated, or a Clone of http.DefaultTransport) that dials
// only a Unix domain socket (its Dial or DialContext, a clone's
// DialContext, set on every path from where the transport is made, and
// DialTLS or DialTLSContext if set, is a function of the package whose
// every connection comes from net.Dial, DialTimeout, DialUnix or a
// net.Dialer's Dial or DialContext of the constant network "unix" or
// "unixpacket", as github.com/cli/go-gh does to reach a local daemon: a new
// connection there costs no TCP or TLS handshake and leaves no TIME_WAIT
// socket, since (*sysDialer).dialSingle in net/dial.go dials a *UnixAddr
// with dialUnix); a loop that sends again only after the send
// failed (a retry that stops at the first success: a failed request
// leaves no connection to keep); requests and transports handed to code
// the package cannot see; values that are not constants (a configuration
// switch); SetKeepAlivesEnabled(false) after a channel receive, a select,
// ctx.Done(), signal.Notify, Shutdown, Close or RegisterOnShutdown in the
// same function, right before a Shutdown or Close with no serve after it,
// or in a function of its own that does not serve the server (a drain hook);
// a server served on a listener that the package closes while it serves
// (a Close of the listener that is not deferred in the serving function:
// an ACME challenge or probe server stopped by closing its listener, where
// keep-alives off is how no connection outlives the stop, since closing a
// listener ends (*Server).Serve's Accept loop but not the connections it
// accepted, net/http/server.go);
// test files unless -keepalivesoff.tests is set; generated files.
//
// A suggested fix removes DisableKeepAlives: true, the Close = true
// assignment or the header call when it stands alone on its lines (or is
// an element of a one-line literal).
//
// Known limits: "runs more than once" is judged from the package's own
// static call sites, so a library function called once by its users is
// still reported; a function that makes a transport only on its first
// call and returns the cached client afterwards counts as making one per
// call; a client held in an exported package variable and never
// used in its own package is not; http.DefaultTransport changed through a
// type assertion is not followed; a response header Connection: close set
// by a handler is not reported; SetKeepAlivesEnabled(false) in a lame-duck
// handler that starts a shutdown elsewhere is reported.
//
// Flags: -keepalivesoff.tests also reports in _test.go files (default
// false: tests often switch keep-alives off on purpose).
//
// Background: in net/http/transport.go, Transport.DisableKeepAlives makes
// (*Transport).tryPutIdleConn refuse every connection and
// (*persistConn).roundTrip add "Connection: close"; Request.Close or that
// header ((*Request).wantsClose in net/http/request.go) makes
// (*persistConn).readLoop drop the connection after the response; and
// (*Server).SetKeepAlivesEnabled(false) in net/http/server.go closes idle
// connections and makes (*conn).serve end each connection after its
// response. The facts each analyzer rests on, with their sources, are
// collected in docs/nethttp.md in the kalint repository.
package keepalivesoff
