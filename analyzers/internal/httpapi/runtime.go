package httpapi

// runtime: Goexit ends the calling goroutine.
var runtimeGoexit = function("runtime", "Goexit")
