package httpapi

// XNetHTTP2 is golang.org/x/net/http2, the HTTP/2 implementation that
// net/http bundles (as h2_bundle.go) and that programs may also import to
// configure HTTP/2 themselves. It is not in the standard library, so its
// entries are not in the table test; each was read in x/net v0.63.0
// (http2/transport_common.go).
const XNetHTTP2 = "golang.org/x/net/http2"

// golang.org/x/net/http2: the client side.
var (
	// HTTP2ConfigureTransport turns HTTP/2 on in an *http.Transport; the
	// HTTP/2 transport it makes is not returned.
	HTTP2ConfigureTransport = Func{XNetHTTP2, "ConfigureTransport"}
	// HTTP2ConfigureTransports does the same and returns the HTTP/2
	// transport (result 0) for further configuration.
	HTTP2ConfigureTransports = Func{XNetHTTP2, "ConfigureTransports"}
)
