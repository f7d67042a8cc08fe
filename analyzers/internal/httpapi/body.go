package httpapi

// Response producers, body readers and calls that end a path: what respbody
// needs to know about the standard library.

// Producers return a response from the network whose body the caller must
// read and close: result 0 is the *http.Response, result 1 the error.
var (
	ProducerMethods = []Method{
		ClientDo, ClientGet, ClientHead, ClientPost, ClientPostForm,
		RoundTripperRoundTrip, TransportRoundTrip,
	}
	ProducerFuncs = []Func{Get, Head, Post, PostForm}
)

// Reading a body.
var (
	// FullReaders read their io.Reader argument to EOF (or an error). The
	// index is the argument that is read.
	FullReaders = map[Func]int{
		ReadAll:                          0,
		function("io/ioutil", "ReadAll"): 0,
		Copy:                             1,
		CopyBuffer:                       1,
	}
	// FullReadMethods read their argument (index 0, after the receiver) to
	// EOF.
	FullReadMethods = []Method{
		method(typ("bytes", "Buffer"), "ReadFrom"),
		method(typ("bufio", "Writer"), "ReadFrom"),
		method(typ("os", "File"), "ReadFrom"),
	}
	// DumpResponse reads the body into memory, closes it and replaces it
	// when its second argument is true.
	DumpResponse = function("net/http/httputil", "DumpResponse")
	// ResponseWrite writes the response, body included, reading it to EOF.
	ResponseWrite = method(Response, "Write")
	// MaxBytesReader returns a ReadCloser whose Close closes its argument 1.
	MaxBytesReader = function(NetHTTP, "MaxBytesReader")
)

// NoReturn are calls that never return normally: a path that reaches one
// ends there (a failure branch ending in one does not loop back to a
// retry; a response open on it does not leak).
var NoReturn = []Callee{
	method(typ("testing", "common"), "Fatal"),
	method(typ("testing", "common"), "Fatalf"),
	method(typ("testing", "common"), "FailNow"),
	method(typ("testing", "common"), "Skip"),
	method(typ("testing", "common"), "Skipf"),
	method(typ("testing", "common"), "SkipNow"),
	method(typ("testing", "TB"), "Fatal"),
	method(typ("testing", "TB"), "Fatalf"),
	method(typ("testing", "TB"), "FailNow"),
	method(typ("testing", "TB"), "Skip"),
	method(typ("testing", "TB"), "Skipf"),
	method(typ("testing", "TB"), "SkipNow"),
	function("log", "Fatal"),
	function("log", "Fatalf"),
	function("log", "Fatalln"),
	function("log", "Panic"),
	function("log", "Panicf"),
	function("log", "Panicln"),
	method(typ("log", "Logger"), "Fatal"),
	method(typ("log", "Logger"), "Fatalf"),
	method(typ("log", "Logger"), "Fatalln"),
	function("os", "Exit"),
	function("runtime", "Goexit"),
}
