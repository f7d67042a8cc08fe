package keepalivesoff

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// request reports Close = true and Connection: close on requests sent by
// code that runs more than once, unless every method the request may have
// is one that net/http does not send again when a pooled connection turns
// out stale (POST, PATCH, ...): for those, closing the connection is a
// remedy postretry lists, not a mistake.
func (s *state) request(root ssa.Value) {
	flow := s.tracer.Trace(root)
	closes, headers := httpflow.ConnectionCloses(s.index, flow.Values)
	closes = s.reportable(closes)
	headers = slices.DeleteFunc(headers, func(c ssa.CallInstruction) bool { return s.rep.Generated(c.Pos()) })
	if len(closes)+len(headers) == 0 {
		return
	}
	if methods, known := httpflow.Methods(s.back, s.tracer, root); known && !slices.ContainsFunc(methods, func(m string) bool {
		return slices.Contains(httpapi.ReplayedMethods, m)
	}) {
		return // a request net/http does not replay: closing is postretry's remedy
	}
	sends := sendsThrough(flow, httpapi.Callees{httpapi.ClientDo, httpapi.TransportSends})
	var evidence []ssa.CallInstruction
	for _, send := range sends {
		if s.repeats(send, nil, held(flow)) {
			evidence = []ssa.CallInstruction{send}
			break
		}
	}
	if evidence == nil {
		return
	}
	// Sent through a transport made for this one request, the request
	// has no connection to reuse: closing it is the choice that
	// DisableKeepAlives on that transport would make, which is not
	// reported either.
	singles := s.singleSends()
	if !slices.ContainsFunc(sends, func(c ssa.CallInstruction) bool { return !singles[c] }) {
		return
	}
	// Close set only on some paths to the send retires one connection and
	// leaves keep-alives on for the other requests.
	closes = slices.DeleteFunc(closes, func(st *ssa.Store) bool { return !httpflow.Precedes(st, evidence[0]) })
	headers = slices.DeleteFunc(headers, func(c ssa.CallInstruction) bool { return !httpflow.Precedes(c, evidence[0]) })
	for _, st := range closes {
		s.report(ssaflow.StorePos(st), "http.Request sets Close in code that sends repeatedly", "Remove the Close = true", evidence)
	}
	for _, call := range headers {
		s.report(call.Pos(), "http.Request sets Connection: close in code that sends repeatedly", "Remove the Connection: close header", evidence)
	}
}
