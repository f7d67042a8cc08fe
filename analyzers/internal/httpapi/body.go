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

// Calls that never return normally: a path that reaches one ends there.
var (
	NoReturnFuncs = []Func{
		function("os", "Exit"),
		function("log", "Fatal"), function("log", "Fatalf"), function("log", "Fatalln"),
		function("log", "Panic"), function("log", "Panicf"), function("log", "Panicln"),
		function("runtime", "Goexit"),
	}
	NoReturnMethods = []Method{
		method(typ("log", "Logger"), "Fatal"), method(typ("log", "Logger"), "Fatalf"),
		method(typ("log", "Logger"), "Fatalln"), method(typ("log", "Logger"), "Panic"),
		method(typ("log", "Logger"), "Panicf"), method(typ("log", "Logger"), "Panicln"),
		// (*testing.T).Fatal and friends are promoted from testing.common.
		method(typ("testing", "common"), "Fatal"), method(typ("testing", "common"), "Fatalf"),
		method(typ("testing", "common"), "FailNow"), method(typ("testing", "common"), "Skip"),
		method(typ("testing", "common"), "Skipf"), method(typ("testing", "common"), "SkipNow"),
	}
)
