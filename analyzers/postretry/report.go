package postretry

import (
	"fmt"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/astfix"
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

func (s *state) reportReuse(call ssa.CallInstruction, req *request, attempt ssa.Instruction, first bool) {
	subject := "the request"
	if expr, _ := s.rep.Call(call.Common().Pos()); expr != nil {
		if len(expr.Args) > 0 {
			subject = types.ExprString(expr.Args[0])
		}
	}
	d := analysis.Diagnostic{
		Message: fmt.Sprintf("%s is sent again by a retry loop after its body was consumed (retries send no body or fail with \"ContentLength=N with Body length 0\")", subject),
	}
	switch {
	case first:
		d.Message = fmt.Sprintf("%s is sent again after a failed attempt consumed its body (the second attempt sends no body or fails with \"ContentLength=N with Body length 0\")", subject)
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: attempt.Pos(), Message: "first attempt here"})
	case attempt != call && attempt.Pos().IsValid():
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: attempt.Pos(), Message: "retried here"})
	}
	s.report(call, d, req, "rebuild the request or reset its Body from GetBody in each attempt")
}
