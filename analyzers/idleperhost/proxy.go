package idleperhost

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// proxy follows a transport that st stores in the Transport field of px, a
// reverse proxy made by httputil.NewSingleHostReverseProxy, and reports
// whether it did. Such a proxy sends every request it serves to its
// target's host ((*ReverseProxy).ServeHTTP and the director
// NewSingleHostReverseProxy installs, net/http/httputil/reverseproxy.go),
// from the server's goroutine for each request: one host, concurrently,
// as long as the proxy is kept. The proxy must be made once where the
// transport is made (the same function, in no loop): a transport given to
// a proxy made for each request (from a configuration, say) serves as
// many hosts as those proxies have targets. A proxy made and served within one
// request is a pool for that request (its transport is transportreuse's
// to judge): not a sink, and not a hand-off either. A proxy made any
// other way (a Director or Rewrite of the package's) is not followed:
// its hosts are chosen per request.
func (s *state) proxy(p *pool, st *ssa.Store, px ssa.Value) bool {
	var calls []ssa.Value
	for _, src := range s.back.Sources(px).Sources {
		call, ok := src.Value.(*ssa.Call)
		if !ok || call.Common().IsInvoke() || !httpapi.NewSingleHostReverseProxy.Matches(callee.Func(call.Common())) ||
			!p.creators[call.Parent()] || s.loops.InLoop(call) {
			return false
		}
		calls = append(calls, call)
	}
	if len(calls) == 0 {
		return false
	}
	flow := s.tracer.Trace(calls...)
	for _, o := range httpflow.FieldStores(s.x, flow.Values, httpapi.ReverseProxyTransport) {
		if o != st && !p.values[o.Val] && !s.callersChoice(o.Val) {
			p.replaced = true
		}
	}
	if !s.kept(flow.Values) && !slices.ContainsFunc(flow.HandOffs, func(h ssaflow.HandOff) bool { return !servedAt(h, flow.Values) }) {
		return true // made and served for one request
	}
	for _, c := range calls {
		call := c.(*ssa.Call)
		p.sinks = append(p.sinks, sink{call, call.Common().Args[0], kindProxy})
	}
	return true
}

// servedAt reports whether hand-off h is a call of ServeHTTP on one of the
// proxy's values.
func servedAt(h ssaflow.HandOff, proxies []ssa.Value) bool {
	if h.Kind != ssaflow.Call {
		return false
	}
	common := h.Instr.(ssa.CallInstruction).Common()
	return !common.IsInvoke() && httpapi.ReverseProxyServeHTTP.Matches(callee.Func(common)) &&
		len(common.Args) > 0 && slices.Contains(proxies, common.Args[0])
}

// proxyTarget is the target of a reverse proxy made by call: the host of
// the URL it is given, named as the source spells it.
func (s *state) proxyTarget(call ssa.CallInstruction) target {
	name := "its target"
	if _, path := s.rep.Path(call.Pos()); len(path) > 0 {
		for _, n := range path {
			if c, ok := n.(*ast.CallExpr); ok {
				if len(c.Args) == 1 {
					if text := types.ExprString(c.Args[0]); len(text) <= 40 {
						name = text
					}
				}
				break
			}
		}
	}
	return target{base: call, name: "the one host of the reverse proxy to " + name}
}
