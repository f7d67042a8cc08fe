package httpapi

// net: dialers.
var (
	Dialer                = typ("net", "Dialer")
	DialerKeepAlive       = field(Dialer, "KeepAlive")
	DialerKeepAliveConfig = field(Dialer, "KeepAliveConfig")
	DialerDial            = method(Dialer, "Dial")
	DialerDialContext     = method(Dialer, "DialContext")
)

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
	FileCalls    = Callees{ConnFile, ListenerFile}
	TCPListener  = typ("net", "TCPListener")
	UnixListener = typ("net", "UnixListener")

	KeepAliveConfig         = typ("net", "KeepAliveConfig")
	KeepAliveConfigEnable   = field(KeepAliveConfig, "Enable")
	KeepAliveConfigIdle     = field(KeepAliveConfig, "Idle")
	KeepAliveConfigInterval = field(KeepAliveConfig, "Interval")
	KeepAliveConfigCount    = field(KeepAliveConfig, "Count")
)
