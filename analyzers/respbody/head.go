package respbody

import (
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/syntax"
	"golang.org/x/tools/go/ssa"
)

// A response to HEAD has no body: the transport's readLoop
// ((*persistConn).readLoop in net/http/transport.go) sees no body for a
// HEAD request and puts the connection back in the pool before handing the
// response over, and readTransfer (net/http/transfer.go) gives it
// http.NoBody. This file tells which producing calls send HEAD.

// isHead reports whether a producing call sends a HEAD request: http.Head
// and Client.Head; a call whose request (or, for the package's own
// senders, the argument their method comes from) says HEAD; and a function
// or method of another package named Head with the signature of a sender,
// func(...) (*http.Response, error), which by the convention of
// http.Client.Head (retryablehttp's, resty's, an SDK's) sends HEAD.
func (s *state) isHead(common *ssa.CallCommon, fn *types.Func, decider ssa.Value, unseen bool) bool {
	switch {
	case httpapi.ClientHead.Matches(fn), httpapi.Head.Matches(fn):
		return true
	case unseen && fn != nil && fn.Name() == httpapi.ClientHead.Name:
		return true
	}
	return decider != nil && s.method(s.back, decider) == "HEAD"
}

// methodArg returns the argument that a call gives a string parameter
// named method, of a sender the package cannot see that builds the
// request itself (kivik's chttp DoError(ctx, method, path, opts), called
// with http.MethodHead by its Ping), or nil.
func methodArg(common *ssa.CallCommon) ssa.Value {
	params := common.Signature().Params()
	offset := len(common.Args) - params.Len() // a static method's receiver
	for i := range params.Len() {
		p := params.At(i)
		if strings.EqualFold(p.Name(), "method") && ssaflow.IsString(p.Type()) && offset+i >= 0 {
			return common.Args[offset+i]
		}
	}
	return nil
}

// requestArg returns the last *http.Request argument of a call, or nil.
func requestArg(common *ssa.CallCommon) ssa.Value {
	var req ssa.Value
	for _, arg := range common.Args {
		if httpapi.Request.MatchesPtr(arg.Type()) {
			req = arg
		}
	}
	return req
}

// method returns the constant method of v, a request or a method string,
// or "" if it is not known: every source of the method is one constant.
// A request's sources are calls of http.NewRequest[WithContext] (nil
// aside: no request, no response); b walks back through WithContext and
// Clone and into the package's own request constructors, where the
// method parameter is the argument of the call.
func (s *state) method(b *ssaflow.Backtracer, v ssa.Value) string {
	leaves, ok := methodLeaves(b, v)
	method := ""
	for _, l := range leaves {
		c, known := ssaflow.ConstString(l)
		if !ok || !known || method != "" && c != method {
			return ""
		}
		method = c
	}
	return method
}

// methodParam returns the index of the parameter of fn that every source
// of v's method is, or -1: a sender of the package that takes the method,
// or the request, from its caller (`func (c *Client) do(method, path
// string) (*http.Response, error)`). Its callers then decide whether its
// response answers HEAD.
func (s *state) methodParam(fn *ssa.Function, v ssa.Value) int {
	if v == nil {
		return -1
	}
	leaves, ok := methodLeaves(s.local, v)
	param := -1
	for _, l := range leaves {
		p, isParam := l.(*ssa.Parameter)
		i := slices.Index(fn.Params, p)
		if !ok || !isParam || i < 0 || param >= 0 && i != param {
			return -1
		}
		param = i
	}
	return param
}

// methodLeaves returns the values the method of v (a request or a method
// string) comes from; ok is false when a request comes from anything but a
// request constructor or a parameter.
func methodLeaves(b *ssaflow.Backtracer, v ssa.Value) (leaves []ssa.Value, ok bool) {
	if !httpapi.Request.MatchesPtr(v.Type()) {
		for _, src := range b.Sources(v).Sources {
			leaves = append(leaves, src.Value)
		}
		return leaves, true
	}
	for _, src := range b.Sources(v).Sources {
		switch {
		case ssaflow.IsNil(src.Value):
		case httpflow.IsNewRequest(src.Value):
			_, args := httpflow.NewRequest(src.Value)
			for _, m := range b.SourcesAt(src, args[0]).Sources {
				leaves = append(leaves, m.Value)
			}
		case isParam(src.Value):
			leaves = append(leaves, src.Value)
		default:
			return nil, false
		}
	}
	return leaves, true
}

func isParam(v ssa.Value) bool {
	_, ok := v.(*ssa.Parameter)
	return ok
}

// silent reports whether a net/http send (fn, with the request req or a
// URL argument) goes to a path that the package's own handlers answer with
// no body ([syntax.SilentRoutes]): every request it may send is built
// with a URL ending in such a path ([httpflow.URLPaths]). The package is
// then client and server of one protocol, and those answers carry
// http.NoBody.
func (s *state) silent(common *ssa.CallCommon, fn *types.Func, req ssa.Value) bool {
	if s.routes == nil {
		s.routes = syntax.SilentRoutes(s.pass.Files, s.pass.TypesInfo)
	}
	if len(s.routes) == 0 {
		return false
	}
	var urls []ssa.Value
	switch {
	case httpapi.URLSenders.Matches(fn):
		args := callee.Args(common, fn)
		if len(args) == 0 {
			return false
		}
		urls = append(urls, args[0])
	case req != nil:
		for _, src := range s.back.Sources(req).Sources {
			if !httpflow.IsNewRequest(src.Value) {
				return false
			}
			_, args := httpflow.NewRequest(src.Value)
			urls = append(urls, args[1])
		}
	}
	for _, u := range urls {
		paths := httpflow.URLPaths(s.urlBack, u)
		if paths == nil || slices.ContainsFunc(paths, func(p string) bool { return !s.routes[p] }) {
			return false
		}
	}
	return len(urls) > 0
}
