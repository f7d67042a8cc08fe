package httpflow

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// FreshPool reports whether send, a call of an *http.Client's or
// *http.Transport's send method ([httpapi.ClientSends],
// [httpapi.TransportSends]) on recv, goes through a transport made anew
// in the run of its function (there, or in a helper that returns it:
// newClient(addr) returning &http.Client{Transport: &http.Transport{...}})
// and sent through once in that run: not in a loop, and the client or
// transport value sent through by no other call, nor by another send of
// the function through a value with the same origin (a captured client,
// loaded again for each use). Its idle pool is empty
// when the request goes out (queueForIdleConn in net/http/transport.go
// finds no idle connection), and it dies with the call: no connection the
// server has closed can be picked, and none is kept for a later request.
// run walks values back within one run of a function
// ([ssaflow.Backtracer.Run]); tracer follows a client to its transports.
func FreshPool(x *ssaflow.Index, run *ssaflow.Backtracer, tracer *ssaflow.Tracer, loops *ssaflow.Loops, send ssa.CallInstruction, recv ssa.Value) bool {
	if recv == nil || loops.InLoop(send) {
		return false
	}
	for _, ref := range x.Referrers(recv) { // a package-level client value has no Referrers of its own
		if other, ok := ref.(ssa.CallInstruction); ok && other != send && httpapi.ProducerMethods.Matches(callee.Func(other.Common())) {
			return false
		}
	}
	srcs := run.Sources(recv).Sources
	if !slices.ContainsFunc(srcs, func(src ssaflow.Source) bool { return !NilPointer(src.Value) }) {
		return false
	}
	if sendsAgain(run, send, srcs) {
		return false
	}
	for _, src := range srcs {
		switch {
		case IsAllocOf(src.Value, httpapi.Transport), IsCallOf(src.Value, httpapi.TransportClone), NilPointer(src.Value):
		case IsAllocOf(src.Value, httpapi.Client) && httpapi.ClientSends.Matches(callee.Func(send.Common())):
			if !freshTransport(x, run, tracer, src.Value.(*ssa.Alloc)) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// sendsAgain reports whether a send of send's function other than send
// goes through a value that comes from one of srcs: the same client or
// transport loaded again from a variable (one a closure captures, so
// that each use is a load of its own).
func sendsAgain(run *ssaflow.Backtracer, send ssa.CallInstruction, srcs []ssaflow.Source) bool {
	for _, b := range send.Parent().Blocks {
		for _, instr := range b.Instrs {
			other, ok := instr.(ssa.CallInstruction)
			if !ok || other == send || other.Common().IsInvoke() || len(other.Common().Args) == 0 ||
				!httpapi.ProducerMethods.Matches(callee.Func(other.Common())) {
				continue
			}
			if slices.ContainsFunc(run.Sources(other.Common().Args[0]).Sources, func(o ssaflow.Source) bool {
				return !NilPointer(o.Value) && slices.ContainsFunc(srcs, func(s ssaflow.Source) bool { return s.Value == o.Value })
			}) {
				return true
			}
		}
	}
	return false
}

// NilPointer reports whether v is a nil *http.Client or *http.Transport:
// a send through either panics (net/http's Client methods read the
// client's fields, Transport.RoundTrip its own), so on every path that
// sends, another value has replaced it: a helper's `return nil, err`
// that its caller checks, or var tr *http.Transport; if ... { tr =
// t.Clone() }; if tr == nil { tr = ... }. A nil RoundTripper interface is
// different: the client then sends through http.DefaultTransport.
func NilPointer(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil() && (httpapi.Transport.MatchesPtr(c.Type()) || httpapi.Client.MatchesPtr(c.Type()))
}

// freshTransport reports whether the client alloc c, made in a run, is
// given a transport made in that same run, and no other.
func freshTransport(x *ssaflow.Index, run *ssaflow.Backtracer, tracer *ssaflow.Tracer, c *ssa.Alloc) bool {
	stores := ClientTransports(x, tracer, c)
	for _, st := range stores {
		for _, src := range run.Sources(st.Val).Sources {
			if !IsAllocOf(src.Value, httpapi.Transport) && !IsCallOf(src.Value, httpapi.TransportClone) && !NilPointer(src.Value) {
				return false
			}
		}
	}
	return len(stores) > 0
}

// IsAllocOf reports whether v allocates a value of type t (new(T), &T{}).
func IsAllocOf(v ssa.Value, t httpapi.Type) bool {
	a, ok := v.(*ssa.Alloc)
	return ok && t.MatchesPtr(a.Type())
}

// IsCallOf reports whether v is a static call of m.
func IsCallOf(v ssa.Value, m httpapi.Callee) bool {
	call, ok := v.(*ssa.Call)
	return ok && m.Matches(callee.Func(&call.Call))
}

// KeepAlivesOff reports whether every transport that client, an
// *http.Client value, may send through is one the package makes with
// DisableKeepAlives true where it is made ([ssaflow.AlwaysTrue]): such a
// transport pools no connection after its response ((*Transport).tryPutIdleConn
// refuses it with errKeepAlivesDisabled, net/http/transport.go), so none
// is kept for another request. A client made elsewhere, or without a
// Transport of the package's (http.DefaultTransport), keeps them. back
// walks the client and its transports back to where they are made;
// tracer follows a client to the transports it is given.
func KeepAlivesOff(x *ssaflow.Index, back *ssaflow.Backtracer, tracer *ssaflow.Tracer, client ssa.Value) bool {
	return EveryTransport(back, tracer, client, func(t ssa.Value) bool {
		tr, ok := t.(*ssa.Alloc)
		return ok && httpapi.Transport.MatchesPtr(tr.Type()) && slices.ContainsFunc(
			FieldStores(x, TraceMade(tracer, tr).Values, httpapi.TransportDisableKeepAlives),
			func(off *ssa.Store) bool { return ssaflow.AlwaysTrue(nil, tr, off) })
	})
}

// UnixOnly reports whether every transport that client, an *http.Client
// value, may send through is one the package makes to dial only Unix
// domain sockets ([DialsUnix]): a lost connection costs such a client no
// TCP or TLS handshake and leaves no TIME_WAIT socket.
func UnixOnly(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, client ssa.Value) bool {
	return EveryTransport(back, tracer, client, DialsUnix)
}

// maxWraps bounds the well-known wrappers [unwrapped] looks through.
const maxWraps = 4

// unwrapped replaces each of srcs that is a call of a well-known wrapper
// of another package ([httpapi.WrapOf]: otelhttp.NewTransport, docker
// distribution's transport.NewTransport) by the sources of the
// RoundTripper it wraps, up to depth wrappers deep: every request the
// wrapper sends goes through that one.
func unwrapped(back *ssaflow.Backtracer, srcs []ssaflow.Source, depth int) []ssaflow.Source {
	var out []ssaflow.Source
	for _, src := range srcs {
		call, ok := src.Value.(*ssa.Call)
		if !ok || depth == 0 || call.Common().IsInvoke() {
			out = append(out, src)
			continue
		}
		arg, ok := httpapi.WrapOf(callee.Func(call.Common()))
		if !ok || arg >= len(call.Common().Args) {
			out = append(out, src)
			continue
		}
		out = append(out, unwrapped(back, back.Sources(call.Common().Args[arg]).Sources, depth-1)...)
	}
	return out
}

// EveryTransport reports whether client, an *http.Client value, comes only
// from clients the package makes ([ClientTransports]) whose every
// transport, walked back by back to where it is made, is one that is: a
// client without a transport of the package's (http.DefaultTransport), or
// made elsewhere, is not. A nil client (a constructor's `return nil, err`)
// sends nothing ([NilPointer]).
func EveryTransport(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, client ssa.Value, is func(transport ssa.Value) bool) bool {
	clients := slices.DeleteFunc(slices.Clone(back.Sources(client).Sources), func(src ssaflow.Source) bool { return NilPointer(src.Value) })
	for _, src := range clients {
		c, ok := src.Value.(*ssa.Alloc)
		if !ok || !httpapi.Client.MatchesPtr(c.Type()) {
			return false
		}
		stores := ClientTransports(back.Index, tracer, c)
		if len(stores) == 0 {
			return false // http.DefaultTransport
		}
		for _, st := range stores {
			transports := unwrapped(back, back.Sources(st.Val).Sources, maxWraps)
			if len(transports) == 0 || slices.ContainsFunc(transports, func(t ssaflow.Source) bool { return !is(t.Value) }) {
				return false
			}
		}
	}
	return len(clients) > 0
}
