package httpapi

// net/url: where requests go.
var (
	URL            = typ("net/url", "URL")
	URLHost        = field(URL, "Host")
	URLScheme      = field(URL, "Scheme")
	URLString      = method(URL, "String")
	URLJoinPathURL = method(URL, "JoinPath")
	URLParse       = function("net/url", "Parse")
	URLParseReq    = function("net/url", "ParseRequestURI")
	URLJoinPath    = function("net/url", "JoinPath")
)
