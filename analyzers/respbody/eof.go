package respbody

import (
	"go/token"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
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
