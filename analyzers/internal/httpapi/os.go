package httpapi

// os and os/signal: files, exit and signals.
var (
	OSFile      = typ("os", "File")
	OSFileFd    = method(OSFile, "Fd")
	OSFileClose = method(OSFile, "Close")

	osFileReadFrom = method(OSFile, "ReadFrom")
	osExit         = function("os", "Exit")

	SignalNotify = function("os/signal", "Notify")
)
