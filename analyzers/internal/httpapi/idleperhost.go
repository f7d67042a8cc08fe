package httpapi

// Symbols that idleperhost needs to find where requests go and whether they
// run concurrently.
var (
	RequestURL = field(Request, "URL")

	URL            = typ("net/url", "URL")
	URLHost        = field(URL, "Host")
	URLScheme      = field(URL, "Scheme")
	URLString      = method(URL, "String")
	URLJoinPathURL = method(URL, "JoinPath")
	URLParse       = function("net/url", "Parse")
	URLParseReq    = function("net/url", "ParseRequestURI")
	URLJoinPath    = function("net/url", "JoinPath")
	Sprintf        = function("fmt", "Sprintf")

	// WaitGroupGo runs its argument in a new goroutine (Go 1.25).
	WaitGroupGo = method(typ("sync", "WaitGroup"), "Go")
)
