// Package respbody defines an analyzer that finds HTTP response bodies that
// are not closed, or closed without being read, so that their connections
// leak or are not reused.
//
// # Analyzer respbody
//
// respbody: report response bodies left open, or closed unread
//
// An HTTP client connection goes back to the Transport's idle pool when
// the response body is read to EOF. The Transport wraps every body in a
// bodyEOFSignal: if Close is called before io.EOF was seen, the connection
// is discarded instead of reused; if the body is neither read to EOF nor
// closed, the connection and its two goroutines leak.
//
// Background: in net/http/transport.go, (*persistConn).readLoop wraps the
// body in a bodyEOFSignal whose read of io.EOF puts the connection back in
// the pool (its fn sends true on waitForBodyRead, and the read loop calls
// tryPutIdleConn) and whose earlyCloseFn, run by a Close before EOF, gives
// the connection up; until one of the two happens the read loop waits. A
// body read to EOF therefore needs no Close for its connection to be
// reused. Responses to HEAD and with status 1xx, 204 or 304 have length 0
// (fixLength in net/http/transfer.go), the body http.NoBody (readTransfer),
// and their connection is back in the pool before the response is handed
// over (readLoop's !hasBody branch). A read of the body that fails
// with any other error than io.EOF gives the connection up (the
// bodyEOFSignal's fn tells the read loop the body did not end at EOF, and
// the loop closes the connection), and so does a request whose context is
// done (readLoop's case on rc.treq.ctx.Done() cancels the request and
// ends the loop; HTTP/2 resets the stream in
// (*http2clientStream).writeRequest and cleanupWriteRequest, in
// net/http/h2_bundle.go): after either the body holds no connection. The facts
// each analyzer rests on, with their sources, are collected in
// docs/nethttp.md in the kalint repository.
//
// Wrong: the body stays open when the status is not 200, and a
// status-only check closes a body it never read:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %d", resp.StatusCode) // resp.Body leaks
//	}
//	defer resp.Body.Close()
//
//	resp, err := http.Get(url)
//	...
//	defer resp.Body.Close()
//	return resp.StatusCode == http.StatusOK, nil // closed unread: not reused
//
// Right:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		_, _ = io.Copy(io.Discard, resp.Body)
//		return fmt.Errorf("status %d", resp.StatusCode)
//	}
//
// # What it reports
//
// One diagnostic per response, at the call that produced it, in one of
// two categories:
//
//   - leak: the body is neither closed nor read to EOF on some path where
//     the response is live. The message names the path (the return, the end of the
//     function, or the loop that calls again and loses the previous
//     response); Related points at it, and at the function the response
//     was passed to that does not close it. A response whose result is
//     discarded (`_, err := http.Get(u)`) is a leak too.
//   - noreuse: the body is closed but, on every path, never read; or it
//     is closed unread on a path that goes on to send another request (a
//     401 challenge closed before the authenticated request, a 5xx closed
//     before the retry, a redirect closed before it is followed, a
//     retried closure that closes it and returns an error it makes, so
//     that the retry helper sends again), whatever
//     the function does on its other paths: the next request cannot reuse
//     the connection given up, and net/http's own Client drains a
//     redirect's body for that reason ((*Client).do in client.go). Also
//     a body whose close is deferred that a path returns a nil error with
//     unread (a request helper that reads only an error's body, or into a
//     result it may not be given), or returns anything with unread after
//     establishing a 404 (a cache or lookup that meets "not found" as a
//     normal answer): every call that takes that path gives the connection
//     up. Other paths that return an error, and functions with no error
//     result, are not judged so. With
//     -respbody.drain=strict, a body that is only read partially (a
//     json.Decoder, a bufio.Scanner, io.LimitReader: anything but io.ReadAll,
//     io.Copy and other reads to EOF) is reported too. The suggested fix
//     drains the body with io.Copy(io.Discard, body) before the close.
//     Even with -respbody.tests, test files are not checked for noreuse:
//     tests often look only at a status on purpose. Nor are responses to upgrade requests (the function sets the
//     request's Upgrade or a Sec-WebSocket-* header, as client-go's
//     websocket Negotiate does), or code that checks for 101 Switching
//     Protocols: the upgraded connection belongs to the new protocol. Nor
//     are responses from code the package cannot see (a function value,
//     another package's sender): it may have read the body already and
//     return the response for its status, as health checks and SDK
//     decoders do.
//
// Responses come from (*http.Client).Do, Get, Head, Post and PostForm,
// http.Get, Head, Post and PostForm, (http.RoundTripper).RoundTrip and
// (*http.Transport).RoundTrip; from the package's own functions that return
// one of these responses still open (wrappers, at any depth; a wrapper
// that returns the response in two results, `return res, res, nil`, gives
// its caller one response, closed or handed on through either); and from
// functions the package cannot see with the signature of such a wrapper,
// func(...) (*http.Response, error): other packages' functions and methods,
// function values and interface methods (an HTTPDoer interface, say). A
// function of the package declared without a body (assembly, go:linkname)
// is not such a source: nothing says its response is fresh. An exported
// function or method of another package of the module being developed
// (no module version, not the standard library) that hands back an open
// response or body is followed as the package's own wrappers are, from a
// fact that package's analysis records (respmakers): its discarded
// result leaks, its unread close gives the connection up, and a body it
// returns as an io.ReadCloser is tracked (minio's storage REST Call). A
// sender whose open response depends on its caller (a decode target,
// which an empty-interface parameter may be, a guard argument, a cancel
// result) gets no fact and keeps the convention above; standalone, facts
// pass between the packages analysed together.
//
// # What counts as handled
//
//   - The error path of the producing call: once its error is compared
//     with nil (through variables and φ-nodes too), or the response is, the
//     branch without a response needs nothing. So does the branch where a
//     type assertion of the error succeeds (`if ne, ok := err.(net.Error);
//     ok`, a case of a type switch on it): a nil error has no dynamic type,
//     and a failed Do returns no response, or on a CheckRedirect error one
//     it has closed ((*Client).do in net/http/client.go). A retry loop that
//     goes round only on a timeout loses no response.
//   - A read to EOF anywhere on the path: io.ReadAll, ioutil.ReadAll,
//     (*bytes.Buffer).ReadFrom, io.Copy and io.CopyBuffer into a writer
//     that cannot fail (io.Discard, a bytes.Buffer, a strings.Builder, a
//     hash), (*http.Response).Write, httputil.DumpResponse(resp, true), and
//     a bufio.Scanner loop past the point where Scan returns false. A copy
//     into any other writer (a pipe, a file, a client's connection) stops
//     before EOF when the writer fails, so it does not count (moby's
//     PluginInstall copies a body into a pipe whose reader the caller may
//     close, and leaks it). Not a json.Decoder's Decode, which
//     stops at the end of one value without reading on (readValue in
//     encoding/json/stream.go), nor io.CopyN or io.LimitReader. The net/http
//     documentation asks callers to close the body anyway; a body read to
//     EOF and never closed breaks that rule but loses no connection, so it
//     is not reported (a "connection leak" there would be false).
//   - The path on which a read of the body failed or met EOF: the error
//     of io.ReadAll, io.ReadFull, the body's Read, bufio.Reader's
//     ReadString and ReadBytes, and io.Copy, io.CopyBuffer and io.CopyN
//     into a writer that cannot fail, compared with nil or with a
//     sentinel (err == io.EOF), also when they read the body through
//     io.LimitReader or bufio.NewReader. Only the failing path ends: a
//     read through io.LimitReader that succeeds may have stopped at the
//     limit, short of EOF. A function of another package that takes the
//     body as an io.Reader and returns an interface reader and an error
//     (go-git's ioutil.NonEmptyReader, which peeks and returns
//     ErrEmptyReader at EOF) is taken, by convention, to fail only when
//     its read of the body does. Not a json.Decoder's Decode, a function
//     returning only an error, a copy into a writer that can fail, a read
//     through http.MaxBytesReader, nor a constructor returning a concrete
//     decoder (gzip.NewReader): they fail on content, length or their
//     writer too.
//   - The path on which the request's context is done: ctx.Err() or
//     context.Cause(ctx) compared with nil, a select case or a receive on
//     ctx.Done(), where ctx is the context the request was made with
//     (http.NewRequestWithContext, Request.WithContext, Request.Clone,
//     traced back from the request argument of the producing call) or one
//     it derives from (context.WithCancel, WithTimeout, WithDeadline,
//     their Cause forms and WithValue; not WithoutCancel, which is never
//     done). A context merged from branches (`if d > 0 { ctx, cancel =
//     context.WithTimeout(ctx, d) }`) is done when what every branch
//     derives from is. Any other function given one context and
//     returning a context is taken to return it or a child of it, as
//     context-passing code does (go-kit's request hooks, `ctx = f(ctx,
//     req)`); a function of the package must do so on every return.
//   - The returns of a function that defers, before the producing call on
//     every path to it, the CancelFunc of the request's context or of one
//     it derives from (`ctx, cancel := context.WithCancel(ctx); defer
//     cancel()`, WithTimeout, WithDeadline and their Cause forms, also
//     `defer func() { cancel() }()` when the closure calls it on every
//     path): when the function returns the context is done and the
//     transport drops the connection (readLoop's case on
//     rc.treq.ctx.Done(), above). The connection is not reused, but not
//     leaked either. Not the call running again in a loop: the cancel
//     runs only at the return. Not a cancel deferred on some paths, of
//     another context, of a parent of WithoutCancel, or one that is a
//     no-op on some paths (`cancel := func() {}; if d > 0 { ctx, cancel =
//     context.WithTimeout(ctx, d) }`).
//   - The returns past a deferred call of a CancelFunc that the package's
//     own wrapper hands back with the response (`resp, cancel, err :=
//     c.get(u); defer cancel()`), when every return of the wrapper that
//     hands back the response gives, in that result, the CancelFunc of
//     the request's context or of one it derives from, or the one its
//     own wrapper handed it: the same done context as above. Not the
//     returns before the defer, nor the call running again in a loop.
//   - Close, deferred or not, anywhere on the path, through any variable
//     holding the response or its body (io.ReadCloser variables, values
//     merged from if/else, switch and retry-loop branches, a defined
//     pointer type such as `type Response *http.Response`, whose Body is
//     the response's). A deferred close set up before the request (in a
//     closure that checks for nil) counts too.
//   - A wrapper of the package that closes the body itself unless its
//     caller asks for it open, by a boolean parameter or a boolean field
//     of a struct (or pointer to struct) parameter that the wrapper never
//     assigns (go-bitbucket's `emptyResponse`, mautrix's
//     `params.DontReadBody`): when every path that hands the body back
//     open has taken the flag one way, a caller that gives the other value
//     (a constant, or a field that its composite literal leaves out, which
//     is false) gets no open response, and one that passes its own flag
//     on has its tests of it settled the same way. In any function each
//     test of such a flag takes the side the path took before: a close
//     under `if !p.DontReadBody` and a read under the same test are on the
//     same paths. A type assertion of a parameter to a concrete type is
//     such a flag too (ns1-go's Do defers the close unless
//     `v.(**bufio.Reader)` holds, and hands the body to that reader): a
//     caller that converts a value of another type to the parameter gets
//     no open response. A parameter whose address is taken
//     (`Decode(&v)`) counts where nothing can have assigned it yet. A
//     function that passes its own parameter on as the flag hands the
//     response back under the same flag, to its callers, and is not
//     judged for it itself: their arguments decide.
//   - Closures and the package's own functions that close the body on every
//     path, take it as an io.Closer, or defer the close; called, deferred or
//     started as goroutines. Their effect is summarised once per parameter.
//   - A copy of the response struct (`c := *resp`, a field changed or
//     not): its Body is the response's body, so returning or storing the
//     copy's address hands the body on, and closing or reading c.Body
//     closes or reads it. Any other use of the copy (an argument, a store
//     through a pointer) hands it off.
//   - An unread Close of a response from an http.Client that the package
//     makes with x/net's HTTP/2-only transport (&http.Client{Transport:
//     &http2.Transport{...}}, directly or through the package's fields)
//     and whose Transport the package sets to nothing else: over HTTP/2 a
//     response is one stream, and Close before EOF resets that stream
//     (transportResponseBody.Close and clientStream.cleanupWriteRequest
//     in golang.org/x/net/http2/transport.go send RST_STREAM), while the
//     connection stays pooled for other streams. Such a body left open
//     is still reported: the stream holds one of the connection's
//     concurrent streams and unread data its flow-control window.
//   - An unread Close of a response sent through a transport made for
//     that one send in the run of its function (httpflow.FreshPool: a
//     literal or DefaultTransport clone given to a client made there or
//     returned by a helper, sent through once, in no loop): the pool dies
//     with the call, so no connection of it is reused whether the body is
//     read or not (syncthing's usage reporter). transportreuse reports
//     such transports where requests repeat. A body left open still holds
//     its connection and is reported.
//   - An unread Close of a response from a client whose every transport
//     is one the package makes with DisableKeepAlives true where it is
//     made (httpflow.KeepAlivesOff): (*Transport).tryPutIdleConn pools no
//     connection then (net/http/transport.go), so none is lost by the
//     close; keepalivesoff judges the switch. A well-known wrapper of
//     another package around such a transport (otelhttp.NewTransport,
//     docker distribution's transport.NewTransport: httpapi.Wraps) is
//     looked through; any other RoundTripper wrapper is not.
//     So is one from a client whose every transport dials only a Unix
//     domain socket (httpflow.UnixOnly, as keepalivesoff judges one:
//     tailscale's gokrazy updater): the connection it gives up is
//     replaced without a TCP or TLS handshake and leaves no TIME_WAIT.
//   - Responses returned to the caller (the caller is checked instead),
//     stored in a struct, map, slice, global or channel (a send, also as
//     a case of a select), or passed to code
//     the package cannot see (another package's function, a function
//     value, an interface method): they are handed off. An io.Reader-only
//     parameter (json.NewDecoder, bufio.NewScanner) can read a body but
//     cannot close it, so it is not a hand-off.
//   - A response a closure stores in a variable of its enclosing function
//     is handed to that function, but not when the closure is retried:
//     passed to a retry helper (cenkalti/backoff's Retry and RetryNotify,
//     avast/retry-go's Do, any major version) or called by the enclosing
//     function's loop that goes round only when it fails. Then a path of
//     the closure that returns a fresh error (errors.New, fmt.Errorf, a
//     package error variable holding one, &T{...}) with the body open
//     leaks: the helper calls the closure again and the next response
//     overwrites the variable, so the enclosing function closes only the
//     last one. Any other return hands the response on. Quiet when the
//     attempt closes what the previous one left, when another closure
//     (a notify function) captures the variable, or when the retrying loop
//     reads it.
//   - Paths ending in panic, os.Exit, log.Fatal and testing's Fatal,
//     FailNow and Skip.
//   - In-memory responses are not produced by the calls above:
//     httptest.ResponseRecorder.Result, http.ReadResponse, websocket
//     dialers (their three results do not match the wrapper signature).
//     Nor is the response of RoundTrip on a transport made in the same
//     function whose Dial or DialContext is a function of the package that
//     dials nothing and returns a connection of the package's own type
//     (httputil.DumpRequestOut's, which answers from memory).
//   - Responses of a sender the package cannot see given a decode target:
//     a non-nil argument for a parameter of type any (lego's
//     `doer.Get(ctx, url, &dir)`, an API client's `Do(ctx, req, &v)`). By
//     that convention the sender reads the body into the target before it
//     returns the response for its headers; with a nil target the body is
//     the caller's and is followed as usual. A target that comes from a
//     parameter of the calling function (or a closure's captured one)
//     makes the function's fresh response open only for callers that give
//     nil, through the package's wrappers and a retry helper's operation
//     (backoff v5's Retry).
//   - HEAD requests (http.Head, Client.Head, a request built with the
//     constant method "HEAD" by http.NewRequest[WithContext] or the
//     package's own request constructor, through WithContext and Clone)
//     have http.NoBody as their body: nothing to close or read. So do
//     HEAD requests sent through the package's own senders, whether they
//     take the request (`c.do(req)`) or the method (`c.send(ctx, "HEAD",
//     path)`): each call is judged by its argument. A function or method
//     of another package named Head with the signature
//     func(...) (*http.Response, error) is taken, by the convention of
//     Client.Head, to send HEAD, and so is one given the constant "HEAD"
//     for a string parameter named method (kivik's chttp
//     DoError(ctx, http.MethodHead, path, opts)).
//   - Requests to the package's own server that it answers with no body:
//     a request whose URL ends in a constant path (c.host + "/up", a
//     parameter given constant paths by every call, fmt.Sprintf with the
//     path after its last verb, a constant URL) that the package registers
//     on a ServeMux (ServeMux.Handle or HandleFunc, http.Handle or
//     HandleFunc, a constant pattern naming that one path) only to
//     handlers that use their ResponseWriter for nothing but WriteHeader
//     and Header, themselves or through the package's functions they pass
//     it to. net/http answers those with Content-Length 0
//     ((*response).finishRequest in net/http/server.go), and the client's
//     body is http.NoBody: a package that is client and server of one
//     protocol (ginkgo's parallel support, a CLI's /quitquitquit) has
//     nothing to read there.
//   - Paths on which the code has established a status without a body:
//     resp.StatusCode compared with a constant 1xx, 204 or 304 (==, the
//     other branch of !=, a switch case). The response there is
//     http.NoBody.
//   - Test files (_test.go) are not checked unless -respbody.tests is set:
//     on real code most reports there were false (test servers whose
//     handlers write no body, helpers, bodies read to EOF), and a leaked
//     connection in a test costs nothing once the test ends. With the
//     flag, discarded responses are still not reported in test files:
//     tests discard the response of calls they expect to fail.
//
// # Known limits
//
//   - A response stored in a variable that is assigned twice is one value
//     to the analysis: closing either closes both.
//   - A wrapper's flag field is followed into its callers through a
//     composite literal built for the call (`Params{...}`, `&Params{...}`,
//     or a variable whose fields are then set); not through a struct
//     copied from elsewhere, a parameter of the caller, or a variable
//     assigned a whole literal first (`p := Params{}; p.Raw = true`).
//   - The error of the producing call is recognised when compared with nil
//     directly; an error passed to a helper that decides (if
//     handle(err) { return }) is not, and the helper's branch looks like a
//     path with a response.
//   - Functions of other packages are not analysed (kalint uses no facts,
//     to stay within its loading budget); their signatures decide. A
//     function returning (*http.Response, error) whose body it has already
//     read and replaced (some generated API clients) looks like a fresh
//     response.
//   - A loop that calls again while the previous response is open is
//     reported only when nothing on the loop's way round closes or hands
//     off the response, short of a release made only on one side of a
//     test of the response's status (`if resp.StatusCode >= 400 { ...;
//     resp.Body.Close(); continue }`): the server picks the status, so the
//     other sides are real paths. Loops that release it on some rounds
//     under any other condition are not reported: in real code such paths
//     are mostly impossible ones (a flag set with the status, a counter's
//     last round) that the analysis cannot rule out.
//   - A status without a body is known only where the code compares with
//     it on the path, with one exception: a helper of the package that
//     closes a 1xx, 204 or 304 and hands back a nil body and a nil error
//     there, and the body otherwise, tells its callers that some requests
//     are answered without content, and a caller that drops its result is
//     taken to be one of them (quiet; a 201 with a body dropped so leaks
//     unreported). A caller that closes unread a 201 or 202 that its
//     protocol sends empty is reported.
//   - A select with a case that sends the response hands it off on all its
//     cases: one that drops it on another case (`default:`) is not
//     reported.
//   - An HTTP/2-only client is recognised only as an x/net http2.Transport
//     the package makes and stores in the client; net/http's Transport
//     with Protocols set to HTTP/2 alone is not, and its unread close is
//     reported as for HTTP/1. A store another package makes into the
//     client's Transport (through an exported field holding the client)
//     is not seen: such a client is taken to keep its HTTP/2 transport.
//   - A transport that dials in-memory connections is recognised only in
//     the shape above; made elsewhere, or through a Client, its responses
//     look like network responses.
//   - A bufio.Scanner stops short of EOF on a token too long for its
//     buffer; a loop that scans until Scan returns false is taken as a read
//     to EOF all the same. Nor does the read know where the writer of a
//     copy came from: an io.Writer variable holding a bytes.Buffer counts
//     as a writer that can fail.
//   - A request's context is recognised when the code checks it, or a
//     parent of it, or defers its cancel, in the function that sends; a
//     context given to the package's own request constructor is not
//     mapped back to the caller's. A request made with http.NewRequest, or
//     coming from code the package cannot see, has no context that the
//     code can see done. A context kept in a variable that a closure
//     assigns is followed only when that closure is deferred or called
//     directly in the function (a goroutine or a closure stored away may
//     assign it at any time).
//   - A reader wrapper of another package that returns an interface and
//     fails on what it reads (a check of a magic number) is taken to fail
//     only on a failed read. io.TeeReader and io.MultiReader, whose
//     errors may be their writer's or another reader's, are not followed,
//     nor is a wrapper merged with other readers in a φ.
//   - A status is recognised when the code compares resp.StatusCode with a
//     constant itself; a status checked by a helper (`if notModified(resp)`)
//     or by a range (`< 200`) is not.
//   - A retried closure leaks, or closes unread before the next attempt,
//     where it returns an error it makes itself;
//     an error from another function (backoff.Permanent(err), a helper's
//     check of the status) or from a variable assigned on several paths
//     is not known to be non-nil. A closure passed to a helper not in the
//     table (errgroup's Go, a package's own retry function) is taken to run
//     once, and the response it leaves when it fails is not followed into
//     the enclosing function: a function that returns the helper's error
//     without closing the variable (the last failed attempt) is not
//     reported.
//   - The analysis of one function is bounded, so that its cost stays
//     linear in the function's size: the walks of its responses together
//     visit at most 20000 points plus 16 per block of the function. Real
//     functions stay far below it; a function with thousands of responses
//     each open to its end (generated code) does not, and its responses
//     past the bound are not checked. `kalint -v` prints a note where that
//     happens, naming the function (other drivers do not show notes).
//
// # Flags
//
//	-respbody.drain=read|strict  which reads count as draining a body (default read)
//	-respbody.tests              also check _test.go files (default false)
package respbody
