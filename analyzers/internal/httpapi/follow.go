package httpapi

import (
	"go/types"
	"slices"
)

// How the analyzers follow what they match. ssapass builds SSA only for the
// functions that can matter to an analyzer, and decides which from these
// declarations alone; the analyzers' walks start from the lists named here.
// A walk that starts from a symbol declared nowhere here would meet callers
// without bodies: the tests of ssapass build a program for every entry, and
// the analyzers' tests check that their walks start from declared ones.

// A Follow says how the analyzers follow a symbol, from least to most.
type Follow uint8

const (
	// Unfollowed symbols are not declared here. One may still be a symbol
	// an analyzer matches (see [Listed]): a function that names it matters,
	// its callers do not.
	Unfollowed Follow = iota
	// Context symbols are matched only next to code that matters by itself
	// (a handler that makes a transport, a send in a function registered as
	// a handler, a request's header): a response writer, a handler's types,
	// a mux and the registration of handlers, a header and its setters, a
	// limit on a request body; a mutex's Lock and Unlock; a test of a
	// string's end (of an error's text, next to a send); the makers of
	// in-memory bodies (an empty one, given to a request). Handlers (and
	// most code) name them all the time; alone they make nothing matter.
	Context
	// Value types are those whose values the analyzers trace, forward and
	// back, through the package's functions, parameters and results: a
	// function that names one or passes one in or out matters, and so do
	// the callers of an unexported one that passes one.
	Value
	// Up symbols are those the analyzers walk up the package's call graph
	// from, to the callers of the function that holds them: sends (retry
	// loops, sends that run more than once), serving (servers served once)
	// and the making of a server, client or transport (per request or
	// once). The callers of an unexported function that names one matter.
	Up
)

// UpTypes are the types whose making the analyzers walk up from. Their
// values are followed too.
var UpTypes = []Type{Server, Client, Transport}

// MadeTypes are the UpTypes whose making is judged at every call of a
// function of the package that makes one and returns something (it may be
// the value, or a struct holding it): transportreuse takes such a function
// for a constructor and judges each of its calls where it is, so the
// callers of such a function matter even when it is exported.
var MadeTypes = []Type{Transport}

// UpCalls are the calls that the analyzers walk up from: sends, serving,
// a transport's Clone and switching a server's keep-alives.
var UpCalls = Callees{ClientSends, TransportSends, ServerServes, ServeFuncs,
	TransportClone, ServerSetKeepAlivesEnabled, Get, Head, Post, PostForm}.Flat()

// ValueTypes are the other types whose values the analyzers follow (conn is
// the unexported type that TCPConn's File comes from; the listeners are
// those whose File connfile follows; x/net's HTTP/2 transport is a
// transport of its own).
var ValueTypes = []Type{RoundTripper, Request, Response, Dialer, ListenConfig, TCPConn, ConnFile.Recv,
	TCPListener, UnixListener, KeepAliveConfig, HTTP2Transport}

// ContextTypes and ContextCalls are the [Context] symbols. PathCalls are
// those that tell respbody about a path of a response it already follows
// (a read of its body that failed, a context that is done): everywhere in
// code, they matter only where a response does.
var (
	ContextTypes = []Type{ResponseWriter, Handler, HandlerFunc, ServeMuxHandle.Recv, Header}
	ContextCalls = slices.Concat(Callees{HandleFunc, Handle, ServeMuxHandleFunc, ServeMuxHandle, HeaderSet, HeaderAdd, MaxBytesReader, StringsHasSuffix},
		MutexLocks, MutexUnlocks, PathCalls, RewindableBodyMakers)
	PathCalls = slices.Concat(ReadErrorReaders, Callees{ReadFull, bufioReaderReadString, bufioReaderReadBytes,
		ContextErr, ContextCause}, ContextChildren)
)

// FollowOf returns how the analyzers follow obj, a type name, function or
// method, matched by package path and name. Other packages' constructors
// of transports and clients ([Foreign]) and the methods of the well-known
// ones' wrappers ([Constructors]) are walked up from.
func FollowOf(obj types.Object) Follow {
	switch obj := obj.(type) {
	case *types.TypeName:
		return TypeFollow(obj.Type())
	case *types.Func:
		switch {
		case isForeign(obj), WrapperOf(obj) != nil, UpCalls.Matches(obj):
			return Up
		case ContextCalls.Matches(obj):
			return Context
		}
	}
	return Unfollowed
}

// TypeFollow returns how the analyzers follow values of typ: the named type
// itself (aliases resolved), not a pointer to it.
func TypeFollow(typ types.Type) Follow {
	is := func(t Type) bool { return t.Matches(typ) }
	switch {
	case slices.ContainsFunc(UpTypes, is):
		return Up
	case slices.ContainsFunc(ValueTypes, is):
		return Value
	case slices.ContainsFunc(ContextTypes, is):
		return Context
	}
	return Unfollowed
}

func isForeign(fn *types.Func) bool {
	_, ok := Foreign(fn)
	return ok
}

// BodyFieldTypes are the types of a field that keeps a request's body
// between the attempts of a retry (a *bytes.Buffer made once and reused):
// a function that names such a field of the package matters when one that
// matters by itself names it too, since postretry follows a body back to
// every store into its field.
var BodyFieldTypes = append([]Type{Reader}, RewindableBodies...)

// IsBodyField reports whether typ is one of [BodyFieldTypes] or a pointer
// to one.
func IsBodyField(typ types.Type) bool {
	return slices.ContainsFunc(BodyFieldTypes, func(t Type) bool { return t.Matches(typ) || t.MatchesPtr(typ) })
}
