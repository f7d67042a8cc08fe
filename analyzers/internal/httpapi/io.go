package httpapi

// io: readers and closers.
var (
	Closer      = typ("io", "Closer")
	CloserClose = method(Closer, "Close")
	Reader      = typ("io", "Reader")
	ReaderRead  = method(Reader, "Read")
	ReadCloser  = typ("io", "ReadCloser")
	Copy        = function("io", "Copy")
	CopyN       = function("io", "CopyN")
	CopyBuffer  = function("io", "CopyBuffer")
	ReadAll     = function("io", "ReadAll")
	Discard     = variable("io", "Discard")

	ioutilReadAll = function("io/ioutil", "ReadAll")
)

// bytes, strings and bufio: buffers and in-memory readers.
var (
	bytesBuffer         = typ("bytes", "Buffer")
	bytesBufferReadFrom = method(bytesBuffer, "ReadFrom")
	bytesReader         = typ("bytes", "Reader")
	stringsReader       = typ("strings", "Reader")
	bufioWriterReadFrom = method(typ("bufio", "Writer"), "ReadFrom")
)
