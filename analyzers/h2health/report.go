package h2health

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// The consequences that the diagnostics state.
const (
	stall         = "a dead connection stalls requests to its host until TCP gives up"
	noHealthCheck = "no health check: " + stall
	noPingSent    = "no ping is ever sent, so there is no health check"
)

// How a transport reported for its missing health check speaks HTTP/2.
type h2Use int

const (
	on        h2Use = iota // turned on: HTTP2 settings, Protocols, x/net
	pingOnly               // turned on, with a PingTimeout and no SendPingTimeout
	forced                 // ForceAttemptHTTP2: true
	byDefault              // a clone of DefaultTransport, or ForceAttemptHTTP2 of unknown value
)

// turnedOn is on, or pingOnly when a PingTimeout is set.
func turnedOn(ping bool) h2Use {
	if ping {
		return pingOnly
	}
	return on
}

// reportNoPing reports a transport that speaks HTTP/2 with no
// SendPingTimeout: at its HTTP2Config literal, its own literal, or what
// turns HTTP/2 on.
func (s *state) reportNoPing(t *transport, use h2Use) {
	var msg string
	switch use {
	case on:
		msg = "http.Transport turns on HTTP/2 without HTTP2.SendPingTimeout (" + noHealthCheck + ")"
	case pingOnly:
		msg = "http.HTTP2Config sets PingTimeout but not SendPingTimeout (" + noPingSent + ")"
	case forced:
		msg = "http.Transport sets ForceAttemptHTTP2 without HTTP2.SendPingTimeout (" + noHealthCheck + ")"
	case byDefault:
		msg = "http.Transport speaks HTTP/2 by default without HTTP2.SendPingTimeout (" + noHealthCheck + ")"
	}
	if len(t.configs) == 1 {
		if lit, path := s.literalOf(t.configs[0].root); lit != nil {
			s.emit(withAddr(lit, path), msg, s.literalFix(lit, "SendPingTimeout", "%[1]s"))
			return
		}
	}
	if lit, path := s.literalOf(t.root); lit != nil {
		var fix *analysis.SuggestedFix
		if len(t.configs) == 0 && t.readBack == (config{}) {
			fix = s.literalFix(lit, "HTTP2", "&%[2]s.HTTP2Config{SendPingTimeout: %[1]s}")
		}
		s.emit(withAddr(lit, path), msg, fix)
		return
	}
	if t.protoCall != nil {
		if call, _ := s.rep.Call(t.protoCall.Common().Pos()); call != nil {
			s.emit(call, msg, nil)
			return
		}
	}
	if _, path := s.rep.Path(t.root.Pos()); len(path) > 0 {
		s.emit(path[0], msg, nil)
	}
}

// reportHTTP1Only reports HTTP2 settings on a transport that speaks
// HTTP/1.1 only, at the first setting.
func (s *state) reportHTTP1Only(t *transport) {
	msg := fmt.Sprintf("http.Transport sets HTTP2 but speaks HTTP/1.1 only (its custom %s turns HTTP/2 off without ForceAttemptHTTP2 or Protocols: the HTTP2 settings have no effect)", t.custom)
	for _, st := range t.http2 {
		if ssaflow.IsNil(st.Val) {
			continue
		}
		_, path := s.rep.Path(ssaflow.StorePos(st))
		for _, n := range path {
			switch n.(type) {
			case *ast.KeyValueExpr, *ast.AssignStmt:
				s.emit(n, msg, nil)
				return
			}
		}
	}
}

// reportConfigure reports http2.ConfigureTransport(s) of a transport
// without a health check.
func (s *state) reportConfigure(t *transport, result *h2transport, ping bool) {
	call, path := s.rep.Call(t.configure.Common().Pos())
	if call == nil {
		return
	}
	var fix *analysis.SuggestedFix
	msg := "http2.ConfigureTransport turns on HTTP/2 without a health check (" + stall + ")"
	if httpapi.HTTP2ConfigureTransports.Matches(callee.Func(t.configure.Common())) {
		msg = "http2.ConfigureTransports result has no ReadIdleTimeout (" + noHealthCheck + ")"
		if ping || result != nil && result.ping {
			msg = "http2.Transport sets PingTimeout but not ReadIdleTimeout (" + noPingSent + ")"
		}
		fix = s.readIdleFix(call, path)
	} else if len(t.http2) == 0 && !t.protoSet && len(t.protos) == 0 && !t.param {
		// Not on a transport passed in, whose HTTP2 settings it would replace.
		fix = s.protocolsFix(call, path)
	}
	s.emit(call, msg, fix)
}

// reportHTTP2Transport reports an x/net http2.Transport made without a
// ReadIdleTimeout.
func (s *state) reportHTTP2Transport(alloc *ssa.Alloc, t *h2transport) {
	msg := "http2.Transport has no ReadIdleTimeout (" + noHealthCheck + ")"
	if t.ping {
		msg = "http2.Transport sets PingTimeout but not ReadIdleTimeout (" + noPingSent + ")"
	}
	if lit, path := s.rep.Literal(alloc.Pos()); lit != nil {
		s.emit(withAddr(lit, path), msg, s.literalFix(lit, "ReadIdleTimeout", "%[1]s"))
		return
	}
	if call, _ := s.rep.Call(alloc.Pos()); call != nil { // new(http2.Transport)
		s.emit(call, msg, nil)
	}
}

// literalOf returns the composite literal that allocates v, if any.
func (s *state) literalOf(v ssa.Value) (*ast.CompositeLit, []ast.Node) {
	alloc, ok := v.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	return s.rep.Literal(alloc.Pos())
}

// withAddr returns &lit when lit's address is taken, else lit: the full
// expression that makes the value.
func withAddr(lit *ast.CompositeLit, path []ast.Node) ast.Node {
	if len(path) > 0 {
		if u, ok := path[0].(*ast.UnaryExpr); ok && u.Op == token.AND {
			return u
		}
	}
	return lit
}

// emit reports msg at node once, leaving out test files unless Tests.
func (s *state) emit(node ast.Node, msg string, fix *analysis.SuggestedFix) {
	if s.reported[node] || !s.opts.Tests && report.InTest(s.pass.Fset, node.Pos()) {
		return
	}
	s.reported[node] = true
	d := analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	s.rep.Report(d, "")
}
