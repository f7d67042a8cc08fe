package httpapi

// Symbols for the postretry analyzer: requests, their bodies, and the
// standard-library functions that run a callback once per event.
var (
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
