package postretry

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// A send is a function that sends a request, how the analyzer names it
// in messages, and what it sends through.
type send struct {
	fn   httpapi.Callee
	name string
	// method is the request method implied by the function, "" when the
	// request argument says.
	method string
	via    sender
	// body is the index of the argument holding the body reader of a
	// send that builds its own request around one (http.Post), or -1.
	body int
}

// A sender is what a send goes through.
type sender int

const (
	defaultClient sender = iota // http.DefaultClient
	client                      // the *http.Client receiver
	clientDo                    // the *http.Client receiver, with a request argument
	transport                   // the *http.Transport receiver, with a request argument
	roundTripper                // the http.RoundTripper receiver, with a request argument
)

var sends = []send{
	{httpapi.Post, "http.Post", "POST", defaultClient, 2},
	{httpapi.PostForm, "http.PostForm", "POST", defaultClient, -1},
	{httpapi.ClientPost, "Client.Post", "POST", client, 3},
	{httpapi.ClientPostForm, "Client.PostForm", "POST", client, -1},
	{httpapi.ClientDo, "Client.Do", "", clientDo, -1},
	{httpapi.TransportRoundTrip, "Transport.RoundTrip", "", transport, -1},
	{httpapi.RoundTripperRoundTrip, "RoundTripper.RoundTrip", "", roundTripper, -1},
}

func sendOf(fn *types.Func) (send, bool) {
	for _, s := range sends {
		if s.fn.Matches(fn) {
			return s, true
		}
	}
	return send{}, false
}

func isSend(fn *types.Func) bool {
	_, ok := sendOf(fn.Origin())
	return ok
}

// operands returns the receiver (nil for http.DefaultClient) and the
// request (nil when the function builds it) of a call of the send. It fails
// for shapes it does not know, such as method values.
func (s send) operands(common *ssa.CallCommon) (recv, req ssa.Value, ok bool) {
	args := common.Args
	switch s.via {
	case defaultClient:
		return nil, nil, true
	case roundTripper:
		if !common.IsInvoke() || len(args) != 1 {
			return nil, nil, false
		}
		return common.Value, args[0], true
	case client:
		return args[0], nil, len(args) > 0 && httpapi.Client.MatchesPtr(args[0].Type())
	}
	if len(args) != 2 || !httpapi.Client.MatchesPtr(args[0].Type()) && !httpapi.Transport.MatchesPtr(args[0].Type()) {
		return nil, nil, false
	}
	return args[0], args[1], true
}
