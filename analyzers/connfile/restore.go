package connfile

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// maxCallers bounds how many callers up [restorer.inCallers] looks for a
// restore of a socket that reached the function as a parameter.
const maxCallers = 8

// A restorer finds where non-blocking mode is put back on a socket
// through another copy of it than the file whose Fd was taken: every
// File() of a connection is a dup sharing the connection's open file
// description, O_NONBLOCK included ((*netFD).dup in net/fd_unix.go,
// net_newUnixFile in os/file_unix.go), so SetNonblock(fd, true) on the Fd
// of any File() of the same connection, or net.FileConn, FileListener or
// FilePacketConn of one (dupFileSocket in net/file_unix.go), undoes what
// Fd did for all of them.
type restorer struct {
	index  *ssaflow.Index
	params map[*ssa.Parameter]bool // memo of [restorer.restoresParam]
	busy   map[*ssa.Parameter]bool
}

func newRestorer(index *ssaflow.Index) *restorer {
	return &restorer{index: index, params: make(map[*ssa.Parameter]bool), busy: make(map[*ssa.Parameter]bool)}
}

// restoredAfter reports whether non-blocking mode is put back on the
// socket of the File() call file after each of the Fd calls fds: on
// every path from the Fd call through its function, or, when the socket
// is a parameter of that function, after every call of the function in
// its callers (see [restorer.inCallers]). An Fd call in another function
// than the File() call is not followed.
func (r *restorer) restoredAfter(file *ssa.Call, fds []ssa.CallInstruction) bool {
	recv := callee.Receiver(&file.Call)
	if recv == nil {
		return false
	}
	sock := root(recv)
	for _, fd := range fds {
		if fd.Parent() != file.Parent() || !r.onEveryPath(fd, fd.Parent(), sock) && !r.inCallers(fd.Parent(), sock, 0) {
			return false
		}
	}
	return len(fds) > 0
}

// onEveryPath reports whether every path through fn from the instruction
// from (the entry when nil) to a return passes a restore of sock, and
// one is there. A path on which a call has failed (its error compared
// with nil and found set, [ssaflow.FailureBranches]) is not followed: the
// function gives up, and tells its caller so.
func (r *restorer) onEveryPath(from ssa.Instruction, fn *ssa.Function, sock ssa.Value) bool {
	failed := make(map[*ssa.BasicBlock]bool)
	found := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				for _, f := range ssaflow.FailureBranches(c) {
					// A block with other ways in is the join after the check.
					failed[f] = failed[f] || len(f.Preds) == 1
				}
			}
			found = found || r.restores(instr, sock) && (from == nil || ssaflow.Reaches(from, instr))
		}
	}
	if !found {
		return false
	}
	avoid := func(x ssa.Instruction) bool { return failed[x.Block()] || r.restores(x, sock) }
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !failed[b] && ssaflow.ReachesAvoiding(from, ret, avoid) {
			return false
		}
	}
	return true
}

// inCallers reports whether sock, a parameter of fn, is put back into
// non-blocking mode in every caller of fn after the call, on some path
// (or in their callers, up to [maxCallers]). A caller is not held to
// every path: what it branches on after the call is often what the
// callee found out about the socket, which the analysis cannot follow
// (miekg/dns switches on the address family that getsockname read, and
// restores the mode in each case it handles).
func (r *restorer) inCallers(fn *ssa.Function, sock ssa.Value, depth int) bool {
	p, ok := sock.(*ssa.Parameter)
	i := slices.Index(fn.Params, p)
	calls := r.index.Callers(fn)
	if !ok || i < 0 || depth >= maxCallers || len(calls) == 0 || r.index.MayHaveUnseenCallers(fn) {
		return false
	}
	for _, c := range calls {
		common := c.Common()
		if common.StaticCallee() != fn || i >= len(common.Args) {
			return false
		}
		arg := root(common.Args[i])
		if !r.later(c, arg) && !r.inCallers(c.Parent(), arg, depth+1) {
			return false
		}
	}
	return true
}

// later reports whether sock is put back into non-blocking mode after
// the instruction from, on some path through its function.
func (r *restorer) later(from ssa.Instruction, sock ssa.Value) bool {
	for _, b := range from.Parent().Blocks {
		for _, instr := range b.Instrs {
			if r.restores(instr, sock) && ssaflow.Reaches(from, instr) {
				return true
			}
		}
	}
	return false
}

// restores reports whether instr puts sock back into non-blocking mode:
// SetNonblock(fd, true) on the Fd of a File() of sock, net.FileConn,
// FileListener or FilePacketConn of such a file, or a call of a function
// of the package that does so on every path for the parameter sock is
// passed to ([restorer.restoresParam]). A deferred call counts where it
// is deferred: it runs on every path from there.
func (r *restorer) restores(instr ssa.Instruction, sock ssa.Value) bool {
	c, ok := instr.(ssa.CallInstruction)
	if !ok || sock == nil {
		return false
	}
	common := c.Common()
	fn := callee.Func(common)
	switch {
	case httpapi.IsSetNonblock(fn):
		if len(common.Args) != 2 {
			return false
		}
		on, known := ssaflow.ConstBool(common.Args[1])
		return known && on && fdSocket(common.Args[0]) == sock
	case httpapi.FileSockets.Matches(fn):
		return len(common.Args) == 1 && fileSocket(common.Args[0]) == sock
	}
	g := common.StaticCallee()
	if g == nil || g.Pkg != instr.Parent().Pkg || len(g.Blocks) == 0 {
		return false
	}
	for i, arg := range common.Args {
		if i < len(g.Params) && root(arg) == sock && r.restoresParam(g.Params[i]) {
			return true
		}
	}
	return false
}

// restoresParam reports whether the function of p puts the socket p back
// into non-blocking mode on every path ([restorer.onEveryPath]).
// Memoised; a recursive call does not count.
func (r *restorer) restoresParam(p *ssa.Parameter) bool {
	if done, ok := r.params[p]; ok {
		return done
	}
	if r.busy[p] {
		return false
	}
	r.busy[p] = true
	done := r.onEveryPath(nil, p.Parent(), p)
	delete(r.busy, p)
	r.params[p] = done
	return done
}

// fdSocket returns the connection or listener whose File() made the file
// whose Fd the descriptor fd is (through conversions), or nil.
func fdSocket(fd ssa.Value) ssa.Value {
	for {
		conv, ok := fd.(*ssa.Convert)
		if !ok {
			break
		}
		fd = conv.X
	}
	c, ok := fd.(*ssa.Call)
	if !ok || !httpapi.OSFileFd.Matches(callee.Func(c.Common())) {
		return nil
	}
	if recv := callee.Receiver(c.Common()); recv != nil {
		return fileSocket(recv)
	}
	return nil
}

// fileSocket returns the connection or listener whose File() call the
// file is the result of, or nil.
func fileSocket(file ssa.Value) ssa.Value {
	ex, ok := file.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	c, ok := ex.Tuple.(*ssa.Call)
	if !ok || !httpapi.FileCalls.Matches(callee.Func(c.Common())) {
		return nil
	}
	if recv := callee.Receiver(c.Common()); recv != nil {
		return root(recv)
	}
	return nil
}

// root returns the socket value v stands for: File of *net.TCPConn and
// the others is the method of the embedded net.conn, so SSA passes the
// address of that field; a conversion is the same socket too.
func root(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			if f := ssaflow.FieldOf(x.X.Type(), x.Field); f == nil || !f.Embedded() {
				return v
			}
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}
