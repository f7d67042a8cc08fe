package httpapi

// net/url: where requests go.
var (
	URL            = typ("net/url", "URL")
	URLHost        = field(URL, "Host")
	URLScheme      = field(URL, "Scheme")
	URLString      = method(URL, "String")
	URLJoinPathURL = method(URL, "JoinPath")
	// URLResolveReference and URLParseRef resolve a reference against the
	// URL: a relative one keeps its scheme and host (net/url/url.go).
	URLResolveReference = method(URL, "ResolveReference")
	URLParseRef         = method(URL, "Parse")
	// URLRelative are the fields that a relative reference sets.
	URLRelative = []Field{field(URL, "Path"), field(URL, "RawPath"), field(URL, "RawQuery"), field(URL, "Fragment")}
	URLParse    = function("net/url", "Parse")
	URLParseReq = function("net/url", "ParseRequestURI")
	URLJoinPath = function("net/url", "JoinPath")
)
