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
	// LimitReader's Read returns its reader's errors unchanged and io.EOF
	// at the limit (LimitedReader.Read in io/io.go); ReadFull returns only
	// its reader's errors, io.EOF when nothing was read before it ended and
	// io.ErrUnexpectedEOF when something was (ReadAtLeast in io/io.go).
	LimitReader = function("io", "LimitReader")
	ReadFull    = function("io", "ReadFull")
	CopyBuffer  = function("io", "CopyBuffer")
	ReadAll     = function("io", "ReadAll")
	Discard     = variable("io", "Discard")
	// TeeReader writes to w what is read from r, as it is read (teeReader.Read
	// in io/io.go): no more.
	TeeReader = function("io", "TeeReader")

	ioutilReadAll = function("io/ioutil", "ReadAll")
)

// bytes, strings and bufio: buffers and in-memory readers.
var (
	BytesBuffer         = typ("bytes", "Buffer")
	bytesBufferReadFrom = method(BytesBuffer, "ReadFrom")
	bytesBufferBytes    = method(BytesBuffer, "Bytes")
	bytesBufferString   = method(BytesBuffer, "String")
	bytesBufferLen      = method(BytesBuffer, "Len")
	bytesReader         = typ("bytes", "Reader")
	stringsReader       = typ("strings", "Reader")

	stringsNewReader     = function("strings", "NewReader")
	bytesNewReader       = function("bytes", "NewReader")
	bytesNewBuffer       = function("bytes", "NewBuffer")
	bytesNewBufferString = function("bytes", "NewBufferString")

	stringsBuilder      = typ("strings", "Builder")
	bufioWriterReadFrom = method(typ("bufio", "Writer"), "ReadFrom")

	// A bufio.Reader keeps the error of its reader's Read and returns it
	// unchanged (readErr in bufio/bufio.go); ReadString and ReadBytes fail
	// with nothing else (collectFragments, which stops only on a delimiter
	// or an error).
	bufioNewReader        = function("bufio", "NewReader")
	bufioNewReaderSize    = function("bufio", "NewReaderSize")
	bufioReader           = typ("bufio", "Reader")
	bufioReaderReadString = method(bufioReader, "ReadString")
	bufioReaderReadBytes  = method(bufioReader, "ReadBytes")

	// NewScanner and ScannerScan: a Scan that returns false has met the
	// end of its reader, a read error or a token too long for its buffer
	// ((*bufio.Scanner).Scan in bufio/scan.go); a loop that runs until
	// then has read the reader to EOF but in the last case.
	NewScanner  = function("bufio", "NewScanner")
	ScannerScan = method(typ("bufio", "Scanner"), "Scan")
)

// hash: a hash's Write never returns an error (the hash.Hash documentation).
var (
	hashHash   = typ("hash", "Hash")
	hashHash32 = typ("hash", "Hash32")
	hashHash64 = typ("hash", "Hash64")
)
