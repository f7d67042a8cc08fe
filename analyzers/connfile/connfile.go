package connfile

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/option"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc []byte

// Options configure the analyzer.
type Options struct {
	// Tests also reports in test files. Flag -connfile.tests.
	Tests bool
}

// Analyzer is connfile with default options.
var Analyzer = New(Options{})

// New returns a connfile analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "connfile",
		Doc:      docs.MustExtract(doc, "connfile"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/connfile",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests, "also report in test files")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !httpapi.FileCalls.Mentioned(res.Names()) {
		return nil, nil // no File() of a net connection or listener here
	}
	// A socket tuned through a descriptor need not be an HTTP one: build
	// for any package that calls File.
	_, index := res.Build()
	s := &state{
		tests:    c.opts.Tests,
		pass:     pass,
		rep:      report.New(pass),
		tracer:   &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true},
		text:     &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true, Use: concat},
		restorer: newRestorer(index),
	}
	for _, fn := range index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && httpapi.FileCalls.Matches(callee.Func(call.Common())) {
					s.check(call)
				}
			}
		}
	}
	return nil, nil
}

// state is the analysis of one package.
type state struct {
	tests  bool // check File calls in _test.go files
	pass   *analysis.Pass
	rep    *report.Reporter
	tracer *ssaflow.Tracer
	text   *ssaflow.Tracer // follows a descriptor's text ([state.textHandedOver])
	*restorer
}

// check follows the file that one File() call returns.
func (s *state) check(call *ssa.Call) {
	if s.rep.Generated(call.Pos()) || !s.tests && report.InTest(s.pass.Fset, call.Pos()) {
		return
	}
	expr, _ := s.rep.Call(call.Pos())
	if expr == nil {
		return
	}
	flow := &ssaflow.Flow{}
	if f := result0(call); f != nil {
		flow = s.tracer.Trace(f)
	}
	closed, handedOff := false, false
	var fds []ssa.CallInstruction
	for _, h := range flow.HandOffs {
		c, ok := h.Instr.(ssa.CallInstruction)
		if h.Kind != ssaflow.Call || !ok {
			handedOff = true // stored, returned or converted: someone else's now
			continue
		}
		fn := callee.Func(c.Common())
		switch {
		case httpapi.OSFileClose.Matches(fn), httpapi.CloserClose.Matches(fn):
			closed = true
		case httpapi.OSFileFd.Matches(fn):
			fds = append(fds, c)
		case fn != nil && fn.Signature().Recv() != nil && httpapi.OSFile.MatchesPtr(fn.Signature().Recv().Type()):
			// Name, Stat, SyscallConn...: the file stays ours.
		default:
			handedOff = true
		}
	}
	subject := types.ExprString(expr)
	socket, uses := "connection", "reads and writes block OS threads"
	if httpapi.ListenerFile.Matches(callee.Func(call.Common())) {
		socket, uses = "listener", "Accept blocks an OS thread"
	}
	var fd fdUses
	if len(fds) > 0 {
		fd = s.sockopts(fds)
		if !fd.handled && !s.restoredAfter(call, fds) {
			s.reportFd(expr, fds, fd, fmt.Sprintf("the %s's socket switches to blocking mode: its %s and deadlines stop working",
				socket, uses))
		}
	}
	// A descriptor adopted by os.NewFile is the new file's to close.
	if !closed && !handedOff && !fd.adopted {
		s.rep.Report(analysis.Diagnostic{
			Pos: expr.Pos(), End: expr.End(),
			Message: fmt.Sprintf("%s is never closed (the duplicate descriptor leaks and keeps the socket open "+
				"after the %s is closed)", subject, socket),
		}, "")
	}
}

// reportFd reports the File() call expr whose file's Fd is called at fds:
// Fd switches the shared socket to blocking mode whatever the descriptor
// is then used for. The message names the use when it is a socket option
// (set, else read); Related names the replacement at each such call, or at
// each Fd call when the descriptor serves something else.
func (s *state) reportFd(expr *ast.CallExpr, fds []ssa.CallInstruction, fd fdUses, consequence string) {
	sets, gets := fd.sets, fd.gets
	use := "is used through Fd"
	switch {
	case len(sets) > 0:
		use = "is used to set socket options through Fd"
	case len(gets) > 0:
		use = "is used to read socket options through Fd"
	}
	diag := analysis.Diagnostic{
		Pos: expr.Pos(), End: expr.End(),
		Message: fmt.Sprintf("%s %s (%s)", types.ExprString(expr), use, consequence),
	}
	// SSA calls the promoted method on the embedded net.conn: the
	// connection's own type is in the syntax.
	tcp := false
	if sel, ok := ast.Unparen(expr.Fun).(*ast.SelectorExpr); ok {
		t := s.pass.TypesInfo.TypeOf(sel.X)
		tcp = httpapi.TCPConn.Matches(t) || httpapi.TCPConn.MatchesPtr(t)
	}
	for _, o := range sets {
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: o.Pos(), Message: s.advice(o, tcp)})
	}
	for _, o := range gets {
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: o.Pos(),
			Message: "socket option read here; SyscallConn().Control reads it on the connection without switching it to blocking mode"})
	}
	if len(sets)+len(gets) == 0 {
		for _, c := range fds {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: c.Pos(),
				Message: "Fd called here; SyscallConn().Control lends the connection's descriptor without switching it to blocking mode"})
		}
	}
	s.rep.Report(diag, "")
}

// fdUses are what the package does with the descriptors that Fd returns.
type fdUses struct {
	sets, gets []ssa.CallInstruction // calls that set or read a socket option
	// handled: one of them is put back into non-blocking mode, or taken
	// over (see [state.handedOver]).
	handled bool
	adopted bool // one of them is adopted by os.NewFile
}

// sockopts returns the calls that set and that read a socket option on
// the descriptors that the Fd calls return (Setsockopt and Getsockopt
// functions, raw SYS_SETSOCKOPT and SYS_GETSOCKOPT system calls), which
// the descriptors reach through conversions (int(f.Fd())), variables and
// helper functions, and whether one of them is handled or adopted.
func (s *state) sockopts(calls []ssa.CallInstruction) (u fdUses) {
	var fds []ssa.Value
	for _, c := range calls {
		fds = append(fds, c.Value())
	}
	seen := make(map[ssa.Value]bool)
	for len(fds) > 0 {
		v := fds[len(fds)-1]
		fds = fds[:len(fds)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		for _, h := range s.tracer.Trace(v).HandOffs {
			switch h.Kind {
			case ssaflow.Unsafe:
				conv, ok := h.Instr.(*ssa.Convert)
				switch {
				case ok && ssaflow.IsText(conv.Type()):
					u.handled = u.handled || s.textHandedOver(conv)
				case ok:
					fds = append(fds, conv) // uintptr to int or a handle type
				}
			case ssaflow.Call:
				c, ok := h.Instr.(ssa.CallInstruction)
				switch {
				case !ok:
				case adopts(c, h.Value):
					u.adopted = true
					u.handled = u.handled || s.handedOver(c.Value())
				case setsNonblock(c, h.Value), dupNonblock(c):
					u.handled = true
				case httpapi.Formatters.Matches(callee.Func(c.Common())):
					u.handled = u.handled || s.textHandedOver(c.Value())
				case sockopt(c, h.Value, httpapi.SetsockoptArgs):
					u.sets = append(u.sets, c)
				case sockopt(c, h.Value, httpapi.GetsockoptArgs):
					u.gets = append(u.gets, c)
				}
			}
		}
	}
	return u
}

// textHandedOver reports whether the text that a descriptor was turned
// into (the result of a formatter, or a conversion to string) is handed
// over: the package's code can no longer follow the descriptor, which
// whoever reads the text may parse back and put into non-blocking mode
// (certmagic's "fd/N" listener addresses) or hand to a child process, so
// the socket is someone else's, as a descriptor passed to code the package
// cannot see would be. Text that only reaches printers ([httpapi.Printers])
// and file-name lookups ([httpapi.NameLookups]: os.Readlink of a
// /proc/self/fd path), through concatenations, variables and the package's
// functions, is not a hand-over: they take nothing over. Text written to
// an io.Writer (fmt.Fprint) is one.
func (s *state) textHandedOver(text ssa.Value) bool {
	if text == nil || !ssaflow.IsText(text.Type()) {
		return true
	}
	for _, h := range s.text.Trace(text).HandOffs {
		c, ok := h.Instr.(ssa.CallInstruction)
		if h.Kind != ssaflow.Call || !ok {
			return true
		}
		if fn := callee.Func(c.Common()); !httpapi.Printers.Matches(fn) && !httpapi.NameLookups.Matches(fn) {
			return true
		}
	}
	return false
}

// concat follows text into the strings it is concatenated into.
func concat(u ssaflow.Use) bool {
	if b, ok := u.Instr.(*ssa.BinOp); ok && b.Op == token.ADD && !u.Loc {
		u.Add(b, u.Label)
		return true
	}
	return false
}

// setsNonblock reports whether c is SetNonblock(fd, true).
func setsNonblock(c ssa.CallInstruction, fd ssa.Value) bool {
	args := c.Common().Args
	if !httpapi.IsSetNonblock(callee.Func(c.Common())) || len(args) != 2 || args[0] != fd {
		return false
	}
	on, known := ssaflow.ConstBool(args[1])
	return known && on
}

// dupNonblock reports whether the descriptor that c returns (its result,
// or its first one) is put into non-blocking mode right away, as
// net.FileConn does with its dup of the descriptor (dupFileSocket in
// net/file_unix.go): a dup shares the open file description, so that
// undoes what Fd did.
func dupNonblock(c ssa.CallInstruction) bool {
	v := c.Value()
	if v == nil {
		return false
	}
	results := []ssa.Value{v}
	for _, ref := range *v.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			results = append(results, ex)
		}
	}
	for _, r := range results {
		for _, ref := range *r.Referrers() {
			if call, ok := ref.(ssa.CallInstruction); ok && setsNonblock(call, r) {
				return true
			}
		}
	}
	return false
}

// adopts reports whether c adopts the descriptor fd with os.NewFile: the
// new file owns it, and closes it.
func adopts(c ssa.CallInstruction, fd ssa.Value) bool {
	args := c.Common().Args
	return httpapi.NewFile.Matches(callee.Func(c.Common())) && len(args) > 0 && args[0] == fd && c.Value() != nil
}

// handedOver reports whether file, which adopted a descriptor, is handed
// over: to net.FileListener, FileConn or FilePacketConn, which put the
// shared socket back into non-blocking mode (dupFileSocket in
// net/file_unix.go), or stored or returned, as a socket handed to a child
// process in exec.Cmd.ExtraFiles is: the socket is taken over, and its
// blocking mode is the new owner's business.
func (s *state) handedOver(file ssa.Value) bool {
	for _, h := range s.tracer.Trace(file).HandOffs {
		switch h.Kind {
		case ssaflow.Store, ssaflow.Return:
			return true
		case ssaflow.Call:
			if c, ok := h.Instr.(ssa.CallInstruction); ok && httpapi.FileSockets.Matches(callee.Func(c.Common())) {
				return true
			}
		}
	}
	return false
}

// sockopt reports whether c sets (or reads, as args places them) a socket
// option on the descriptor fd.
func sockopt(c ssa.CallInstruction, fd ssa.Value, args func(*types.Func) (int, int, *types.Const)) bool {
	in := c.Common().Args
	at, _, trap := args(callee.Func(c.Common()))
	if at < 0 || at >= len(in) || in[at] != fd {
		return false
	}
	if trap == nil {
		return true
	}
	n, known := ssaflow.ConstInt(in[0])
	want, ok := ssaflow.IntValue(trap.Val())
	return known && ok && n == want
}

// advice names the safe way to set the option at a Setsockopt call: the
// net.KeepAliveConfig field for a keep-alive option of a TCP connection,
// SyscallConn().Control otherwise.
func (s *state) advice(c ssa.CallInstruction, tcp bool) string {
	const control = "socket option set here; SyscallConn().Control sets it on the connection without switching it to blocking mode"
	expr, _ := s.rep.Call(c.Pos())
	_, at, _ := httpapi.SetsockoptArgs(callee.Func(c.Common()))
	if !tcp || expr == nil || at < 0 || len(expr.Args) <= at {
		return control
	}
	var id *ast.Ident
	switch opt := ast.Unparen(expr.Args[at]).(type) {
	case *ast.Ident:
		id = opt
	case *ast.SelectorExpr:
		id = opt.Sel
	}
	k, ok := s.pass.TypesInfo.Uses[id].(*types.Const)
	if id == nil || !ok || k.Pkg() == nil {
		return control
	}
	field, ok := httpapi.KeepAliveOptions[k.Name()]
	if !ok || !httpapi.IsSetsockoptPackage(k.Pkg().Path()) {
		return control
	}
	config := "Enable: true"
	if field != httpapi.KeepAliveConfigEnable {
		config += ", " + field.Name + ": ..."
	}
	return fmt.Sprintf("%s set here; %s(net.KeepAliveConfig{%s}) sets it without a descriptor (Go 1.23+)",
		k.Name(), httpapi.TCPConnSetKeepAliveConfig.Name, config)
}

// result0 returns the file of a File() call, or nil if it is discarded.
func result0(call *ssa.Call) ssa.Value {
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}
