package httpapi

// TCP keep-alive settings of listeners and connections, and the functions
// that serve HTTP on a listener (used by dialkeepalive).
var (
	ListenConfigKeepAliveConfig = field(ListenConfig, "KeepAliveConfig")
	ListenConfigListen          = method(ListenConfig, "Listen")

	// ServerServesListener serve on a listener they are given.
	ServerServesListener = []Method{
		method(Server, "Serve"),
		method(Server, "ServeTLS"),
	}
	// ServeFuncs serve HTTP on a listener with a zero http.Server: no
	// IdleTimeout and no ReadTimeout.
	ServeFuncs = []Func{
		function(NetHTTP, "Serve"),
		function(NetHTTP, "ServeTLS"),
	}
)

// NetConn is net.Conn, the connection a dial function returns.
var NetConn = typ("net", "Conn")
