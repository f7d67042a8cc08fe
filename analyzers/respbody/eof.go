package respbody

import (
	"go/token"
	"go/types"

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
				t.settled[use] = 1 // Succs[1]: Scan returned false
			case *ssa.UnOp:
				if use.Op != token.NOT {
					continue
				}
				for _, u := range *use.Referrers() {
					if i, ok := u.(*ssa.If); ok {
						t.settled[i] = 0
					}
				}
			}
		}
	}
}

// fullRead records the effect of call, a call of fn, when it is one of the
// standard library's reads to EOF of v: a full read for
// -respbody.drain=strict, but one that ends the path only where it
// certainly reaches EOF (a copy into a writer that cannot fail, say).
func (t *tracked) fullRead(call ssa.CallInstruction, fn *types.Func, v ssa.Value) bool {
	args := call.Common().Args
	toEOF, ok := false, false
	switch {
	case httpapi.NewScanner.Matches(fn):
		t.scanner(call)
		t.add(call, effect{read: true})
		return true
	case httpapi.FullReadMethods.Matches(fn) && len(args) > 1 && args[1] == v:
		toEOF, ok = httpapi.BufferReadFrom.Matches(fn), true
	default:
		for f, i := range httpapi.FullReaders {
			if f.Matches(fn) && i < len(args) && args[i] == v {
				w, copies := httpapi.CopyWriters[f]
				toEOF, ok = !copies || httpflow.InfallibleWriter(args[w]), true
			}
		}
	}
	switch {
	case !ok:
		return false
	case toEOF:
		t.add(call, readToEOF)
	default:
		t.add(call, effect{read: true, full: true})
	}
	return true
}
