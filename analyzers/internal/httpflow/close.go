package httpflow

import (
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// TrueStores returns the stores of the constant true to field f of the
// values (a flow's: a transport's DisableKeepAlives, a request's Close).
func TrueStores(x *ssaflow.Index, values []ssa.Value, f httpapi.Field) []*ssa.Store {
	var stores []*ssa.Store
	for _, v := range values {
		for _, ref := range x.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v || !f.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				continue
			}
			for _, use := range *fa.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
					if on, known := ssaflow.ConstBool(st.Val); known && on {
						stores = append(stores, st)
					}
				}
			}
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

// Precedes reports whether w, one of the writes of [ConnectionCloses],
// is made before send on every path to it: in send's function, when it
// dominates send; in another function (a helper that builds the request),
// always. A write on some paths only (after a timeout, to retire one stuck
// connection) leaves the other requests on pooled connections.
func Precedes(w, send ssa.Instruction) bool {
	return w.Parent() != send.Parent() || ssaflow.Dominates(w, send)
}
