// Package serveridle defines an analyzer that reports http.Server values
// whose idle keep-alive timeout silently falls back to ReadTimeout.
//
// # Analyzer serveridle
//
// serveridle: report http.Server with ReadTimeout but no IdleTimeout
//
// net/http's (*Server).idleTimeout returns IdleTimeout when it is non-zero
// and ReadTimeout otherwise. A server that sets ReadTimeout: 10 * time.Second
// and no IdleTimeout therefore closes every idle keep-alive connection after
// 10 s. Clients keep pooled connections longer (http.Transport's default
// IdleConnTimeout is 90 s), write their next request onto a connection the
// server is closing, and fail with EOF or "connection reset by peer".
// An explicit IdleTimeout: 0 is the same as leaving it unset.
//
// Wrong:
//
//	srv := &http.Server{
//		Addr:        ":8080",
//		ReadTimeout: 10 * time.Second, // idle connections also close after 10s
//	}
//
// Right:
//
//	srv := &http.Server{
//		Addr:        ":8080",
//		ReadTimeout: 10 * time.Second,
//		IdleTimeout: 2 * time.Minute, // longer than clients' idle pools expect
//	}
//
// The analyzer follows each server through the package: composite literals
// (value or pointer), new(http.Server), var declarations, package-level
// servers and struct fields holding servers, through local variables,
// closures, helper functions it is passed to, constructors that return it
// and struct fields or globals it is stored in. It stays quiet when
// IdleTimeout is set (to a non-zero constant or any non-constant value)
// anywhere the server flows in the package (but in a function that serves
// or returns the server, only a store on every path from the function's
// entry to that serve or return counts: `if idle > 0 { srv.IdleTimeout =
// idle }` leaves the other path on the ReadTimeout fallback, and is
// reported; a path counts from a ReadTimeout store in that function, so
// both timeouts set in one `if` block leave no path on the fallback), when
// ReadTimeout is not set or is
// a constant of zero or less (no read timeout), when the server is never
// served, returned, or kept in a struct field or package variable (a value
// only inspected, as in tests of the fallback itself), when only ReadHeaderTimeout
// is set, when keep-alives are switched off with SetKeepAlivesEnabled(false),
// and when the server is handed to code it cannot see (a function of another
// package other than the server's own methods, a function value, a
// container or a channel), since that code may set IdleTimeout.
//
// The diagnostic is at the composite literal that sets ReadTimeout, or at
// the assignment to ReadTimeout. For a literal, a suggested fix adds
// IdleTimeout with the value of the -serveridle.idle-timeout flag (default
// 2m).
//
// Known limits: beyond the function that serves or returns the server the
// analysis is flow-insensitive (an IdleTimeout set on any path of a helper
// counts); a server returned to, or exported
// to, another package is judged by what this package does with it; servers
// configured by reflection or decoding (json.Unmarshal into an http.Server)
// are not seen unless the server is passed there, which counts as a
// hand-off. A server whose only handler upgrades every connection (a
// websocket-only listener, such as nats-server's) is still reported, though
// its clients never keep an idle keep-alive connection: the analysis does not
// look inside handlers.
//
// Background: in net/http/server.go, (*Server).idleTimeout returns
// IdleTimeout when it is non-zero and ReadTimeout otherwise, and
// (*conn).serve sets that as the read deadline while a keep-alive
// connection waits for its next request; the HTTP/2 server falls back the
// same way (http2ConfigureServer in net/http/h2_bundle.go). The facts each
// analyzer rests on, with their sources, are collected in docs/nethttp.md
// in the kalint repository.
package serveridle
