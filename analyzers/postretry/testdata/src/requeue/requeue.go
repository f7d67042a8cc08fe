// Package requeue holds a Kubernetes controller: its Reconcile returns the
// error of a send, and the controller's work queue runs Reconcile again
// after an error (ray-project/kuberay's job submission).
package requeue

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type JobReconciler struct {
	c   *http.Client
	url string
}

func (r *JobReconciler) submit(ctx context.Context, spec []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url, bytes.NewReader(spec))
	if err != nil {
		return err
	}
	resp, err := r.c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func (r *JobReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if err := r.submit(ctx, []byte(req.Name)); err != nil {
		return reconcile.Result{RequeueAfter: 3 * time.Second}, err
	}
	return reconcile.Result{}, nil
}

// A Reconcile that swallows the send's error: nothing runs it again for
// that failure.
type QuietReconciler struct {
	c   *http.Client
	url string
}

func (r *QuietReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	resp, err := r.c.Post(r.url, "application/json", bytes.NewReader([]byte(req.Name))) // want `POST via Client\.Post is not retried`
	if err != nil {
		return reconcile.Result{}, nil
	}
	resp.Body.Close()
	return reconcile.Result{}, nil
}

// A method of the same name with other results is no reconciler.
type Syncer struct {
	c   *http.Client
	url string
}

func (s *Syncer) Reconcile(ctx context.Context, name string) error {
	resp, err := s.c.Post(s.url, "application/json", bytes.NewReader([]byte(name))) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The failure wrapped into a named result, with a deferred call: still
// returned, so requeued.
type WrapReconciler struct {
	c   *http.Client
	url string
	log func(error)
}

func (r *WrapReconciler) Reconcile(ctx context.Context, req reconcile.Request) (res reconcile.Result, err error) {
	defer func() { r.log(err) }()
	resp, postErr := r.c.Post(r.url, "application/json", bytes.NewReader([]byte(req.Name)))
	if postErr != nil {
		err = fmt.Errorf("submit %s: %w", req.Name, postErr)
		return
	}
	resp.Body.Close()
	return
}
