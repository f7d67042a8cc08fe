package httpflow

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// WaitsForTick reports whether block b receives from a ticker's channel,
// alone (<-ticker.C, a range over time.Tick) or in a select: a loop
// through b runs once per tick, whatever happened on the tick before. The
// channel is matched where it is made or read: a time.Tick call, or a
// load of the C field of a time.Ticker.
func WaitsForTick(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.ARROW && isTick(instr.X) {
				return true
			}
		case *ssa.Select:
			for _, st := range instr.States {
				if st.Dir == types.RecvOnly && isTick(st.Chan) {
					return true
				}
			}
		}
	}
	return false
}

func isTick(ch ssa.Value) bool {
	switch ch := ch.(type) {
	case *ssa.Call:
		return httpapi.TimeTick.Matches(callee.Func(&ch.Call))
	case *ssa.UnOp:
		fa, ok := ch.X.(*ssa.FieldAddr)
		return ok && ch.Op == token.MUL && httpapi.TickerC.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field))
	case *ssa.ChangeType:
		return isTick(ch.X)
	}
	return false
}
