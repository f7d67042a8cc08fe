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

// SetsockoptPackages hold the functions that set a socket option on a raw
// descriptor. Only syscall is in the standard library and so in the table
// test; golang.org/x/sys/unix and golang.org/x/sys/windows are matched by
// path, like syscall, with [IsSetsockopt].
var SetsockoptPackages = []string{"syscall", "golang.org/x/sys/unix", "golang.org/x/sys/windows"}

// IsSetsockopt reports whether fn is a package-level function of one of
// [SetsockoptPackages] whose name begins with Setsockopt (Setsockopt,
// SetsockoptInt, SetsockoptLinger, SetsockoptTimeval, ...).
func IsSetsockopt(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		strings.HasPrefix(fn.Name(), "Setsockopt") && IsSetsockoptPackage(fn.Pkg().Path())
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
