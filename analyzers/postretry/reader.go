package postretry

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"golang.org/x/tools/go/ssa"
)

// sameBody returns the http.NewRequest call that each attempt makes anew
// around the same body reader, or nil: the first attempt's transport reads
// the reader to its end and closes it, so the requests of the later ones
// send what is left, nothing. The reader is what the body argument is in
// every attempt (made before them, or kept from the first), as the
// attempt binds it: nil for a call that sends no body, whatever the
// package's other calls give. A reader that the attempt touches otherwise
// (Seek, Reset, any call that is not the package's own) counts as rewound.
func (s *state) sameBody(at *attempt, req *request) *ssa.Call {
	for _, o := range req.origins {
		call, ok := o.(*ssa.Call)
		if !ok || !at.inside(call) {
			continue // a literal, or a request built once: see [state.invariant]
		}
		w := newSameWalk()
		if s.invariant(at, httpflow.NewRequestArgs(call)[2], w) && s.consumedReader(at, w.ends, call) {
			return call
		}
	}
	return nil
}

// consumedReader reports whether one of readers, the values a body is in
// every attempt, comes from a body that a send reads to its end (see
// [state.body]) and that the attempt does not touch but to give it to
// made, the call that builds a request of it.
func (s *state) consumedReader(at *attempt, readers []ssa.Value, made *ssa.Call) bool {
	for _, r := range readers {
		for _, src := range s.back.Sources(r).Sources {
			var kind request
			s.body(&kind, src.Value, true)
			if kind.body && !s.touched(at, src.Value, made) {
				return true
			}
		}
	}
	return false
}

// touched reports whether a reader is used inside the attempt other than
// to build a request (with http.NewRequest, or by made, a send that
// builds its own).
func (s *state) touched(at *attempt, reader ssa.Value, made *ssa.Call) bool {
	flow := s.local().Trace(reader)
	use := func(instr ssa.Instruction) bool {
		call, ok := instr.(ssa.CallInstruction)
		if !ok || !at.inside(instr) {
			return false
		}
		if c, ok := call.(*ssa.Call); ok && (c == made || httpflow.NewRequestArgs(c) != nil) {
			return false
		}
		fn := callee.Body(call.Common())
		return fn == nil || fn.Pkg != s.index.Pkg
	}
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			if use(ref) {
				return true
			}
		}
	}
	for _, h := range flow.HandOffs {
		if use(h.Instr) {
			return true
		}
	}
	return false
}

// replay returns, for a request that each attempt makes anew, the
// http.NewRequest call and the buffer that an io.TeeReader given to it as
// the body fills, when another of its bodies is a reader of what that
// buffer holds, made in each attempt: the retries send only what the
// first attempt's transport read of the body, nothing when that attempt
// failed before writing it (a refused or reset connection, the errors a
// retry is for). A buffer that anything but the tee writes to, or a tee
// that the attempt reads otherwise (draining it first), is no such
// buffer.
func (s *state) replay(at *attempt, req *request) (*ssa.Call, *ssa.Alloc) {
	for _, o := range req.origins {
		made, ok := o.(*ssa.Call)
		if !ok || !at.inside(made) {
			continue
		}
		srcs := s.back.Sources(httpflow.NewRequestArgs(made)[2]).Sources
		tees := make(map[*ssa.Alloc]bool)
		for _, src := range srcs {
			if tee, ok := src.Value.(*ssa.Call); ok && httpapi.TeeReader.Matches(callee.Func(&tee.Call)) {
				if buf := bufferOf(tee.Call.Args[1]); buf != nil && onlyTeeWrites(buf) && !s.touched(at, tee, nil) {
					tees[buf] = true
				}
			}
		}
		for _, src := range srcs {
			maker, ok := src.Value.(*ssa.Call)
			if !ok || !at.inside(maker) || !httpapi.RewindableBodyMakers.Matches(callee.Func(&maker.Call)) {
				continue
			}
			content := maker.Call.Args[0]
			if conv, ok := content.(*ssa.Convert); ok { // strings.NewReader(string(buf.Bytes()))
				content = conv.X
			}
			if view, ok := content.(*ssa.Call); ok && httpapi.BufferViews.Matches(callee.Func(&view.Call)) && len(view.Call.Args) == 1 {
				if buf := bufferOf(view.Call.Args[0]); buf != nil && tees[buf] {
					return made, buf
				}
			}
		}
	}
	return nil, nil
}

// bufferOf returns the variable of type bytes.Buffer whose address v is,
// or nil.
func bufferOf(v ssa.Value) *ssa.Alloc {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	a, ok := v.(*ssa.Alloc)
	if !ok || !httpapi.BytesBuffer.MatchesPtr(a.Type()) {
		return nil
	}
	return a
}

// onlyTeeWrites reports whether buf, a bytes.Buffer variable, is written
// only by the io.TeeReaders it is given to: its address is otherwise only
// looked at (Bytes, String, Len).
func onlyTeeWrites(buf *ssa.Alloc) bool {
	for _, ref := range *buf.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.MakeInterface:
			for _, use := range *ref.Referrers() {
				call, ok := use.(*ssa.Call)
				if !ok || !httpapi.TeeReader.Matches(callee.Func(&call.Call)) || call.Call.Args[1] != ref {
					return false
				}
			}
		case *ssa.Call:
			if !httpapi.BufferViews.Matches(callee.Func(&ref.Call)) || ref.Call.Args[0] != buf {
				return false
			}
		default:
			return false
		}
	}
	return true
}
