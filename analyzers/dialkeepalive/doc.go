// Package dialkeepalive defines an analyzer that reports TCP keep-alive
// settings (net.Dialer.KeepAlive and friends) tuned in the belief that they
// keep HTTP connections alive.
//
// # Analyzer dialkeepalive
//
// dialkeepalive: report TCP keep-alive mistaken for HTTP idle keep-alive
//
// net.Dialer.KeepAlive sets the TCP keep-alive probe interval of the socket
// (SO_KEEPALIVE with TCP_KEEPIDLE and TCP_KEEPINTVL; 0 means the default of
// 15 s, a negative value disables probes). Probes are answered by the peer's
// kernel: they never make an HTTP server keep an idle connection open,
// because its idle timeout (http.Server.IdleTimeout, falling back to
// ReadTimeout) is application-level. What decides reuse on the client is
// http.Transport.IdleConnTimeout, which must be shorter than the server's
// idle timeout; 0 means idle connections never expire on the client. A team
// whose clients got sporadic EOFs (server idle timeout 10 s, client pool 90 s)
// lowered KeepAlive to 1 s, and the errors stayed.
//
// Wrong:
//
//	d := &net.Dialer{KeepAlive: time.Second} // "keep the connection alive"
//	client := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
//
// Right:
//
//	d := &net.Dialer{KeepAlive: 30 * time.Second}
//	client := &http.Client{Transport: &http.Transport{
//		DialContext:     d.DialContext,
//		IdleConnTimeout: 5 * time.Second, // below the server's 10 s
//	}}
//
// Only dialers proven to dial for an http.Transport are considered: the
// dialer's Dial or DialContext reaches the Transport's Dial or DialContext
// field as a method value (d.DialContext), through variables, parameters,
// results and struct fields of the package, or wrapped in a function of the
// package that calls it (a closure, a named helper, or a function calling
// such a function). For those, a KeepAlive set to a positive or non-constant
// value, or a KeepAliveConfig whose Enable may be true, is reported when
//   - a Transport it feeds never expires idle connections: no IdleConnTimeout,
//     or a constant of zero or less (a suggested fix adds IdleConnTimeout,
//     the -dialkeepalive.idle-conn-timeout flag, default 90s, to the
//     Transport literal, or replaces its explicit zero);
//   - KeepAlive is set from a value named like an HTTP idle timeout: an
//     identifier, field, package variable, function or configuration key
//     whose name contains "idle" but neither "keepalive" nor "tcp"
//     (serverIdle, cfg.IdleTimeout, viper.GetDuration("http.idle_timeout"));
//   - KeepAlive is a constant below the -dialkeepalive.min-keep-alive flag
//     (default 5s): probes that frequent fight the server's idle timeout and
//     only add traffic.
//
// One diagnostic per setting, at the KeepAlive element or assignment, names
// every reason; Related points at the Transport literals lacking
// IdleConnTimeout, or at the Transport fields the dialer feeds.
//
// Server side, the same confusion: a net.ListenConfig whose KeepAlive or
// KeepAliveConfig turns probes on, or a listener type of the package whose
// Accept calls (*net.TCPConn).SetKeepAlive(true), SetKeepAlivePeriod or
// SetKeepAliveConfig, served by an http.Server (Serve, ServeTLS) that sets
// neither IdleTimeout nor ReadTimeout, or by http.Serve or http.ServeTLS,
// whose server sets neither. Such a server never closes an idle connection.
// No fix is offered: the right IdleTimeout depends on the clients.
//
// Stays quiet for: KeepAlive 0 or negative; Transports that set
// IdleConnTimeout (to a positive or non-constant value), Transports obtained
// from another package or by Clone (they inherit one, DefaultTransport's is
// 90 s), and Transports handed to code it cannot see (a function of another
// package other than Transport's own methods and x/net's
// http2.ConfigureTransport, which only turns HTTP/2 on; a container, a
// channel), which may set it; dialers whose Dial or DialContext never reaches a Transport
// (databases, raw TCP, gRPC, or handed to other packages); servers that set
// IdleTimeout or ReadTimeout, switch keep-alives off, or are handed off;
// settings in _test.go files unless -dialkeepalive.tests is given (a test's
// transport lives as long as its test).
//
// Known limits: the analysis is flow-insensitive within a package. A
// dialer, Transport or listener built in another package is not seen (no
// facts): a dialer returned by another package and fed to a Transport here
// is judged only by the KeepAlive this package sets. A named dial function
// is followed only where it is stored directly into a Transport field,
// passed to a function of the package, or converted; a listener type is
// recognised only where it is converted to net.Listener at the Serve call
// and only if its own Accept (not a helper) sets keep-alive. The
// below-threshold and idle-name rules look at KeepAlive, not at
// KeepAliveConfig's Idle and Interval. A Transport returned to, or exported
// to, another package is judged by what this package does with it.
//
// Background: net/dial.go documents Dialer.KeepAlive and
// ListenConfig.KeepAlive as the TCP keep-alive probe interval (0 for the
// 15 s default, negative to turn probes off), and newTCPConn in
// net/tcpsock.go applies it to every dialed and accepted connection with
// SetKeepAliveConfig. An HTTP connection is closed for idleness by
// deadlines and timers that probes never touch: (*conn).serve in
// net/http/server.go sets the server's idle read deadline, and
// (*Transport).tryPutIdleConn in net/http/transport.go arms the client's
// IdleConnTimeout timer. The facts each analyzer rests on, with their
// sources, are collected in docs/nethttp.md in the kalint repository.
package dialkeepalive
