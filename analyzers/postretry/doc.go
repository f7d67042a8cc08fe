// Package postretry defines an analyzer that reports non-idempotent HTTP
// requests sent over pooled connections without a retry, and retry loops
// that re-send a request whose body the first attempt consumed.
//
// # Analyzer postretry
//
// postretry: report POST/PATCH sends that are never retried
//
// A client reuses idle keep-alive connections. When the server closes one
// just as the client writes a request onto it, the request fails with EOF
// or "connection reset by peer". net/http's transport retries such a
// failure itself ((*persistConn).shouldRetryRequest) only when the request
// is replayable (Request.isReplayable): its body is nil, http.NoBody or can
// be rewound with GetBody, and its method is GET, HEAD, OPTIONS or TRACE or
// it carries an Idempotency-Key or X-Idempotency-Key header. A POST or a
// PATCH therefore fails, rarely and at random, with `Post "...": EOF`, and
// only a retry in the caller helps.
//
// Wrong:
//
//	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
//	if err != nil {
//		return err // sporadic EOF when the server closed the idle connection
//	}
//
// Right:
//
//	for attempt := 0; ; attempt++ {
//		resp, err := client.Post(url, "application/json", bytes.NewReader(body))
//		if err == nil {
//			return handle(resp)
//		}
//		if attempt == 2 {
//			return err
//		}
//		time.Sleep(backoff(attempt))
//	}
//
// The analyzer looks at http.Post, http.PostForm, (*http.Client).Post and
// PostForm (always POST), and (*http.Client).Do, (*http.Transport).RoundTrip
// and http.RoundTripper.RoundTrip of a request whose method it can resolve to
// constants: the method argument of http.NewRequest or
// NewRequestWithContext (a literal, a named constant, http.MethodPost, or a
// value walked back to those, also through the package's calls of a helper
// that takes the method as a parameter), a Method field store, or an
// http.Request literal. A helper that builds the request from a method it
// is given (send(ctx, method, path, body)) and is called with several
// methods is judged at each call in the package by the method that call
// passes: reported when a POST call is not retried, whatever its GET calls
// do. The same holds for an exported helper (a client library's generic
// Do(ctx, method, path, ...)) that the package itself calls with a
// constant POST: the package's calls are judged, its callers in other
// packages are not. What is stored in a request derived with WithContext
// or Clone on its way to the send (an Idempotency-Key header, GetBody)
// counts, and a body given to NewRequest is resolved at each call like
// the method. It follows the request
// back through variables, closures, struct fields, parameters of unexported
// functions, results of the package's functions, WithContext and Clone.
// A request that is a parameter of an exported function (not a method)
// that the package calls, a helper that sends what it is given, also from
// a goroutine, is resolved through the package's own calls of it: the
// send is reported when those pass a reported method, and stays quiet when
// each of those calls is retried. Callers in other packages are not seen.
// A send whose *http.Response its function returns, as http.Post returns
// Client.Do's (a sender wrapper: alertmanager's notify.PostJSON, through
// post and request), hands the retry to the wrapper's callers: it is
// reported only when one of the package's own calls of the wrapper (or of
// a wrapper of it, up to four up; through the package's interfaces too)
// neither retries nor returns the response on, and stays quiet when only
// callers the package cannot see are left.
//
// A send is retried, and not reported, when any of these holds:
//   - it sits in a loop whose failure branch (the error result compared with
//     nil) leads back to it: for loops with a counter or a backoff, labelled
//     continue of an outer loop, a loop that ignores the error; or the
//     failure branch leads to another call of the same function with the
//     same arguments, or in a loop (a retry after a first attempt), or to
//     a call of the send's own function that passes its parameters on, an
//     integer one stepped by a constant (a recursive retry helper:
//     return post(url, data, retries-1)). A
//     failure branch that ends in t.Fatal, log.Fatal or os.Exit does not
//     lead anywhere, nor does a way round that waits for a ticker's next
//     tick (a receive, alone, in a range or in a select, from time.Tick or
//     a time.Ticker's C): a loop over ticks sends the next report, it does
//     not retry the failed one (a backoff on time.After or time.Sleep is
//     a retry). Nor does a failure branch taken only when the error of a Client
//     send (or http.Post, Get, ...) equals a sentinel with == (err ==
//     io.EOF, err == syscall.ECONNRESET): a Client returns every error as
//     a *url.Error, so only errors.Is sees the EOF inside; nor does the
//     true branch of a test that the error is temporary or a timeout
//     (Temporary() or Timeout() on it, through net.Error or an interface
//     of the package's own, or a func(error) bool of the package, also one
//     passed to the retry helper, that returns true only after such a
//     test): a connection the server closed while idle fails with io.EOF
//     or ECONNRESET, which answer false to both ((*url.Error).Temporary
//     in net/url/url.go, (*net.OpError).Temporary in net/net.go); nor does
//     the true branch of a test of the error's text that such an error
//     fails: strings.HasSuffix(err.Error(), k) or err.Error() == k with a
//     constant k that a *url.Error around io.EOF, io.ErrUnexpectedEOF,
//     ECONNRESET, EPIPE or net/http's errServerClosedIdle cannot end with
//     or be (its text is `Post "URL": ` and the wrapped error's,
//     (*url.Error).Error in net/url/url.go, so err.Error() == "EOF" is
//     never true). A test that the text contains a word, "EOF" or any
//     other, may pass for it (the URL is in the text);
//   - its function is a closure or function value that is called in such a
//     loop, or passed to a function whose body calls its func parameter in
//     such a loop (retry helpers are recognised by what they do, not their
//     names, in the package and through helpers that pass the function on);
//   - a function value kept in an unexported field of a struct of the
//     package (c.retry = backoff, c.send = c.postOnce) is followed to the
//     calls of the field, and a call of such a field to the functions the
//     package stores in it: a field that only other packages could set is
//     not one of these;
//   - its function is unexported and every call of it, and every use of it
//     as a value, is retried in turn, unless the function swallows the
//     send's failure: it has no results, only compares the error with nil
//     or prints it (fmt's Print functions, package log), and its failure
//     branches do nothing else, so what calls it again (a loop, a hook
//     returned to other code) cannot know that the send failed; the same
//     holds of a call of a function of the package that returns the
//     send's error to a caller that swallows it (calls in _test.go files do not count
//     unless -postretry.tests is set). A call of a method of an interface
//     the package declares counts as a call of each method of the
//     package's types that implements it; an exported method that the
//     package calls that way (a queue retrying its WriteClient's Store in a
//     closure given to its backoff helper) is judged by the package's
//     calls of it, direct and through the interface, like an unexported
//     one;
//   - the request has an Idempotency-Key or X-Idempotency-Key header (set
//     with Header.Set or Add, or a map key) and a body that can be rewound
//     (none, http.NoBody, or a *bytes.Buffer, *bytes.Reader or
//     *strings.Reader given to NewRequest, or GetBody set): net/http retries
//     it itself;
//   - the request has Close = true or a Connection: close header (set with
//     Header.Set or Add): its connection is closed after the response and
//     never returns to the pool, so when every request to the server is
//     sent that way none can meet a connection the server closed while it
//     was idle. (The transport still hands such a request an idle
//     connection that another request left: queueForIdleConn in
//     net/http/transport.go checks only DisableKeepAlives.) keepalivesoff
//     stays quiet on Close and Connection: close on such requests in turn:
//     here they are the remedy, not a mistake.
//
// It also stays quiet for methods not in -postretry.methods (GET, HEAD,
// OPTIONS and TRACE are idempotent; PUT and DELETE are not reported unless
// configured, although the transport does not retry them either), for
// requests whose method is not a constant, for clients that are not
// net/http's (their Do is another method, as for retrying client
// libraries), for a client whose Transport has DisableKeepAlives set to
// anything but false, for a transport made anew in the run of the
// sending function (there, or by a helper that returns it, a nil
// *http.Client or *http.Transport on its failure paths aside, through
// which no send can run) and sent through once in that run (not in a loop, by no other send): its idle
// pool is empty, so the request dials (queueForIdleConn in
// net/http/transport.go finds nothing) and cannot meet a connection the
// server closed, or whose Transport is a RoundTripper other than
// net/http's (a wrapper may retry; a client or transport declared as a
// value, client := http.Client{Transport: t}, has the fields of its literal), for RoundTripper.RoundTrip on a
// RoundTripper it cannot see, for net/http's own Post and PostForm (which
// forward to a send: their callers are judged), and in _test.go files
// unless -postretry.tests is set.
//
// Second finding: a retry loop that sends the same *http.Request with a
// body again. The first attempt reads the body to the end and closes it,
// so every retry sends nothing or fails with "http: ContentLength=N with
// Body length 0". Build the request inside the loop, or set
// req.Body from req.GetBody() before each attempt. WithContext and Clone
// share the body, so they do not help. The analyzer reports a Do or
// RoundTrip in a loop that can send it again (on an error, a status such
// as 429 or 503, or a predicate's answer; or in a closure or function
// called by such a loop) when the request was built by http.NewRequest or
// an http.Request literal with a body of a known type, outside the loop,
// and no Body store happens in the loop. A body stored after the request
// is made counts too, also through io.NopCloser and through a helper of
// the package that every call given this request runs where it is built,
// outside the loop (cloudevents' setBody; a GetBody set there rewinds only
// net/http's own retries and redirects, not a request sent again). An empty in-memory body
// (strings.NewReader(""), bytes.NewBuffer(nil)) is none: NewRequest sends
// NoBody for it (NewRequestWithContext in net/http/request.go). When the
// send itself shows no such request (it is a parameter, of an exported
// Do(req) say, or is kept in a struct), the package's own calls that lead
// to it, exported functions' and methods' included, are judged one by
// one: an exported Do that retries what it is given re-sends the body of
// the POST that the package's Post gives it, whatever callers elsewhere
// pass. A request kept in a field that no other package can name (an
// unexported field, or a field of an unexported struct type) is followed
// through it, also through slices of such structs; in any other field it
// counts as handed off. A call of a predicate (results bool, or bool and
// error) given the request, a retry policy, does not count as rewinding
// its body. The same holds without a loop: a request sent again, as the
// same value or variable, after a first send of it failed or had its
// StatusCode tested (a 401 that makes the client fetch a new token), with
// no Body store between, in the same function or in a helper of the
// package that the first send's function calls with the request (up to
// three calls down), and a new request built around the Body of one so
// sent (`http.NewRequest(req.Method, u, req.Body)`, splunk-cloud-sdk-go's
// onUnauthorizedRequest): the first attempt read that reader to its end.
// A body taken from GetBody, or made anew from the bytes, is a fresh one;
// and a RoundTrip method of the package that re-sends the
// request it is given without reading or setting its Body or GetBody (a
// Client passes every request through it, those with bodies too). A
// request handed to code it cannot see counts as rewound.
//
// A new request in each attempt does not help when its body reader is the
// same: the transport reads the body to its end and closes it
// ((*transferWriter).writeBody in net/http/transfer.go, run by
// (*persistConn).writeLoop in net/http/transport.go), so the next
// attempt's request reads nothing. The analyzer reports a send whose
// request each attempt builds with http.NewRequest (or that http.Post and
// Client.Post build) around a body that is the same value in every
// attempt: a reader made before the loop,
// captured by the closure a retry helper calls, passed unchanged to a
// recursive retry (return try(n-1, wait*2, body)) or kept in a field of
// the package that the attempt sets only while it is nil (if r.buf == nil
// { r.buf = bytes.NewBuffer(b) }, on a path that can skip every other
// store to it). Attempts are found up to three calls above the send (a
// send in execute, called by a closure that a retry helper calls in its
// loop). A reader made in each attempt (bytes.NewReader(data) inside the
// loop), one that the attempt touches otherwise (Seek(0, io.SeekStart),
// Reset, any call of code outside the package), a Body or GetBody store in
// the attempt, and a call whose attempt gives no body (nil) while the
// package's other calls do, are quiet. It also reports a retry that
// replays an io.TeeReader: the first attempt's body is io.TeeReader(r,
// &buf) and the later ones send a reader of buf.Bytes(). The tee writes
// only what is read through it ((*teeReader).Read in io/io.go), and the
// transport reads nothing of a body when the attempt fails before writing
// it (a refused or reset connection, the errors a retry is for), so the
// retries send an empty or cut body; a buffer that anything else writes
// to, or a tee that the attempt drains, is quiet.
//
// Diagnostics are at the send, with the request's construction as related
// information. There is no suggested fix: how to retry, and whether the
// server deduplicates, is the author's decision.
//
// A controller-runtime Reconcile method (results reconcile.Result and
// error) is run again by the controller's work queue when it returns an
// error ("the request will be requeued using exponential backoff",
// TypedReconciler in sigs.k8s.io/controller-runtime/pkg/reconcile): a send
// in it, or in the package's functions it calls, is retried when its
// failure is returned from Reconcile as a non-nil error, and not when
// Reconcile swallows it.
//
// Known limits: the analysis sees one package at a time and uses no facts,
// so a closure (or function value) passed to a function of another package
// counts as possibly retried, whatever that function does; an exported
// method called through an interface of its package and retried there is
// taken as retried, though other packages may call it directly; only
// standard-library functions that run a callback once per event
// (http.HandleFunc and Handle, sync.Once.Do, sync.OnceFunc, time.AfterFunc,
// context.AfterFunc, WaitGroup.Go) are known not to retry. A loop whose
// failure branch comes back to the send only by taking the next item (a
// receive, a range, an index stepped on the way: ssaflow.NextItems) is a
// loop over work items, not a retry, unless a success may leave the loop
// (a failover that tries the same request on each peer until one
// answers); an item the loop computes by a call of its own is not told
// apart; a request passed to an exported method is
// resolved through the package's calls only for a consumed body (for the
// method of an unretried send it is not: its callers elsewhere are not
// seen); a swallowed failure that a printer panics with (log.Panic) and a
// caller recovers from is not taken for a retry; a method string passed
// to one only at the package's calls in functions that name a net/http
// value (the others are not built), and a helper's calls are judged one by
// one only when they pass constants through at most eight calls; a second attempt with a rebuilt request is
// not taken for a retry of the first (the first is reported); a second
// attempt that re-sends the body is seen in the function of the first
// and in the helpers it calls, not in a function that calls the first
// attempt's (a caller that sends again what an exported Do sent); a
// method value given to a retry helper (backoff(k.send)) binds its
// receiver where the analysis does not follow it, so a body reader kept in
// that receiver is not judged (a closure calling k.send() is); a body
// reader field refilled only while nil counts as kept when some path of
// the refilling function skips its other stores, though the condition
// that skips them (a refresh flag the retry sets) may differ between
// attempts; a retry helper whose calls in the package pass different
// predicates counts as retrying for all of them; the client's transport is
// only seen when the client is built in the package; a client built elsewhere is taken to keep
// connections alive; the analysis of method and headers is flow-insensitive
// (a header set on any path counts).
//
// Flags: -postretry.methods (default POST,PATCH) lists the methods to
// report, as upper-case HTTP method tokens; -postretry.tests also reports
// sends in _test.go files.
//
// Background: in net/http/transport.go, (*Transport).roundTrip retries a
// request that failed on a reused connection only when
// (*persistConn).shouldRetryRequest allows it: nothing was written and the
// body is empty or rewindable, or the request is replayable and the server
// closed the connection. (*Request).isReplayable in net/http/request.go
// requires a nil, NoBody or GetBody body and the method GET, HEAD, OPTIONS
// or TRACE, or an Idempotency-Key or X-Idempotency-Key header;
// NewRequestWithContext sets GetBody only for *bytes.Buffer, *bytes.Reader
// and *strings.Reader bodies. The facts each analyzer rests on, with their
// sources, are collected in docs/nethttp.md in the kalint repository.
package postretry
