package httpflow

import (
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// HTTP2Only reports whether client, an *http.Client, is on every path one
// the package makes and gives a Transport (&http.Client{Transport:
// &http2.Transport{...}}), and every transport the package stores in its
// Transport field, or in that of any client that may be it (through a
// field or parameter: c.HTTPClient.Transport = t), is an x/net
// *http2.Transport the package makes: a client that speaks HTTP/2 alone,
// whose requests are streams on shared connections. b must follow fields
// (Fields). A client or transport of unseen origin, or a client given no
// transport (http.DefaultTransport), is not. Stores made by other
// packages (into an exported field holding the client) are not seen.
func HTTP2Only(b *ssaflow.Backtracer, client ssa.Value) bool {
	srcs := b.Sources(client).Sources
	if len(srcs) == 0 {
		return false
	}
	var stores []*ssa.Store
	var own []*ssa.Alloc // the clients client may be, with their literals
	for _, src := range srcs {
		a, ok := src.Value.(*ssa.Alloc)
		if src.Kind != ssaflow.Made || !ok || !httpapi.Client.MatchesPtr(a.Type()) {
			return false
		}
		if len(ClientTransports(b.Index, nil, a)) == 0 {
			return false // no transport of its own: http.DefaultTransport
		}
		if stores == nil {
			stores = b.Index.FieldStores(transportField(a))
		}
		own = append(own, ssaflow.StructCopies(a)...)
	}
	for _, st := range stores {
		if _, other := st.Addr.(*ssa.FieldAddr).X.(*ssa.Alloc); other && !storesInto(st, own) {
			continue // into another client the package makes
		}
		if !madeHTTP2Transport(b, st.Val) {
			return false // into this client, or one that may be it
		}
	}
	return true
}

// storesInto reports whether st stores into a field of one of allocs.
func storesInto(st *ssa.Store, allocs []*ssa.Alloc) bool {
	x := st.Addr.(*ssa.FieldAddr).X
	return slices.ContainsFunc(allocs, func(a *ssa.Alloc) bool { return x == a })
}

// madeHTTP2Transport reports whether v is on every path an *http2.Transport
// the package allocates.
func madeHTTP2Transport(b *ssaflow.Backtracer, v ssa.Value) bool {
	srcs := b.Sources(v).Sources
	for _, src := range srcs {
		a, ok := src.Value.(*ssa.Alloc)
		if src.Kind != ssaflow.Made || !ok || !httpapi.HTTP2Transport.MatchesPtr(a.Type()) {
			return false
		}
	}
	return len(srcs) > 0
}

// transportField returns the Transport field of the http.Client that a
// points to.
func transportField(a *ssa.Alloc) *types.Var {
	for i := 0; ; i++ {
		f := ssaflow.FieldOf(a.Type(), i)
		if f == nil || httpapi.ClientTransport.Matches(a.Type(), f) {
			return f
		}
	}
}
