package httpapi

import (
	"go/types"
	"slices"
)

// net/http: servers.
var (
	Server = typ(NetHTTP, "Server")

	ServerReadTimeout = field(Server, "ReadTimeout")
	ServerIdleTimeout = field(Server, "IdleTimeout")
	ServerHTTP2       = field(Server, "HTTP2")

	ServerSetKeepAlivesEnabled = method(Server, "SetKeepAlivesEnabled")
	ServerListenAndServe       = method(Server, "ListenAndServe")
	ServerListenAndServeTLS    = method(Server, "ListenAndServeTLS")
	ServerServe                = method(Server, "Serve")
	ServerServeTLS             = method(Server, "ServeTLS")

	// ServerServes start serving connections.
	ServerServes = Callees{ServerListenAndServe, ServerListenAndServeTLS, ServerServe, ServerServeTLS}
	// ServerServesListener serve on a listener they are given.
	ServerServesListener = Callees{ServerServe, ServerServeTLS}
	// ServerStops stop or observe a server without changing its timeouts.
	ServerStops = Callees{
		method(Server, "Shutdown"),
		method(Server, "Close"),
		method(Server, "RegisterOnShutdown"),
	}
	// ServeFuncs serve HTTP on a listener with a zero http.Server: no
	// IdleTimeout and no ReadTimeout.
	ServeFuncs = Callees{
		function(NetHTTP, "Serve"),
		function(NetHTTP, "ServeTLS"),
	}
)

// net/http: handlers.
var (
	Handler            = typ(NetHTTP, "Handler")
	HandlerFunc        = typ(NetHTTP, "HandlerFunc")
	ResponseWriter     = typ(NetHTTP, "ResponseWriter")
	HandleFunc         = function(NetHTTP, "HandleFunc")
	Handle             = function(NetHTTP, "Handle")
	ServeMux           = typ(NetHTTP, "ServeMux")
	ServeMuxHandleFunc = method(ServeMux, "HandleFunc")
	ServeMuxHandle     = method(ServeMux, "Handle")

	NewResponseController = function(NetHTTP, "NewResponseController")
	// MaxBytesReader returns a ReadCloser whose Close closes its argument 1.
	MaxBytesReader = function(NetHTTP, "MaxBytesReader")
)

// net/http: clients.
var (
	Client                     = typ(NetHTTP, "Client")
	ClientTransport            = field(Client, "Transport")
	ClientDo                   = method(Client, "Do")
	ClientGet                  = method(Client, "Get")
	ClientHead                 = method(Client, "Head")
	ClientPost                 = method(Client, "Post")
	ClientPostForm             = method(Client, "PostForm")
	ClientCloseIdleConnections = method(Client, "CloseIdleConnections")

	Get      = function(NetHTTP, "Get")
	Head     = function(NetHTTP, "Head")
	Post     = function(NetHTTP, "Post")
	PostForm = function(NetHTTP, "PostForm")

	// DefaultClient and DefaultTransport are package-level variables; they
	// are matched with [Var].
	DefaultClient    = variable(NetHTTP, "DefaultClient")
	DefaultTransport = variable(NetHTTP, "DefaultTransport")

	RoundTripper          = typ(NetHTTP, "RoundTripper")
	RoundTripperRoundTrip = method(RoundTripper, "RoundTrip")

	// ClientSends send a request through an *http.Client.
	ClientSends = Callees{ClientDo, ClientGet, ClientHead, ClientPost, ClientPostForm}
	// TransportSends send a request through a transport.
	TransportSends = Callees{TransportRoundTrip, RoundTripperRoundTrip}

	// Producers return a response from the network whose body the caller
	// must read and close: result 0 is the *http.Response, result 1 the
	// error. ProducerMethods send through a client or transport,
	// ProducerFuncs through http.DefaultClient.
	ProducerMethods = slices.Concat(ClientSends, TransportSends)
	ProducerFuncs   = Callees{Get, Head, Post, PostForm}
	// URLSenders take the request's URL, a string, as their first
	// argument (after the client).
	URLSenders = Callees{ClientGet, ClientHead, ClientPost, ClientPostForm, Get, Head, Post, PostForm}
)

// net/http: requests and responses.
var (
	Request       = typ(NetHTTP, "Request")
	RequestMethod = field(Request, "Method")
	// ReplayedMethods are the methods whose requests (with a body that can
	// be rewound) net/http's transport sends again by itself when a reused
	// connection fails ((*Request).isReplayable in net/http/request.go);
	// a request of any other method fails instead, unless it carries an
	// idempotency key.
	ReplayedMethods       = []string{"GET", "HEAD", "OPTIONS", "TRACE"}
	RequestURL            = field(Request, "URL")
	RequestBody           = field(Request, "Body")
	RequestGetBody        = field(Request, "GetBody")
	RequestHeader         = field(Request, "Header")
	RequestClose          = field(Request, "Close")
	NewRequest            = function(NetHTTP, "NewRequest")
	NewRequestWithContext = function(NetHTTP, "NewRequestWithContext")
	// NewRequests build a request: http.NewRequest and NewRequestWithContext.
	NewRequests        = Callees{NewRequest, NewRequestWithContext}
	RequestWithContext = method(Request, "WithContext")
	RequestClone       = method(Request, "Clone")
	// NoBody is the empty request body; a request with it is rewindable.
	NoBody = variable(NetHTTP, "NoBody")

	Header    = typ(NetHTTP, "Header")
	HeaderSet = method(Header, "Set")
	HeaderAdd = method(Header, "Add")

	Response           = typ(NetHTTP, "Response")
	ResponseBody       = field(Response, "Body")
	ResponseStatusCode = field(Response, "StatusCode")
	// ResponseWrite writes the response, body included, reading it to EOF.
	ResponseWrite = method(Response, "Write")
)

// net/http: the transport.
var (
	Transport                     = typ(NetHTTP, "Transport")
	TransportMaxIdleConns         = field(Transport, "MaxIdleConns")
	TransportMaxIdleConnsPerHost  = field(Transport, "MaxIdleConnsPerHost")
	TransportMaxConnsPerHost      = field(Transport, "MaxConnsPerHost")
	TransportIdleConnTimeout      = field(Transport, "IdleConnTimeout")
	TransportDisableKeepAlives    = field(Transport, "DisableKeepAlives")
	TransportDial                 = field(Transport, "Dial")
	TransportDialContext          = field(Transport, "DialContext")
	TransportDialTLS              = field(Transport, "DialTLS")
	TransportDialTLSContext       = field(Transport, "DialTLSContext")
	TransportTLSClientConfig      = field(Transport, "TLSClientConfig")
	TransportTLSNextProto         = field(Transport, "TLSNextProto")
	TransportForceAttemptHTTP2    = field(Transport, "ForceAttemptHTTP2")
	TransportHTTP2                = field(Transport, "HTTP2")
	TransportProtocols            = field(Transport, "Protocols")
	TransportRegisterProtocol     = method(Transport, "RegisterProtocol")
	TransportClone                = method(Transport, "Clone")
	TransportRoundTrip            = method(Transport, "RoundTrip")
	TransportCloseIdleConnections = method(Transport, "CloseIdleConnections")
	// TransportCancelRequest cancels an in-flight request (deprecated, still
	// called by timers in older code).
	TransportCancelRequest = method(Transport, "CancelRequest")
)

// net/http/httptest and net/http/httputil.
var (
	ResponseRecorderResult = method(typ("net/http/httptest", "ResponseRecorder"), "Result")
	// DumpResponse reads the body into memory, closes it and replaces it
	// when its second argument is true.
	DumpResponse = function("net/http/httputil", "DumpResponse")
	// RequestDumps read a request's body into memory and put a copy back
	// (drainBody, then `req.Body = save`, in net/http/httputil/dump.go);
	// they set no header and no GetBody.
	RequestDumps = Callees{function("net/http/httputil", "DumpRequestOut"), function("net/http/httputil", "DumpRequest")}

	// A ReverseProxy sends every request it serves through its Transport
	// ((*ReverseProxy).ServeHTTP in net/http/httputil/reverseproxy.go)
	// and holds it as long as it lives itself.
	ReverseProxy              = typ("net/http/httputil", "ReverseProxy")
	ReverseProxyTransport     = field(ReverseProxy, "Transport")
	ReverseProxyServeHTTP     = method(ReverseProxy, "ServeHTTP")
	NewSingleHostReverseProxy = function("net/http/httputil", "NewSingleHostReverseProxy")
)

// net/http: HTTP/2 settings and the protocols a transport speaks.
var (
	HTTP2Config                = typ(NetHTTP, "HTTP2Config")
	HTTP2ConfigSendPingTimeout = field(HTTP2Config, "SendPingTimeout")
	HTTP2ConfigPingTimeout     = field(HTTP2Config, "PingTimeout")

	Protocols = typ(NetHTTP, "Protocols")
	// ProtocolsHTTP2 turn HTTP/2 on (argument 1 true) or off.
	ProtocolsHTTP2 = Callees{
		method(Protocols, "SetHTTP2"),
		method(Protocols, "SetUnencryptedHTTP2"),
	}
)

// BodilessStatus reports whether a response with status code carries no
// body: 1xx, 204 No Content and 304 Not Modified. The client reads such a
// response with length 0 (fixLength in net/http/transfer.go, after
// bodyAllowedForStatus), so readTransfer gives it the body http.NoBody and
// (*persistConn).readLoop in transport.go, seeing no body, puts the
// connection back in the idle pool before the response is handed over:
// there is nothing to read or close. (The transport answers the 1xx
// responses other than 101 itself; 101 hands the connection over.)
func BodilessStatus(code int64) bool {
	return code >= 100 && code <= 199 || code == 204 || code == 304
}

// IsRoundTripper reports whether values of t implement http.RoundTripper:
// t has a method RoundTrip(*http.Request) (*http.Response, error).
func IsRoundTripper(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, RoundTripperRoundTrip.Name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && Request.MatchesPtr(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && Response.MatchesPtr(sig.Results().At(0).Type()) &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// IsRoundTrip reports whether fn is the RoundTrip method of a type that
// implements http.RoundTripper.
func IsRoundTrip(fn *types.Func) bool {
	if fn == nil || fn.Name() != RoundTripperRoundTrip.Name {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && IsRoundTripper(recv.Type())
}
