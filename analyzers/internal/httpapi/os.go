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
	// NameLookups read what a file name points to and keep nothing: given
	// a /proc/self/fd/N name they look at descriptor N (the socket's
	// inode, dolthub/go-mysql-server's sockstate) and take it over no more
	// than a log line does.
	NameLookups = Callees{function("os", "Readlink"), function("os", "Stat"), function("os", "Lstat")}

	osFileReadFrom = method(OSFile, "ReadFrom")
	osExit         = function("os", "Exit")

	SignalNotify = function("os/signal", "Notify")
)
