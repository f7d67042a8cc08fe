// Package reconcile is a stand-in for controller-runtime's: the types a
// Reconcile method takes and returns.
package reconcile

import "time"

// Result says whether and when to requeue.
type Result struct {
	Requeue      bool
	RequeueAfter time.Duration
}

// Request names the object to reconcile.
type Request struct{ Name, Namespace string }
