package httpapi

import (
	"go/types"
	"strings"
)

// Third-party packages: helpers that retry an operation.

// A Retrier is a well-known package whose functions Names call the
// operation passed to them (a function whose last result is an error)
// again after it returns an error, until it returns nil or a policy gives
// up: a response the operation leaves open when it fails is lost to the
// next attempt. Each entry was read in the source of the versions named;
// the package's major-version paths (/v4) match too.
type Retrier struct {
	Path  string
	Names []string
}

// Retriers are the well-known retry helpers.
var Retriers = []Retrier{
	// cenkalti/backoff v4.3.0 retry.go: doRetryNotify calls the operation
	// until it returns nil or a *PermanentError, or the policy returns
	// Stop; v5.0.3 Retry the same.
	{Path: "github.com/cenkalti/backoff", Names: []string{"Retry", "RetryNotify", "RetryNotifyWithTimer",
		"RetryWithData", "RetryNotifyWithData", "RetryNotifyWithTimerAndData"}},
	// avast/retry-go v4 retry.go (4.2 and later): DoWithData (and Do through it) calls
	// the operation again while retryIf accepts its error (by default
	// every error but an Unrecoverable one), up to attempts times.
	{Path: "github.com/avast/retry-go", Names: []string{"Do", "DoWithData"}},
}

// IsRetrier reports whether fn, a package-level function, is one of
// [Retriers].
func IsRetrier(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	path := unversioned(fn.Pkg().Path())
	for _, r := range Retriers {
		if path == r.Path {
			for _, name := range r.Names {
				if fn.Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// ReconcileResult is controller-runtime's reconcile.Result. A Reconcile
// method returning it and an error is run again by the controller's work
// queue when the error is non-nil: "If the returned error is non-nil, the
// Result is ignored and the request will be requeued using exponential
// backoff" (TypedReconciler in pkg/reconcile/reconcile.go of
// sigs.k8s.io/controller-runtime v0.25.3; a TerminalError is not).
var ReconcileResult = Type{"sigs.k8s.io/controller-runtime/pkg/reconcile", "Result"}

// IsRequeued reports whether fn is a method Reconcile whose results are a
// reconcile.Result and an error: a controller's work queue retries it.
func IsRequeued(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Reconcile" || fn.Signature().Recv() == nil {
		return false
	}
	res := fn.Signature().Results()
	return res.Len() == 2 && ReconcileResult.Matches(res.At(0).Type()) && types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type())
}

// unversioned returns a module's package path without its major-version
// element (github.com/cenkalti/backoff/v4 to github.com/cenkalti/backoff).
func unversioned(path string) string {
	i := strings.LastIndex(path, "/v")
	if i < 0 || i+2 == len(path) {
		return path
	}
	for _, c := range path[i+2:] {
		if c < '0' || c > '9' {
			return path
		}
	}
	return path[:i]
}
