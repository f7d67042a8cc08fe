package httpapi

// os and os/signal: files, exit and signals.
var (
	OSFile      = typ("os", "File")
	OSFileFd    = method(OSFile, "Fd")
	OSFileClose = method(OSFile, "Close")
	// NewFile adopts a descriptor as a new *os.File (newFileFromNewFile in
	// os/file_unix.go): code that does so takes the socket over, to make
	// a listener of it or to hand it to a child process.
	NewFile = function("os", "NewFile")

	osFileReadFrom = method(OSFile, "ReadFrom")
	osExit         = function("os", "Exit")

	SignalNotify = function("os/signal", "Notify")
)
