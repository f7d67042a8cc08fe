package httpflow

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// FieldStores returns the stores into field f of the structs that values
// point to (a flow's values, or a variable's struct copies), in order.
func FieldStores(x *ssaflow.Index, values []ssa.Value, f httpapi.Field) []*ssa.Store {
	var out []*ssa.Store
	for _, fa := range FieldAddrs(x, values, f) {
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				out = append(out, st)
			}
		}
	}
	return out
}

// FieldLoads returns the loads of field f of the structs that values
// point to, in order.
func FieldLoads(x *ssaflow.Index, values []ssa.Value, f httpapi.Field) []*ssa.UnOp {
	var out []*ssa.UnOp
	for _, fa := range FieldAddrs(x, values, f) {
		for _, use := range *fa.Referrers() {
			if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
				out = append(out, load)
			}
		}
	}
	return out
}

// FieldAddrs returns the selections of the address of field f of the
// structs that values point to, in order: what the package does with the
// field through them, stores, loads or its address given away.
func FieldAddrs(x *ssaflow.Index, values []ssa.Value, f httpapi.Field) []*ssa.FieldAddr {
	var out []*ssa.FieldAddr
	for _, v := range values {
		for _, ref := range x.Referrers(v) {
			if fa, ok := ref.(*ssa.FieldAddr); ok && fa.X == v && f.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				out = append(out, fa)
			}
		}
	}
	return out
}

// TraceMade traces v, a struct the package makes (a client or transport),
// with the variables that SSA copies its composite literal into when it is
// declared as a value (client := http.Client{Transport: t}, see
// [ssaflow.StructCopies]): the literal's fields are its fields.
func TraceMade(tracer *ssaflow.Tracer, v ssa.Value) *ssaflow.Flow {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return tracer.Trace(v)
	}
	return tracer.Trace(copies(a)...)
}

// ClientTransports returns the stores into the Transport field of client,
// an http.Client the package allocates: the transports it is given. With
// a tracer, through every value the tracer follows the client to (see
// [TraceMade]: c.hc = client; c.hc.Transport = t); with none, through the
// client's own variable and its copies only (&http.Client{Transport: t},
// c := &http.Client{}; c.Transport = t).
func ClientTransports(x *ssaflow.Index, tracer *ssaflow.Tracer, client *ssa.Alloc) []*ssa.Store {
	values := copies(client)
	if tracer != nil {
		values = TraceMade(tracer, client).Values
	}
	return FieldStores(x, values, httpapi.ClientTransport)
}

// copies returns a and its struct copies as values.
func copies(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, c := range ssaflow.StructCopies(a) {
		out = append(out, c)
	}
	return out
}

// TransportClient returns the http.Client (a pointer to it) whose
// Transport field st stores into, or nil: where a traced transport is
// given to a client.
func TransportClient(st *ssa.Store) ssa.Value { return FieldOwner(st, httpapi.ClientTransport) }

// FieldOwner returns the struct (a pointer to it) whose field f st stores
// into, or nil: the client or reverse proxy a traced transport is given
// to.
func FieldOwner(st *ssa.Store, f httpapi.Field) ssa.Value {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !f.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
		return nil
	}
	return fa.X
}
