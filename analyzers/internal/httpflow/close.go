package httpflow

import (
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// TrueStores returns the stores of the constant true to field f of the
// values (a flow's: a transport's DisableKeepAlives, a request's Close).
func TrueStores(x *ssaflow.Index, values []ssa.Value, f httpapi.Field) []*ssa.Store {
	var stores []*ssa.Store
	for _, st := range FieldStores(x, values, f) {
		if on, known := ssaflow.ConstBool(st.Val); known && on {
			stores = append(stores, st)
		}
	}
	return stores
}

// ConnectionCloses returns the writes to the requests that values hold (a
// flow's) that ask for the connection to be closed after the response:
// stores of true to Close, and calls of Header.Set or Add with the
// constant header Connection: close. net/http then keeps no idle
// connection: over HTTP/1, (*persistConn).readLoop in
// net/http/transport.go does not return the connection to the pool when
// the request's Close or the response's is set, and the server answers a
// Connection: close request with one (its response's closeAfterReply,
// from Request.wantsClose in net/http/request.go); over HTTP/2,
// http2isConnectionCloseRequest in net/http/h2_bundle.go gives the
// request a connection of its own that is not reused.
func ConnectionCloses(x *ssaflow.Index, values []ssa.Value) (closes []*ssa.Store, headers []ssa.CallInstruction) {
	closes = TrueStores(x, values, httpapi.RequestClose)
	for _, v := range values {
		for _, w := range HeaderWrites(v) {
			call, ok := w.Instr.(ssa.CallInstruction)
			key, ok1 := ssaflow.ConstString(w.Key)
			val, ok2 := ssaflow.ConstString(w.Value)
			if ok && ok1 && ok2 && strings.EqualFold(key, "Connection") && IsCloseToken(val) {
				headers = append(headers, call)
			}
		}
	}
	return closes, headers
}

// IsCloseToken reports whether a Connection header value is the token
// close.
func IsCloseToken(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "close") }

// Precedes reports whether w, a write to what send sends (a request's
// Close, a client's Transport), is made before send on every path to it:
// in send's function, when it dominates send; in another function (a
// helper that builds the request or the client), always. A write on some
// paths only (Close after a timeout, to retire one stuck connection)
// leaves the others as they were.
func Precedes(w, send ssa.Instruction) bool {
	return w.Parent() != send.Parent() || ssaflow.Dominates(w, send)
}

// ClosesConnection reports whether the request sent at send, walked back
// to o (with a [ssaflow.Backtracer] through [Derived] requests), asks for
// its connection to be closed on every path to send: a write of
// [ConnectionCloses] to a value it was walked through dominates send, or
// every source it comes from (nil aside) is made in another function (a
// helper that builds it) that makes such a write anywhere (a write there
// on some paths only counts too: a missed report at worst). Through a client, Close
// does not count: (*Client).do in net/http/client.go makes the request of
// each redirect anew, with a copy of the header but not Close, and the
// redirect's connection goes back to the pool.
func ClosesConnection(x *ssaflow.Index, o *ssaflow.Origins, send ssa.CallInstruction) bool {
	closes, headers := ConnectionCloses(x, o.Values)
	writes := make([]ssa.Instruction, 0, len(closes)+len(headers))
	if fn := callee.Func(send.Common()); fn == nil || fn.Signature().Recv() == nil || !httpapi.Client.MatchesPtr(fn.Signature().Recv().Type()) {
		for _, st := range closes {
			writes = append(writes, st)
		}
	}
	for _, c := range headers {
		writes = append(writes, c)
	}
	fn := send.Parent()
	if slices.ContainsFunc(writes, func(w ssa.Instruction) bool { return w.Parent() == fn && ssaflow.Dominates(w, send) }) {
		return true
	}
	made := false
	for _, src := range o.Sources {
		if ssaflow.IsNil(src.Value) {
			continue // a nil request is not sent
		}
		at := src.Value.Parent()
		if at == nil || at == fn || !slices.ContainsFunc(writes, func(w ssa.Instruction) bool { return w.Parent() == at }) {
			return false
		}
		made = true
	}
	return made
}
