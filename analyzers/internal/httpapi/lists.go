package httpapi

import "slices"

// Lists whose entries come from several packages, by what the calls do.

// NoReturn are calls that never return normally: a path that reaches one
// ends there (a failure branch ending in one does not loop back to a
// retry; a response open on it does not leak).
var NoReturn = slices.Concat(testingStops, logStops, Callees{osExit, runtimeGoexit})

// RunOnce are standard-library functions that run a callback passed to them
// once per event (a request, a timer, a first use), never again when it
// fails: a send inside such a callback is not retried by them.
var RunOnce = Callees{
	HandleFunc,
	Handle,
	ServeMuxHandleFunc,
	ServeMuxHandle,
	syncOnceDo,
	WaitGroupGo,
	syncOnceFunc,
	syncOnceValue,
	syncOnceValues,
	timeAfterFunc,
	contextAfterFunc,
}

// Reading a body.
var (
	// FullReaders read their io.Reader argument to EOF (or an error). The
	// index is the argument that is read.
	FullReaders = map[Func]int{
		ReadAll:       0,
		ioutilReadAll: 0,
		Copy:          1,
		CopyBuffer:    1,
	}
	// FullReadMethods read their argument (index 0, after the receiver) to
	// EOF.
	FullReadMethods = Callees{bytesBufferReadFrom, bufioWriterReadFrom, osFileReadFrom}
)

// RewindableBodies are the body types for which http.NewRequest sets
// GetBody, so the transport can send the body again.
var RewindableBodies = []Type{bytesBuffer, bytesReader, stringsReader}

// TransportChangers change the *http.Transport they are given (argument 0,
// the receiver of a method) in place: they register a protocol on it or
// turn x/net's HTTP/2 on in it.
var TransportChangers = Callees{TransportRegisterProtocol, HTTP2ConfigureTransport, HTTP2ConfigureTransports}
