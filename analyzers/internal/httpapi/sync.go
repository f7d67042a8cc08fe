package httpapi

// sync, context and time: callbacks run once, goroutines, cancellation.
var (
	syncOnceDo     = method(typ("sync", "Once"), "Do")
	syncOnceFunc   = function("sync", "OnceFunc")
	syncOnceValue  = function("sync", "OnceValue")
	syncOnceValues = function("sync", "OnceValues")
	// WaitGroupGo runs its argument in a new goroutine (Go 1.25).
	WaitGroupGo = method(typ("sync", "WaitGroup"), "Go")

	ContextDone      = method(typ("context", "Context"), "Done")
	contextAfterFunc = function("context", "AfterFunc")
	timeAfterFunc    = function("time", "AfterFunc")

	// Pacers are the channels a polling loop waits on between requests:
	// a ticker's or timer's C, time.Tick and time.After.
	PacerFields = []Field{field(typ("time", "Ticker"), "C"), field(typ("time", "Timer"), "C")}
	PacerFuncs  = Callees{function("time", "Tick"), function("time", "After")}
)
