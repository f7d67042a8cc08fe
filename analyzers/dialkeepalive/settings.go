package dialkeepalive

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

func setsConnKeepAlive(fn *types.Func) bool {
	return httpapi.TCPConnSetKeepAlive.Matches(fn) || httpapi.TCPConnSetKeepAlivePeriod.Matches(fn) ||
		httpapi.TCPConnSetKeepAliveConfig.Matches(fn)
}

// A setting is one place that turns TCP keep-alive on: a store into
// KeepAlive or KeepAliveConfig, or a call of a TCPConn keep-alive method.
type setting struct {
	instr   ssa.Instruction
	subject string    // as written in diagnostics, e.g. net.Dialer.KeepAlive
	value   ssa.Value // the KeepAlive duration; nil for KeepAliveConfig and calls
}

// inTest reports whether set is in a _test.go file and the analyzer
// leaves those alone.
func (s *state) inTest(set setting) bool {
	return !s.opts.Tests && report.InTest(s.pass.Fset, set.pos())
}

// pos is where a setting is reported.
func (s setting) pos() token.Pos {
	if st, ok := s.instr.(*ssa.Store); ok && !st.Pos().IsValid() {
		return st.Addr.Pos()
	}
	return s.instr.Pos()
}

// traceSettings traces one Dialer or ListenConfig value and returns its
// flow and its keep-alive settings, less those in generated files: they
// are not reported, so not worth following.
func (s *state) traceSettings(roots []ssa.Value, keepAlive, config httpapi.Field) (*ssaflow.Flow, []setting) {
	flow := s.tracer.Trace(roots...)
	settings := keepAliveSettings(s.index, flow, keepAlive, config)
	return flow, slices.DeleteFunc(settings, func(set setting) bool { return s.rep.Generated(set.pos()) })
}

// keepAliveSettings returns the stores that turn TCP keep-alive on for a
// traced Dialer or ListenConfig: KeepAlive set to a positive or unknown
// duration (0 is the default, negative disables probes), or
// KeepAliveConfig set with Enable true or unknown.
func keepAliveSettings(x *ssaflow.Index, flow *ssaflow.Flow, keepAlive, config httpapi.Field) []setting {
	var out []setting
	for _, v := range flow.Values {
		for _, ref := range x.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			switch {
			case keepAlive.Matches(fa.X.Type(), f):
				for _, st := range storesTo(fa) {
					if d, known := ssaflow.ConstInt(st.Val); !known || d > 0 {
						out = append(out, setting{st, keepAlive.String(), st.Val})
					}
				}
			case config.Matches(fa.X.Type(), f):
				for _, st := range storesTo(fa) {
					if configEnabled(st.Val) {
						out = append(out, setting{st, config.String(), nil})
					}
				}
				// d.KeepAliveConfig.Enable = true
				for _, use := range *fa.Referrers() {
					en, ok := use.(*ssa.FieldAddr)
					if !ok || !httpapi.KeepAliveConfigEnable.Matches(en.X.Type(), ssaflow.FieldOf(en.X.Type(), en.Field)) {
						continue
					}
					for _, st := range storesTo(en) {
						if on, known := ssaflow.ConstBool(st.Val); !known || on {
							out = append(out, setting{st, config.String(), nil})
						}
					}
				}
			}
		}
	}
	return out
}

// configEnabled reports whether a net.KeepAliveConfig value may have Enable
// set: anything but the zero value or a literal that leaves Enable false.
func configEnabled(v ssa.Value) bool {
	if ssaflow.IsZeroConst(v) {
		return false
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return true
	}
	lit, ok := load.X.(*ssa.Alloc)
	if !ok {
		return true
	}
	// A composite literal: its Alloc is only selected and loaded.
	for _, ref := range *lit.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if !httpapi.KeepAliveConfigEnable.Matches(ref.X.Type(), ssaflow.FieldOf(ref.X.Type(), ref.Field)) {
				continue
			}
			for _, st := range storesTo(ref) {
				if on, known := ssaflow.ConstBool(st.Val); !known || on {
					return true
				}
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

func storesTo(addr ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, ref := range *addr.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st)
		}
	}
	return out
}
