package ssaflow

import "golang.org/x/tools/go/ssa"

// A Use is an instruction that uses a traced value, or the address of a
// variable holding one, as [Tracer.Use] sees it.
type Use struct {
	Instr ssa.Instruction
	Value ssa.Value // the traced value, or the variable's address
	Loc   bool      // Value is a variable's address
	Label int       // the label of Value
	tr    *tracer
}

// Add adds v to the trace with label: a value derived from the traced one
// that the tracer does not know (a field the caller reads, a result of a
// call that hands it back).
func (u Use) Add(v ssa.Value, label int) { u.tr.labelled(v, label) }

// AddLoc adds addr to the trace as the address of a variable holding a
// value with label.
func (u Use) AddLoc(addr ssa.Value, label int) { u.tr.labelledLoc(addr, label) }

// A Root is where a labelled trace starts: a value, or (Loc) the address of
// a variable that holds it.
type Root struct {
	Value ssa.Value
	Loc   bool
	Label int
}

// used reports whether Use handles instr's use of v.
func (tr *tracer) used(instr ssa.Instruction, v ssa.Value, loc bool) bool {
	return tr.Use != nil && tr.Use(Use{Instr: instr, Value: v, Loc: loc, Label: tr.label, tr: tr})
}
