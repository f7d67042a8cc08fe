package httpapi

import "go/types"

// Symbols for keepalivesoff: the ways a program switches keep-alives off,
// the calls that send a request, and the signs of a shutdown path.
var (
	// ClientSends send a request through an *http.Client.
	ClientSends = []Method{ClientDo, ClientGet, ClientHead, ClientPost, ClientPostForm}
	// TransportSends send a request through a transport.
	TransportSends = []Method{TransportRoundTrip, RoundTripperRoundTrip}

	ContextDone  = method(typ("context", "Context"), "Done")
	SignalNotify = function("os/signal", "Notify")
)

// Mentioned reports whether the package that named names refers to this
// method (calls it or takes its value): a cheap test before anything is
// built. A promoted method is recorded under the method it promotes.
func (m Method) Mentioned(names Names) bool {
	for _, obj := range names {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == m.Name && m.Matches(fn) {
			return true
		}
	}
	return false
}

// MatchesAny reports whether fn is one of ms.
func MatchesAny(ms []Method, fn *types.Func) bool {
	for _, m := range ms {
		if m.Matches(fn) {
			return true
		}
	}
	return false
}
