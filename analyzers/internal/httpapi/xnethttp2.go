package httpapi

// XNetHTTP2 is golang.org/x/net/http2, the HTTP/2 implementation that
// net/http bundles (as h2_bundle.go) and that programs may also import to
// configure HTTP/2 themselves. It is not in the standard library: its
// entries are checked against the version that go.mod requires.
const XNetHTTP2 = "golang.org/x/net/http2"

// golang.org/x/net/http2: the client side.
var (
	// HTTP2Transport is x/net's HTTP/2 transport (deprecated there in
	// favour of http.Transport.Protocols and HTTP2).
	HTTP2Transport                = typ(XNetHTTP2, "Transport")
	HTTP2TransportReadIdleTimeout = field(HTTP2Transport, "ReadIdleTimeout")
	HTTP2TransportPingTimeout     = field(HTTP2Transport, "PingTimeout")

	// HTTP2ConfigureTransport turns HTTP/2 on in an *http.Transport; the
	// HTTP/2 transport it makes is not returned.
	HTTP2ConfigureTransport = function(XNetHTTP2, "ConfigureTransport")
	// HTTP2ConfigureTransports does the same and returns the HTTP/2
	// transport (result 0) for further configuration.
	HTTP2ConfigureTransports = function(XNetHTTP2, "ConfigureTransports")
)
