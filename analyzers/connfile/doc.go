// Package connfile defines an analyzer that reports File() duplicates of
// network connections whose Fd is taken, or that are never closed.
//
// # Analyzer connfile
//
// connfile: report net conn File() used through Fd or leaked
//
// (*net.TCPConn).File (and the same method of *net.UnixConn, *net.UDPConn,
// *net.IPConn, *net.TCPListener and *net.UnixListener) returns a duplicate
// of the socket's descriptor that the caller must close. (*os.File).Fd then switches that descriptor to
// blocking mode, and since a duplicate shares the open file description,
// O_NONBLOCK included, the live connection turns blocking too: each of its
// reads and writes holds an OS thread, and deadlines, the server's idle
// and read timeouts among them, stop working (a listener's Accept, the
// same). The os documentation of Fd:
// "For most uses prefer the f.SyscallConn method". A File() result that is
// never closed leaks the descriptor and keeps the socket open after the
// connection is closed, so the peer never sees the connection end.
//
// Wrong:
//
//	f, err := tcpConn.File()
//	if err != nil {
//		return err
//	}
//	syscall.SetsockoptInt(int(f.Fd()), syscall.IPPROTO_TCP, syscall.TCP_KEEPINTVL, 15)
//
// Right (keep-alive options, Go 1.23+):
//
//	tcpConn.SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Interval: 15 * time.Second})
//
// Right (any other option):
//
//	raw, err := tcpConn.SyscallConn()
//	if err != nil {
//		return err
//	}
//	var serr error
//	err = raw.Control(func(fd uintptr) {
//		serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
//	})
//
// Two mistakes are reported, each at the File() call:
//
//   - Fd() is called on its file, here or in the package's functions the
//     file reaches: Fd itself switches the socket to blocking mode,
//     whatever the descriptor is then used for. The message names the use
//     when the descriptor reaches, through conversions, variables,
//     closures, results and helper functions of the package, a function
//     that sets a socket option ("is used to set socket options through
//     Fd": a Setsockopt function, or a raw system call, Syscall, Syscall6,
//     RawSyscall or RawSyscall6, whose trap is the package's
//     SYS_SETSOCKOPT) or else one that reads one ("is used to read socket
//     options through Fd": a Getsockopt function, or SYS_GETSOCKOPT); any
//     other use (a /proc/self/fd path, a system call of its own) is "is
//     used through Fd", with the same consequence. The Setsockopt and
//     Getsockopt functions are the package-level functions whose names
//     begin with Setsockopt or Getsockopt in syscall, golang.org/x/sys/unix
//     and golang.org/x/sys/windows, matched by package path and name
//     prefix (x/sys is not in the standard library, so the table test
//     cannot type-check it). Related information at each Setsockopt call
//     names the replacement: for SO_KEEPALIVE, TCP_KEEPIDLE (TCP_KEEPALIVE
//     on macOS), TCP_KEEPINTVL and TCP_KEEPCNT on a TCP connection the
//     net.KeepAliveConfig field (Enable, Idle, Interval, Count) to pass to
//     SetKeepAliveConfig, for any other option SyscallConn().Control; at a
//     Getsockopt call, or at Fd for other uses, SyscallConn().Control.
//     Handled: the descriptor passed to SetNonblock(fd, true) of the same
//     packages, or to a call whose result (a dup of it, as in net.FileConn)
//     is passed straight to SetNonblock(..., true): either puts the shared
//     socket back into non-blocking mode. Also handled: the descriptor
//     adopted by os.NewFile when the new file is given to net.FileConn,
//     FileListener or FilePacketConn (which put the socket back into
//     non-blocking mode, dupFileSocket in net/file_unix.go) or is stored
//     or returned (handed to a child process in exec.Cmd.ExtraFiles, say):
//     the socket is taken over, as in gin's RunFd. Also handled: the
//     descriptor turned into text (strconv's FormatInt, FormatUint, Itoa,
//     AppendInt and AppendUint, fmt's Sprint, Fprint and Append functions,
//     a conversion to string), where the package's code can no longer
//     follow it: whoever reads the text may parse the number back and take
//     the socket over (certmagic's "fd/N" listener address, which
//     robustTryListen dups and gives to net.FileListener). Text that only
//     reaches fmt's Print functions, package log or *log.Logger, or
//     os.Readlink, Stat and Lstat (a /proc/self/fd path), through
//     concatenations, variables and the package's functions, is not handed
//     over: it is still reported. Also handled: the
//     connection put back into non-blocking mode through another copy of
//     it after each Fd call, on every path on which no call has failed
//     (an error compared with nil and found set: the function gives up
//     and says so): SetNonblock(fd, true) on the Fd of another File() of
//     the same connection, net.FileConn, FileListener or FilePacketConn of
//     a File() of it, or a call of a function of the package that does one
//     of these on every such path for the connection it is given. When the
//     connection is a parameter of a function whose calls the package all
//     shows, such a restore after each call, in the caller or its callers,
//     counts on any path: a caller often branches on what the callee
//     learned about the socket (miekg/dns switches on the address family
//     that getsockname read, and puts the mode back in each case).
//   - the file is never closed: no Close on it anywhere in the package, and
//     it is not passed on. A file passed on (stored in exec.Cmd.ExtraFiles
//     or any other field of another package, a slice, map or channel,
//     returned from a function that callers outside the package can call,
//     or given to a function of another package), or whose descriptor
//     os.NewFile adopts (the new file closes it, as gin's RunFd does), is
//     someone else's to close: quiet. A file returned from an unexported function or method
//     is followed to the package's callers (a method only when the package
//     neither declares an interface method of its name nor takes it as a
//     value). Methods of the
//     file itself (Fd, Name, Stat, SyscallConn) do not pass it on.
//
// Test files are left alone (a test's descriptor lives as long as the
// test); the -connfile.tests flag includes them.
//
// Known limits: Close on any path counts (the analysis is not
// path-sensitive), and so does SetNonblock(fd, true) on the descriptor of
// the same file, or a restore in a caller after the call; File called through an interface or a type parameter is
// not seen; Fd called on the file by another package (a file passed to
// it) is not seen; Fd on a file whose connection is already closed is
// reported though nothing else uses the socket; a descriptor's text
// handed to anything but a printer or a name lookup is quiet even where
// nothing takes the socket over; a file handed
// to a socket hand-over (ExtraFiles) and never closed by the parent is not
// reported.
//
// connfile has no flags. It looks at any package that calls File on a net
// connection or listener, also one that cannot reach net/http.
//
// Background: (*conn).File in net/net.go returns a duplicate descriptor
// ((*netFD).dup in net/fd_unix.go) that the caller must close, created by
// net_newUnixFile in os/file_unix.go as a socket that Fd hands out in
// blocking mode; (*File).Fd in os/file.go calls (*File).fd in
// os/file_unix.go, which clears non-blocking mode ((*FD).SetBlocking in
// internal/poll/fd_unix.go, on every Fd call). A dup shares the open
// file description, O_NONBLOCK included, with the connection's own
// descriptor, so syscall.SetNonblock(fd, true) (F_SETFL with O_NONBLOCK,
// syscall/exec_unix.go) on any descriptor of the connection puts it back:
// the connection's own poll.FD was never marked blocking, and its reads
// and writes wait in the poller again. The facts each analyzer rests on, with their sources, are
// collected in docs/nethttp.md in the kalint repository.
package connfile
