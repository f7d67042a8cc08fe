package httpapi

import (
	"go/types"
	"strings"
)

// net: dialers.
var (
	Dialer                = typ("net", "Dialer")
	DialerKeepAlive       = field(Dialer, "KeepAlive")
	DialerKeepAliveConfig = field(Dialer, "KeepAliveConfig")
	DialerDial            = method(Dialer, "Dial")
	DialerDialContext     = method(Dialer, "DialContext")

	NetDial        = function("net", "Dial")
	NetDialTimeout = function("net", "DialTimeout")
	NetDialUnix    = function("net", "DialUnix")
)

// networkDials are the dial functions and methods of net, each with the
// index of its network among its parameters (after any receiver).
var networkDials = []struct {
	Callee
	network int
}{
	{NetDial, 0}, {NetDialTimeout, 0}, {NetDialUnix, 0}, {DialerDial, 0}, {DialerDialContext, 1},
}

// DialNetwork returns the index, among fn's parameters after any
// receiver, of the network that fn, a dial function or method of net,
// dials.
func DialNetwork(fn *types.Func) (param int, ok bool) {
	for _, d := range networkDials {
		if d.Matches(fn) {
			return d.network, true
		}
	}
	return 0, false
}

// IsUnixStream reports whether network names a Unix domain socket that
// carries a connection: "unix" or "unixpacket". (*sysDialer).dialSingle in
// net/dial.go dials a *UnixAddr with dialUnix, no TCP socket.
func IsUnixStream(network string) bool { return network == "unix" || network == "unixpacket" }

// net: listeners.
var (
	ListenConfig                = typ("net", "ListenConfig")
	ListenConfigKeepAlive       = field(ListenConfig, "KeepAlive")
	ListenConfigKeepAliveConfig = field(ListenConfig, "KeepAliveConfig")
	ListenConfigListen          = method(ListenConfig, "Listen")

	Listener = typ("net", "Listener")
	// ListenerCloses close a listener: Accept fails, so (*http.Server).Serve
	// returns, but the connections already accepted are served on.
	ListenerCloses = Callees{method(Listener, "Close"), method(TCPListener, "Close")}
)

// net: connections and their keep-alive settings.
var (
	// NetConn is net.Conn, the connection a dial function returns.
	NetConn = typ("net", "Conn")

	TCPConn                   = typ("net", "TCPConn")
	TCPConnSetKeepAlive       = method(TCPConn, "SetKeepAlive")
	TCPConnSetKeepAlivePeriod = method(TCPConn, "SetKeepAlivePeriod")
	TCPConnSetKeepAliveConfig = method(TCPConn, "SetKeepAliveConfig")
	// ConnFile is File of *net.TCPConn, *net.UnixConn, *net.UDPConn and
	// *net.IPConn: all promote it from the unexported net.conn.
	ConnFile = method(typ("net", "conn"), "File")
	// ListenerFile is File of *net.TCPListener and *net.UnixListener,
	// which dup the socket as a connection's File does ((*TCPListener).file
	// in net/tcpsock_posix.go and (*UnixListener).file in
	// net/unixsock_posix.go call (*netFD).dup).
	ListenerFile = Callees{method(TCPListener, "File"), method(UnixListener, "File")}
	// FileCalls are all the File methods that dup a socket.
	FileCalls = Callees{ConnFile, ListenerFile}
	// FileSockets make a connection or listener of a file's socket: they
	// dup its descriptor and put the dup, and so the open file description
	// it shares, into non-blocking mode (dupFileSocket in
	// net/file_unix.go).
	FileSockets  = Callees{function("net", "FileConn"), function("net", "FileListener"), function("net", "FilePacketConn")}
	TCPListener  = typ("net", "TCPListener")
	UnixListener = typ("net", "UnixListener")

	KeepAliveConfig         = typ("net", "KeepAliveConfig")
	KeepAliveConfigEnable   = field(KeepAliveConfig, "Enable")
	KeepAliveConfigIdle     = field(KeepAliveConfig, "Idle")
	KeepAliveConfigInterval = field(KeepAliveConfig, "Interval")
	KeepAliveConfigCount    = field(KeepAliveConfig, "Count")
)

// net: errors that classify themselves.
var (
	NetError = typ("net", "Error")
	// NetErrorClasses are the methods by which an error says it is a
	// timeout or temporary. The errors of a connection that the server
	// closed while it was idle (io.EOF, ECONNRESET on a read or write,
	// net/http's errServerClosedIdle) answer false to both, through
	// (*url.Error).Temporary in net/url/url.go, (*net.OpError).Temporary in
	// net/net.go (true for ECONNRESET only from accept) and
	// syscall.Errno.Temporary.
	NetErrorClasses = Callees{method(NetError, "Timeout"), method(NetError, "Temporary")}
)

// staleTexts end the text of the error that a Client's send returns when
// the server closed the kept-alive connection it was written on: a
// *url.Error, whose text is `Post "URL": ` and the wrapped error's
// ((*url.Error).Error in net/url/url.go), and the wrapped error is io.EOF
// or io.ErrUnexpectedEOF (io/io.go), net/http's errServerClosedIdle
// (net/http/transport.go), or ECONNRESET or EPIPE on the socket, whose
// *net.OpError text ends with the errno's (syscall's errors table).
var staleTexts = []string{
	": EOF",
	": unexpected EOF",
	": http: server closed idle connection",
	": connection reset by peer",
	": broken pipe",
}

// StaleTextMayMatch reports whether a stale connection's error (see
// staleTexts) may have the text k, when whole, or end with it: a
// strings.HasSuffix or == test of err.Error() against k may be true for
// it. err.Error() == "EOF" never is (the text starts with the method and
// URL); a test that the text contains k always may be (the URL is any).
func StaleTextMayMatch(k string, whole bool) bool {
	for _, t := range staleTexts {
		if strings.HasSuffix(k, t) || !whole && strings.HasSuffix(t, k) {
			return true
		}
	}
	return false
}

// IsErrorClass reports whether fn is a method of an interface that asks
// an error for one of [NetErrorClasses]: net.Error's own, or a method of
// the same name and signature (func() bool) of an interface the caller
// declares, as packages do to test for Temporary without naming net.Error.
func IsErrorClass(fn *types.Func) bool {
	if fn == nil || NetErrorClasses.Matches(fn) {
		return fn != nil
	}
	sig := fn.Signature()
	if sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	for _, c := range NetErrorClasses {
		if m, ok := c.(Method); ok && m.Name == fn.Name() {
			return true
		}
	}
	return false
}
