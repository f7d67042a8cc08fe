// Package idleperhost defines an analyzer that reports HTTP clients that
// talk to one host but keep only the default 2 idle connections per host.
//
// # Analyzer idleperhost
//
// idleperhost: report single-host clients keeping 2 idle connections
//
// An http.Transport whose MaxIdleConnsPerHost is 0 keeps
// http.DefaultMaxIdleConnsPerHost, 2, idle connections per host. When more
// than 2 requests to one host finish together, every connection beyond 2 is
// closed instead of pooled ((*Transport).tryPutIdleConn returns
// errTooManyIdleHost). A service-to-service client that sends bursts to one
// host therefore opens and closes connections continuously, and the closed
// sockets pile up in TIME_WAIT (tens of thousands of them, until ports run
// out). MaxIdleConns limits idle connections to all hosts together and does
// not raise the per-host limit; MaxConnsPerHost limits active connections,
// not idle ones. http.DefaultTransport, which http.DefaultClient and
// http.Get use, keeps 2 per host as well.
//
// Wrong:
//
//	var inventory = &http.Client{Transport: &http.Transport{
//		MaxIdleConns: 100, // all hosts together: still 2 for inventory
//	}}
//
//	func item(id string) (*http.Response, error) {
//		return inventory.Get("http://inventory.internal:8080/items/" + id)
//	}
//
// Right:
//
//	var inventory = &http.Client{Transport: &http.Transport{
//		MaxIdleConns:        100,
//		MaxIdleConnsPerHost: 100, // every request goes to one host
//	}}
//
// The analyzer reports a transport (a composite literal, new(http.Transport),
// a variable, or http.DefaultTransport.(*http.Transport).Clone()) that is not
// given MaxIdleConnsPerHost anywhere in the package, when every request sent
// through it (Client.Do, Get, Head, Post, PostForm of the clients whose
// Transport it is, and its own RoundTrip) goes to one host. It follows the
// transport and its clients through variables, closures, struct fields,
// package variables, helper functions and constructors of the package, and
// the request's URL back through http.NewRequest(WithContext), Request.Clone
// and WithContext, url.Parse, url.JoinPath, URL.String, URL.JoinPath,
// URL.ResolveReference and URL.Parse with a relative reference (one with
// its own scheme or host leaves the base), &url.URL{...}, a copy of a
// url.URL that changes only its path, query or fragment (u := *c.base;
// u.Path = p), string
// concatenation, fmt.Sprintf, path.Join, strings.TrimSuffix, TrimRight
// and TrimSpace, phis, results of the package's
// functions, and parameters of functions whose every call the package shows.
// A request goes to one host when its URL is a constant, or starts with a
// constant, naming the host (the message names it); or when it starts with a
// base URL held next to the client (or with a constant scheme followed by a
// host held there, "http://"+o.peer): in a field of the struct that holds
// the client or transport, or of a struct of the package that holds that
// struct in a field or is held by it (w.opts.serverURL next to w.client,
// o.t.client next to o.peer, c.cfg.URL next to c.client), in a variable
// captured by a closure made where the transport or client is created, or
// in a package variable. A base URL held per client counts also when several clients
// share the transport (a package variable, a helper's parameter): each
// client sends all its requests to its own base, which keeps 2 idle
// connections like any other host. The per-host limit bites only when requests to the host overlap, so
// the transport must also be long-lived or used concurrently: kept in a
// package variable, a struct field or a closure that outlives the call that
// makes it (where servers and workers share it), or sending from concurrent
// code (see below); but not when every request is sent from one polling
// loop, a loop that waits on a ticker or timer (time.Ticker.C,
// time.Timer.C, time.Tick, time.After) before each request, directly or
// through functions whose every call the package shows, nor when every
// request is sent with one sync.Mutex (or RWMutex write lock) held, locked
// before the send and not unlocked before it (a deferred Unlock counts as
// held), in the sending function or around every call of it that the
// package shows: one request at a time needs one idle connection. A mutex
// in a struct counts when the transport or client is kept in a field of
// that struct (or of one linked to it) and in no package variable, so that
// each instance's mutex guards its own requests; a package-level mutex
// always counts. When the transport sets MaxIdleConns or
// MaxConnsPerHost above 2 the message says so: the classic "I raised the pool but per host
// it is still 2". A transport returned from an exported function is judged
// by the package's own calls of it, when there are any. A client given
// another transport is judged by it, unless that transport only comes
// from a caller (SetTransport(rt), an option WithTransport(rt)): until a
// caller brings one, the package's own is in use.
//
// A transport that sets MaxConnsPerHost above 2 and leaves
// MaxIdleConnsPerHost at 0 is reported whatever the hosts: its author
// planned for that many concurrent connections to a host, and all but 2
// are closed after each burst. The message names the field and its value:
// a constant, or the expression of a value whose source the package does
// not show (MaxConnsPerHost: cfg.MaxConnections, a user's number); a value
// that every call in the package sets to 2 or below, and a transport whose
// MaxIdleConns is the constant 1 or 2 (the whole idle pool capped on
// purpose), are left alone.
//
// A burst counts as one host too: goroutines started in a loop of one
// function (a go statement, errgroup.Group.Go or sync.WaitGroup.Go) that
// each send to a URL that is the same on every round of the loop (built
// from the function's parameters, constants and fields it reads, not from
// the loop's variables or calls made in it), as a prober or load tester
// sends n requests at once to the target it is given: whatever host the
// next call picks, that burst reaches one host at the same time.
//
// A transport given to a reverse proxy made by
// httputil.NewSingleHostReverseProxy, once, in the function that makes the
// transport, sends every request the proxy serves to the proxy's one
// target host, from the server's goroutines at once: it is judged like a
// transport whose every request goes to one host, when the proxy is kept
// (returned, stored, handed to a mux), and not when it is made and served
// within one request.
// A one-shot program's own transport (in package main, neither kept nor
// used concurrently) is left alone, and so is a test file's transport
// whose requests are sent from no concurrent code, in a package whose
// tests and benchmarks do not run in parallel (no t.Parallel nor
// b.RunParallel): the tests send one request at a time.
//
// A transport wrapped in a RoundTripper that sends every request it is
// given through it is followed through the wrapper: the wrapper's requests
// are the transport's. That is a well-known wrapper's field
// (oauth2.Transport.Base, ochttp.Transport.Base), or a field of a
// RoundTripper of the package whose RoundTrip sends the request it is
// given, or a Clone or WithContext of it, through that field and no other,
// without pointing it at another URL (a wrapper that adds headers, not a
// load balancer). A transport read back from a client
// (client.Transport) and given to another client or wrapper is followed
// there too. A client made by another package
// (retryablehttp.NewClient().StandardClient()) whose Transport field the
// package sets is the package's use of that transport, as one it makes
// itself: an http.Client is net/http's, and the sends through it are in
// view; a client in a field of another package's struct
// (retryablehttp.Client.HTTPClient) is not, since that package's methods
// send through it. Transports and clients declared as struct values
// (tr := http.Transport{...}, c := http.Client{}) have the fields of their
// literal; a client copied from another (c := *base) has that client's
// Transport and is not judged.
//
// It also reports http.Get, Head, Post and PostForm, http.DefaultClient,
// clients whose Transport is http.DefaultTransport and clients built without
// a Transport (and never given one in the package), sending requests to
// one constant host, or to a base URL that the sending method's receiver
// holds in a string field set by an exported function or method of the
// package from one of its parameters (NewClient(addr string) *Client:
// one base per instance, whoever calls the method), from concurrent code
// (unless a package-level mutex, or for a held base a mutex field of the
// receiver's struct, is held around the send, as above): a go statement in a loop that is
// the request itself, or a function run by a go statement,
// errgroup.Group.Go or TryGo, or sync.WaitGroup.Go inside a loop (worker
// pools started in a loop included), or a function of the package that such
// a function calls. The fix there is a dedicated transport, so no fix is
// offered.
//
// It stays quiet when MaxIdleConnsPerHost is set to anything but the
// constant 0 (a negative value disables idle pooling on purpose), when a
// local transport serves one request or a sequential loop (requests one
// after another reuse one idle connection), when DisableKeepAlives is true
// in every run the package shows (the constant true, or a helper's
// parameter that every call gives true, stored on every path from where
// the transport is made; its address given to a flag counts too): a value
// from a configuration, a flag's variable or an exported function's
// parameter, or a store under a condition, leaves keep-alives on in the
// runs where it is false, and there the pool is judged, when requests go to more
// than one host or to URLs it cannot trace to one (crawler-style clients:
// URLs from parameters of exported functions or methods, from lists, maps
// or user input), when the default client is used sequentially, when the
// package itself tunes or replaces http.DefaultTransport or
// DefaultClient.Transport, and when the transport or a client using it is
// handed to code it cannot see (an argument of a function of another
// package, a function value, an interface method, a container or a channel, or returned from a
// function that other packages can call and the package does not), since
// that code may configure it or send anything through it. Not handed off:
// a transport given to http2.ConfigureTransport or RegisterProtocol, which
// only set its protocols, one given to functional options from a variadic
// parameter that the package's own calls never fill (for _, o := range
// opts { o(tr) }, NewClient() called without options: the package's
// transports get none), and a client held in an interface (one kept so
// that tests can mock the client) whose only value in the package is that
// *http.Client: its Do, Get, ... are the client's.
//
// The diagnostic is at the transport's construction, with the request calls
// as related positions, or at the request call for the default transport,
// with the statement that starts the goroutines. For a transport literal, and
// for t := new(http.Transport) or a clone assigned to a variable, a
// suggested fix sets MaxIdleConnsPerHost to the transport's constant
// MaxIdleConns when that is above 2, else to the value of the
// -idleperhost.max-idle-per-host flag (default 100).
//
// A transport or client made in another package of the module and
// returned by one of its exported functions or methods is judged where it
// is used, as if made there, when that package leaves its pool at 2 idle
// connections per host and neither hands it off nor replaces it (a
// factory: NewTransport() (*http.Transport, error), a RoundTripper, an
// *http.Client on its own transport; not a struct holding the client,
// whose methods send out of the caller's view). The message names the
// function ("the http.Transport that lib.NewTransport returns keeps 2
// idle connections per host ..."), and for t := lib.NewTransport() the fix
// sets t.MaxIdleConnsPerHost on the next line. What the factory returns is
// a fact of the analysis (idlepools), computed for the packages of the
// modules being developed (those without a version: the main module, a
// workspace, a directory replacement), not for the standard library or the
// module cache; standalone, facts pass between the packages analysed
// together (kalint ./... in the module), go vet and golangci-lint pass
// them from every dependency of the module.
//
// Known limits: the analysis is flow-insensitive within a package; it sees
// one package at a time, so a transport configured or used in another
// package is judged only by what its own package does with it, but for
// the factories above (a client that a package of the module cache
// returns counts as a new one, though that package may keep it and send
// through it too), and a
// DefaultTransport tuned in another package (often main) is not seen; a
// kept transport counts as shared by concurrent code without proof that it
// is (unless a polling loop sends all its requests); a base URL held by a
// client type counts for the default transport only when an exported
// constructor sets it, which the analyzer reads from the syntax; HTTP handlers, which the server runs concurrently, do not count as
// concurrent code for the default client, and neither do range-over-func
// loops; for https URLs
// to servers that speak HTTP/2 the transport multiplexes requests over one
// connection and the per-host idle limit matters less.
//
// Background: in net/http/transport.go, (*Transport).maxIdleConnsPerHost
// turns a zero MaxIdleConnsPerHost into DefaultMaxIdleConnsPerHost (2), and
// (*Transport).tryPutIdleConn refuses a finished connection with
// errTooManyIdleHost once its host has that many idle ones, so
// putOrCloseIdleConn closes it; MaxIdleConns is applied afterwards, across
// hosts, and only evicts. DefaultTransport sets MaxIdleConns but not
// MaxIdleConnsPerHost. The facts each analyzer rests on, with their
// sources, are collected in docs/nethttp.md in the kalint repository.
package idleperhost
