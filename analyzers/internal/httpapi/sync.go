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

	// TimeTick and TickerC deliver a value once per period: a loop that
	// waits on them runs once per tick.
	TimeTick = function("time", "Tick")
	TickerC  = field(typ("time", "Ticker"), "C")
)
