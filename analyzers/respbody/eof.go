package respbody

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"golang.org/x/tools/go/ssa"
)

// scanner records, for the scanner that call (bufio.NewScanner(body))
// makes, the branches on its Scan calls where Scan returned false: there
// the scanner has met the end of the body (or a read error, which ends the
// connection), so the connection is back in the pool, as after any read
// to EOF (see [readToEOF]). A token too long for the scanner's buffer also
// stops it short of EOF; such a body is taken as read (a missed report
// rather than a false one).
func (t *tracked) scanner(call ssa.CallInstruction) {
	sc := call.Value()
	if sc == nil {
		return
	}
	for _, ref := range *sc.Referrers() {
		scan, ok := ref.(*ssa.Call)
		if !ok || scan.Call.IsInvoke() || len(scan.Call.Args) == 0 || scan.Call.Args[0] != sc ||
			!httpapi.ScannerScan.Matches(callee.Func(scan.Common())) {
			continue
		}
		for _, use := range *scan.Referrers() {
			switch use := use.(type) {
			case *ssa.If:
				t.atEOF[use] = 1 // Succs[1]: Scan returned false
			case *ssa.UnOp:
				if use.Op != token.NOT {
					continue
				}
				for _, u := range *use.Referrers() {
					if i, ok := u.(*ssa.If); ok {
						t.atEOF[i] = 0
					}
				}
			}
		}
	}
}

// fullRead is the effect of a call that reads the body until EOF, or
// (unless toEOF) until the writer it copies into fails: a full read for
// -respbody.drain=strict, but only a read that certainly reaches EOF ends
// the path.
func fullRead(toEOF bool) effect {
	if toEOF {
		return readToEOF
	}
	return effect{read: true, full: true}
}

// infallible reports whether w, the writer a copy writes into, never fails:
// io.Discard or one of httpapi.InfallibleWriters.
func infallible(w ssa.Value) bool {
	for {
		switch x := w.(type) {
		case *ssa.MakeInterface:
			w = x.X
			continue
		case *ssa.ChangeInterface:
			w = x.X
			continue
		}
		break
	}
	if httpflow.IsLoadOf(w, httpapi.Discard) {
		return true
	}
	for _, t := range httpapi.InfallibleWriters {
		if t.Matches(w.Type()) || t.MatchesPtr(w.Type()) {
			return true
		}
	}
	return false
}
