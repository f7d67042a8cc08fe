package httpapi

// sync, context and time: callbacks run once, goroutines, cancellation.
var (
	syncOnceDo     = method(typ("sync", "Once"), "Do")
	syncOnceFunc   = function("sync", "OnceFunc")
	syncOnceValue  = function("sync", "OnceValue")
	syncOnceValues = function("sync", "OnceValues")
	// WaitGroupGo runs its argument in a new goroutine (Go 1.25).
	WaitGroupGo = method(typ("sync", "WaitGroup"), "Go")

	// Context is not in the table: a function that takes a context does
	// not matter by itself.
	ContextType      = Type{"context", "Context"}
	ContextDone      = method(ContextType, "Done")
	ContextErr       = method(ContextType, "Err")
	ContextCause     = function("context", "Cause")
	contextAfterFunc = function("context", "AfterFunc")
	timeAfterFunc    = function("time", "AfterFunc")

	// Pacers are the channels a polling loop waits on between requests:
	// a ticker's or timer's C, time.Tick and time.After.
	PacerFields = []Field{TickerC, field(typ("time", "Timer"), "C")}
	PacerFuncs  = Callees{TimeTick, function("time", "After")}
	// TimeTick and TickerC, the periodic pacers, deliver a value once per
	// period: a loop that waits on them runs once per tick (a wait on a
	// timer or time.After may be a retry's backoff).
	TimeTick = function("time", "Tick")
	TickerC  = field(typ("time", "Ticker"), "C")
)

// Mutexes: a write lock held around a call lets one goroutine at a time
// run it (a read lock does not).
var (
	syncMutex    = typ("sync", "Mutex")
	syncRWMutex  = typ("sync", "RWMutex")
	MutexLocks   = Callees{method(syncMutex, "Lock"), method(syncRWMutex, "Lock")}
	MutexUnlocks = Callees{method(syncMutex, "Unlock"), method(syncRWMutex, "Unlock")}
)

// ContextChildren make a context from their argument 0, the parent, that is
// done when the parent is ((*cancelCtx).propagateCancel in
// context/context.go, which WithCancel, WithCancelCause, WithDeadline,
// WithDeadlineCause, WithTimeout and WithTimeoutCause reach; a valueCtx's
// Done and Err are its parent's). Not context.WithoutCancel, whose Done is nil whatever the
// parent does (withoutCancelCtx.Done; [ContextWithoutCancel]).
var ContextChildren = Callees{
	function("context", "WithCancel"),
	function("context", "WithCancelCause"),
	function("context", "WithDeadline"),
	function("context", "WithDeadlineCause"),
	function("context", "WithTimeout"),
	function("context", "WithTimeoutCause"),
	function("context", "WithValue"),
}

// ContextWithoutCancel makes a context from its argument that is never
// done, whatever its parent does.
var ContextWithoutCancel = function("context", "WithoutCancel")
