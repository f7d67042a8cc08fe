package keepalivesoff

import (
	"slices"
	"strings"

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
	closes := s.reportable(trueStores(s.index, flow, httpapi.RequestClose))
	headers := slices.DeleteFunc(s.connectionClose(flow), func(c ssa.CallInstruction) bool { return s.rep.Generated(c.Pos()) })
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
	// Close set only on some paths to the send, in the function that
	// sends, retires one connection (a stuck one, after a timeout) and
	// leaves keep-alives on for the other requests.
	always := func(instr ssa.Instruction) bool {
		return instr.Parent() != evidence[0].Parent() || ssaflow.Dominates(instr, evidence[0])
	}
	closes = slices.DeleteFunc(closes, func(st *ssa.Store) bool { return !always(st) })
	headers = slices.DeleteFunc(headers, func(c ssa.CallInstruction) bool { return !always(c) })
	for _, st := range closes {
		s.report(ssaflow.StorePos(st), "http.Request sets Close in code that sends repeatedly", "Remove the Close = true", evidence)
	}
	for _, call := range headers {
		s.report(call.Pos(), "http.Request sets Connection: close in code that sends repeatedly", "Remove the Connection: close header", evidence)
	}
}

// connectionClose returns the calls that set or add the header
// Connection: close on the traced request.
func (s *state) connectionClose(flow *ssaflow.Flow) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for _, v := range flow.Values {
		for _, w := range httpflow.HeaderWrites(v) {
			call, ok := w.Instr.(ssa.CallInstruction)
			key, ok1 := ssaflow.ConstString(w.Key)
			val, ok2 := ssaflow.ConstString(w.Value)
			if ok && ok1 && ok2 && strings.EqualFold(key, "Connection") && isClose(val) {
				calls = append(calls, call)
			}
		}
	}
	return calls
}

// isClose reports whether a Connection header value is the token close.
func isClose(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "close") }
