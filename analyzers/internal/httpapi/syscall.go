package httpapi

import (
	"go/types"
	"slices"
	"strings"
)

// syscall: raw connections and socket options.
var (
	ConnSyscallConn = method(typ("syscall", "Conn"), "SyscallConn")
	RawConnControl  = method(typ("syscall", "RawConn"), "Control")
)

// SetsockoptPackages hold the functions that set or read a socket option
// on a raw descriptor. Only syscall is in the standard library and so in
// the table test; golang.org/x/sys/unix and golang.org/x/sys/windows are
// matched by path, like syscall, with [IsSetsockopt] and [IsGetsockopt].
var SetsockoptPackages = []string{"syscall", "golang.org/x/sys/unix", "golang.org/x/sys/windows"}

// IsSetsockopt reports whether fn is a package-level function of one of
// [SetsockoptPackages] whose name begins with Setsockopt (Setsockopt,
// SetsockoptInt, SetsockoptLinger, SetsockoptTimeval, ...).
func IsSetsockopt(fn *types.Func) bool { return isSockopt(fn, "Setsockopt") }

// IsGetsockopt is [IsSetsockopt] for the functions that read an option
// (GetsockoptInt, GetsockoptIPv6Mreq, GetsockoptTCPInfo, ...).
func IsGetsockopt(fn *types.Func) bool { return isSockopt(fn, "Getsockopt") }

// IsSetNonblock reports whether fn is SetNonblock(fd, nonblocking) of
// one of [SetsockoptPackages]: with true it puts a descriptor back into
// non-blocking mode after (*os.File).Fd took it out.
func IsSetNonblock(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		fn.Name() == "SetNonblock" && IsSetsockoptPackage(fn.Pkg().Path())
}

func isSockopt(fn *types.Func, prefix string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		strings.HasPrefix(fn.Name(), prefix) && IsSetsockoptPackage(fn.Pkg().Path())
}

// rawSyscalls are the functions of [SetsockoptPackages] that make any system
// call by its number: the trap, then its arguments.
var rawSyscalls = []string{"Syscall", "Syscall6", "RawSyscall", "RawSyscall6"}

// SetsockoptArgs returns where a call of fn takes the descriptor and the
// option name when fn sets a socket option: a Setsockopt function
// ([IsSetsockopt]) takes (fd, level, opt, ...); a raw system call of the
// same packages takes (trap, fd, level, opt, ...) and sets one when trap is
// the package's SYS_SETSOCKOPT, which trap returns (nil on a platform
// without one, such as linux/386, which multiplexes socket calls).
func SetsockoptArgs(fn *types.Func) (fd, opt int, trap *types.Const) {
	return sockoptArgs(fn, IsSetsockopt(fn), "SYS_SETSOCKOPT")
}

// GetsockoptArgs is [SetsockoptArgs] for reading an option: a Getsockopt
// function, or a raw system call whose trap is SYS_GETSOCKOPT.
func GetsockoptArgs(fn *types.Func) (fd, opt int, trap *types.Const) {
	return sockoptArgs(fn, IsGetsockopt(fn), "SYS_GETSOCKOPT")
}

func sockoptArgs(fn *types.Func, named bool, sys string) (fd, opt int, trap *types.Const) {
	switch {
	case named:
		return 0, 2, nil
	case fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		slices.Contains(rawSyscalls, fn.Name()) && IsSetsockoptPackage(fn.Pkg().Path()):
		if k, ok := fn.Pkg().Scope().Lookup(sys).(*types.Const); ok {
			return 1, 3, k
		}
	}
	return -1, -1, nil
}

// IsSetsockoptPackage reports whether path is one of [SetsockoptPackages].
func IsSetsockoptPackage(path string) bool { return slices.Contains(SetsockoptPackages, path) }

// KeepAliveOptions maps the names of the keep-alive socket options, as
// syscall and golang.org/x/sys/unix spell them, to the net.KeepAliveConfig
// field that sets the same thing (TCP_KEEPALIVE is macOS's name for the
// idle time).
var KeepAliveOptions = map[string]Field{
	"SO_KEEPALIVE":  KeepAliveConfigEnable,
	"TCP_KEEPIDLE":  KeepAliveConfigIdle,
	"TCP_KEEPALIVE": KeepAliveConfigIdle,
	"TCP_KEEPINTVL": KeepAliveConfigInterval,
	"TCP_KEEPCNT":   KeepAliveConfigCount,
}
