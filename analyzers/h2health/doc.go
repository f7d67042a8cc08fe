// Package h2health defines an analyzer that reports HTTP/2 client
// transports that the code turns on explicitly without the PING health
// check.
//
// # Analyzer h2health
//
// h2health: report HTTP/2 transports without a health check
//
// An HTTP/2 client sends every request to a host over one multiplexed
// connection. When that connection dies silently (a NAT or load balancer
// forgets it, the peer vanishes), nothing notices: requests are written
// into it and wait for an answer until the kernel gives up retransmitting,
// around 15 minutes with Linux's defaults, and every request to that host
// times out meanwhile. The only remedy is the health check: after a read
// idle interval the client sends a PING frame and closes the connection if
// no answer comes back in time. It is off by default. In net/http it is
// http.HTTP2Config.SendPingTimeout, set through the transport's HTTP2 field
// ("If zero, no health check is performed", net/http/http.go); the bundled
// HTTP/2 client copies it into each connection's readIdleTimeout and starts
// the check only when that is non-zero (http2configFromTransport,
// newClientConn and http2clientConnReadLoop.run in
// net/http/h2_bundle.go). In x/net's
// http2.Transport it is ReadIdleTimeout (golang.org/x/net/http2,
// transport_common.go); PingTimeout only bounds the wait for an answer, so
// setting it alone sends no ping. The HTTP/2 transport that x/net's
// ConfigureTransport and ConfigureTransports make also reads the net/http
// transport's HTTP2 settings (configFromTransport in x/net's config.go), so
// HTTP2.SendPingTimeout turns the check on there too.
//
// Wrong:
//
//	t := &http.Transport{TLSClientConfig: tlsConf}
//	t.Protocols = new(http.Protocols)
//	t.Protocols.SetHTTP1(true)
//	t.Protocols.SetHTTP2(true) // a dead connection stalls requests for minutes
//
// Right:
//
//	t := &http.Transport{
//		TLSClientConfig: tlsConf,
//		HTTP2:           &http.HTTP2Config{SendPingTimeout: 30 * time.Second},
//	}
//
// Reported, once per transport, where the package turns HTTP/2 on
// explicitly and no health check is set anywhere the transport or its
// settings flow in the package:
//   - http2.ConfigureTransport(t) (x/net), and http2.ConfigureTransports(t)
//     whose result never gets a ReadIdleTimeout;
//   - an x/net http2.Transport literal or new(http2.Transport) without
//     ReadIdleTimeout;
//   - an http.Transport whose Protocols turn HTTP/2 on (SetHTTP2(true) or
//     SetUnencryptedHTTP2(true)), or that sets HTTP2, with no
//     HTTP2.SendPingTimeout;
//   - PingTimeout set without SendPingTimeout or ReadIdleTimeout (reported
//     as such);
//   - HTTP2 settings on a transport with a custom TLSClientConfig or dialer
//     and neither ForceAttemptHTTP2 nor Protocols: such a transport speaks
//     HTTP/1.1 only (Transport.protocols in net/http/transport.go), so the
//     settings have no effect.
//
// A transport that is a parameter of a function that only other packages
// call (exported and not called in the package, or used as a value: a
// helper applying the package's defaults, as client-go's
// SetTransportDefaults did before kubernetes/kubernetes#95981) is judged
// from the parameter: reported when the function, or code of the package
// it passes the transport to, turns HTTP/2 on in it as above or replaces
// its HTTP2 settings with ones without SendPingTimeout; not for settings
// made through its HTTP2 field (the caller's config may have the check)
// nor for HTTP/1.1-only transports (the caller may set
// ForceAttemptHTTP2), and with no fix that would replace the caller's
// HTTP2 settings. A function that the package calls is judged by the
// transports those calls pass.
//
// A transport that sets ForceAttemptHTTP2: true asks for HTTP/2 over TLS
// (its author chose it, as Azure/azure-sdk-for-go#21468 and
// kubernetes-sigs/cloud-provider-azure#8352 did for their shared
// transports, later given health checks) and is reported like one that
// turns HTTP/2 on.
//
// Left alone: transports whose HTTP/2 is only implicit (a plain literal,
// clones of http.DefaultTransport, ForceAttemptHTTP2 of a value the
// package does not fix; the -h2health.implicit flag reports the last
// two); timeouts that are not
// constants, and negative ones (a deliberate choice); settings or
// transports made by, or handed to, code outside the package (another
// package's function, an interface, a container), including a transport
// whose TLSNextProto the package sets or on which it calls
// RegisterProtocol; transports whose DisableKeepAlives is the constant
// true, set where the transport is made on every path (ssaflow.AlwaysTrue):
// every HTTP/2 connection then serves one request and is closed when it
// goes idle (closeOnIdle in golang.org/x/net/http2/transport.go and
// net/http/h2_bundle.go), so no dead connection is picked for a later one;
// HTTP/2 servers; test files (the -h2health.tests flag includes them).
//
// Suggested fixes set the -h2health.send-ping-timeout flag's value
// (default 30s): SendPingTimeout in the HTTP2Config literal, or an HTTP2
// field in the transport literal; ReadIdleTimeout in an http2.Transport
// literal, or on the result of t2, err := http2.ConfigureTransports(t)
// after its error check; and, in a file at Go 1.24 or later, a plain
// statement http2.ConfigureTransport(t) becomes t.Protocols with HTTP/1
// and HTTP/2 and an HTTP2 with SendPingTimeout.
//
// Known limits: the analysis is flow-insensitive within a package (a
// setting on any path counts); a transport returned to another package is
// judged by what this package does with it; a transport from another
// package's function (other than a Clone of http.DefaultTransport) is
// reported only when this package sets its HTTP2 field. The facts the
// analyzer rests on, with their sources, are in docs/nethttp.md and
// docs/h2health.md in the kalint repository.
package h2health
