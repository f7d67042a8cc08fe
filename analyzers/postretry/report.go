package postretry

import (
	"fmt"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

func (s *state) report(call ssa.CallInstruction, d analysis.Diagnostic, req *request, remedy string) {
	lparen := call.Common().Pos()
	d.Pos, d.End = lparen, lparen
	if expr, _ := s.rep.Call(lparen); expr != nil {
		d.Pos, d.End = expr.Pos(), expr.End()
	}
	if req != nil {
		for _, o := range req.origins {
			if o.Pos().IsValid() && astfix.File(s.pass, o.Pos()) != nil {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos(), Message: "request built here"})
			}
		}
	}
	s.rep.Report(d, remedy)
}

func (s *state) reportReuse(call ssa.CallInstruction, req *request, again reuse) {
	subject := "the request"
	if expr, _ := s.rep.Call(call.Common().Pos()); expr != nil {
		if len(expr.Args) > 0 {
			subject = types.ExprString(expr.Args[0])
		}
	}
	var d analysis.Diagnostic
	remedy := "rebuild the request or reset its Body from GetBody in each attempt"
	related := "retried here"
	switch {
	case again.first && again.made != nil:
		d.Message = fmt.Sprintf("%s is given to a new request after an earlier attempt consumed it (the second attempt sends an empty or cut body)", s.bodySubject(again.made))
		remedy = "take a fresh body from GetBody, or make the body reader anew from its bytes"
		related = "first attempt here"
	case again.first:
		d.Message = fmt.Sprintf("%s is sent again after a failed attempt consumed its body (the second attempt sends no body or fails with \"ContentLength=N with Body length 0\")", subject)
		related = "first attempt here"
	case again.replay != nil:
		d.Message = fmt.Sprintf("%s holds only what the first attempt read of the body through io.TeeReader, and the retries send it (an attempt that failed before writing the body leaves it empty or cut)", bufferName(again.replay))
		remedy = "keep the whole body (a []byte) and make a reader of it in each attempt"
	case again.made != nil && overItems(again.attempt):
		// The same reader for every work item: no retry, but the
		// same loss (a fan-out of one payload to many URLs).
		d.Message = fmt.Sprintf("%s is given to the request of every round of a loop over items after the first round read it to its end (later requests send an empty or cut body)", s.bodySubject(again.made))
		remedy = "make the body reader anew in each round, or rewind it before each request"
		related = "looped here"
	case again.made != nil:
		d.Message = fmt.Sprintf("%s is given to the request of every attempt of a retry after the first attempt read it to its end (retries send an empty or cut body)", s.bodySubject(again.made))
		remedy = "make the body reader anew in each attempt, or rewind it before each attempt"
	default:
		d.Message = fmt.Sprintf("%s is sent again by a retry loop after its body was consumed (retries send no body or fail with \"ContentLength=N with Body length 0\")", subject)
	}
	if again.first || again.attempt != call && again.attempt.Pos().IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: again.attempt.Pos(), Message: related})
	}
	s.report(call, d, req, remedy)
}

// overItems reports whether the attempt that runs again is a call in a
// loop that passes it the next work item ([ssaflow.NextItems]): a loop
// over URLs or records, not a retry.
func overItems(attempt ssa.Instruction) bool {
	call, ok := attempt.(ssa.CallInstruction)
	return ok && len(ssaflow.NextItems(call)) > 0
}

// bodySubject names the body argument of a call of http.NewRequest as
// written.
func (s *state) bodySubject(made *ssa.Call) string {
	if expr, _ := s.rep.Call(made.Common().Pos()); expr != nil && len(expr.Args) > 0 {
		return types.ExprString(expr.Args[len(expr.Args)-1])
	}
	return "the body"
}

// bufferName names a buffer variable as declared.
func bufferName(buf *ssa.Alloc) string {
	if buf.Comment != "" {
		return buf.Comment
	}
	return "the buffer"
}
