package httpapi

import "go/types"

// Symbols for the postretry analyzer: requests, their bodies, and the
// standard-library functions that run a callback once per event.
var (
	RequestWithContext = method(Request, "WithContext")
	RequestClone       = method(Request, "Clone")
	// NoBody is the empty request body; a request with it is rewindable.
	NoBody = variable(NetHTTP, "NoBody")

	// RewindableBodies are the body types for which http.NewRequest sets
	// GetBody, so the transport can send the body again.
	RewindableBodies = []Type{
		typ("bytes", "Buffer"),
		typ("bytes", "Reader"),
		typ("strings", "Reader"),
	}
)

// A Callee matches a function or a method: a [Func] or a [Method].
type Callee interface {
	Matches(fn *types.Func) bool
}

// RunOnce are standard-library functions that run a callback passed to them
// once per event (a request, a timer, a first use), never again when it
// fails: a send inside such a callback is not retried by them.
var RunOnce = []Callee{
	HandleFunc,
	Handle,
	ServeMuxHandleFunc,
	ServeMuxHandle,
	method(typ("sync", "Once"), "Do"),
	method(typ("sync", "WaitGroup"), "Go"),
	function("sync", "OnceFunc"),
	function("sync", "OnceValue"),
	function("sync", "OnceValues"),
	function("time", "AfterFunc"),
	function("context", "AfterFunc"),
}

// NoReturn are calls after which a path does not go on: a failure branch
// that ends in one of them does not loop back to a retry.
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
