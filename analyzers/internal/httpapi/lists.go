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
	// index is the argument that is read. io.Copy and io.CopyBuffer stop
	// early only when their writer fails. Not here: io.CopyN and
	// io.LimitReader (a bound), (*encoding/json.Decoder).Decode, which
	// stops at the end of one value without reading on (readValue in
	// encoding/json/stream.go), and bufio.Scanner (see [ScannerScan]).
	FullReaders = map[Func]int{
		ReadAll:       0,
		ioutilReadAll: 0,
		Copy:          1,
		CopyBuffer:    1,
	}
	// CopyWriters are the FullReaders that write what they read, with the
	// index of the writer: when it fails they stop before EOF (a pipe
	// whose reader was closed, a client that went away).
	CopyWriters = map[Func]int{Copy: 0, CopyBuffer: 0, CopyN: 0}
	// FullReadMethods read their argument (index 0, after the receiver) to
	// EOF, or, but for bytes.Buffer's, until their writer fails.
	FullReadMethods = Callees{bytesBufferReadFrom, bufioWriterReadFrom, osFileReadFrom}
	// BufferReadFrom is the FullReadMethod whose writing cannot fail.
	BufferReadFrom = bytesBufferReadFrom
	// InfallibleWriters are writer types whose Write returns no error
	// (bytes.Buffer panics when too large; a hash never fails); with
	// io.Discard they are the writers a copy into which runs to EOF.
	InfallibleWriters = []Type{BytesBuffer, stringsBuilder, hashHash, hashHash32, hashHash64}
)

// Reads whose failure says where the reader is. A Read of a response body
// that returns io.EOF hands the connection back to the idle pool, and one
// that returns any other error gives the connection up (the fn of the
// bodyEOFSignal that (*persistConn).readLoop makes, in
// net/http/transport.go, sends isEOF on waitForBodyRead, and the read loop
// closes a connection whose body did not end at EOF): after either the
// body holds no connection.
var (
	// ReadErrorReaders wrap their io.Reader argument (index 0) in a reader
	// that returns the errors of its Read unchanged and adds none but
	// io.EOF: a read of the wrapper that fails is a failed read of the
	// argument. A read that succeeds tells nothing: io.LimitReader stops
	// at its limit, short of the body's EOF.
	ReadErrorReaders = Callees{LimitReader, bufioNewReader, bufioNewReaderSize}
	// ReadErrorFuncs read their argument (the index) and fail only when
	// its Read did, or when it met EOF: their error, when not nil, says
	// that the reader ended or failed. io.Copy, io.CopyBuffer and io.CopyN
	// do so only into a writer that cannot fail ([CopyWriters]); io.CopyN
	// returns io.EOF when the reader ends first.
	ReadErrorFuncs = map[Func]int{ReadAll: 0, ioutilReadAll: 0, ReadFull: 0, Copy: 1, CopyBuffer: 1, CopyN: 1}
	// ReadErrorMethods are methods of a reader (the receiver) that fail
	// only as ReadErrorFuncs do: io.Reader's Read itself, and
	// bufio.Reader's ReadString and ReadBytes.
	ReadErrorMethods = Callees{ReaderRead, bufioReaderReadString, bufioReaderReadBytes}
)

// RewindableBodies are the body types for which http.NewRequest sets
// GetBody, so the transport can send the body again.
var RewindableBodies = []Type{BytesBuffer, bytesReader, stringsReader}

// IONopCloser wraps a reader as a body without changing what it reads:
// the body is the reader's (NopCloser in io/io.go).
var IONopCloser = function("io", "NopCloser")

// RewindableBodyMakers make the RewindableBodies from their content, their
// argument 0. Given one made empty, http.NewRequest sends no body: it sets
// Body to NoBody when the length it reads is 0 (NewRequestWithContext in
// net/http/request.go).
var RewindableBodyMakers = Callees{stringsNewReader, bytesNewReader, bytesNewBuffer, bytesNewBufferString}

// BufferViews look at what a bytes.Buffer holds without changing it or
// adding to it (Bytes and String return its unread part, in
// bytes/buffer.go).
var BufferViews = Callees{bytesBufferBytes, bytesBufferString, bytesBufferLen}

// ProtocolSetters change only the protocols of the *http.Transport they
// are given (argument 0, the receiver of a method), and keep it nowhere the
// caller can reach: RegisterProtocol adds a round tripper for a scheme
// (altProto in net/http/transport.go), and x/net's ConfigureTransport turns
// HTTP/2 on (configureTransports in golang.org/x/net/http2/transport.go
// registers "https", sets TLSNextProto["h2"] and adds "h2" and "http/1.1"
// to TLSClientConfig.NextProtos; the HTTP/2 transport it makes lives in
// those). They send nothing and leave the pool, its timeouts
// (IdleConnTimeout, MaxIdleConnsPerHost, DisableKeepAlives) and the dialers
// alone: a transport given to one is not handed off.
var ProtocolSetters = Callees{TransportRegisterProtocol, HTTP2ConfigureTransport}

// TransportChangers change the *http.Transport they are given in place:
// the ProtocolSetters, and x/net's ConfigureTransports, which does what
// ConfigureTransport does and returns the HTTP/2 transport it made. That
// one holds the transport: it falls back on its settings
// ((*Transport).idleConnTimeout in golang.org/x/net/http2/transport.go)
// and is configured apart, so a transport given to it is handed off.
var TransportChangers = append(Callees{HTTP2ConfigureTransports}, ProtocolSetters...)

// Values turned into text.
var (
	// Formatters turn their arguments into text: the strconv functions of
	// integers, and fmt's Sprint, Fprint and Append functions. The text is
	// their result, or (Fprint) what they write to their io.Writer.
	Formatters = slices.Concat(strconvFormats, fmtFormats)
	// Printers only print their arguments, to standard output or a log:
	// fmt's Print functions and everything of package log and
	// *log.Logger that prints (those that exit or panic after printing
	// among them).
	Printers = slices.Concat(fmtPrints, logPrints, logStops)
)
