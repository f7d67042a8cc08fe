// Package controllers holds API clients of the package made by its
// exported constructors and used only through the package's own methods,
// some behind the package's interface (grafana-operator#308's shape).
package controllers

import (
	"crypto/tls"
	"io"
	"net/http"
)

// Folders is the controller's view of the API.
type Folders interface {
	List() ([]byte, error)
}

type client struct {
	base string
	http *http.Client
}

// NewClient builds a client around a transport of its own.
func NewClient(base string) Folders {
	tr := http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	return &client{base: base, http: &http.Client{Transport: &tr}}
}

func (c *client) List() ([]byte, error) {
	resp, err := c.http.Get(c.base + "/api/folders")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Reconciler reconciles folders; the controller runtime calls Reconcile on
// every change and resync.
type Reconciler struct{ base string }

func (r *Reconciler) folders() (Folders, error) {
	if r.base == "" {
		return nil, io.EOF
	}
	return NewClient(r.base), nil
}

// A client, and so a transport, per reconcile, used through the interface.
func (r *Reconciler) Reconcile(name string) error {
	f, err := r.folders() // want `Reconciler.folders\(\) creates an http.Transport on every call to Reconciler.Reconcile`
	if err != nil {
		return err
	}
	_, err = f.List()
	return err
}

// The same with the concrete type: the exported constructor's callers are
// built too.
func NewConcrete(base string) *client {
	return &client{base: base, http: &http.Client{Transport: &http.Transport{}}}
}

func Sync(base string) error {
	_, err := NewConcrete(base).List() // want `NewConcrete\(\) creates an http.Transport on every call to Sync`
	return err
}

// Good twin: the reconciler makes its client once and keeps it.
type Kept struct{ f Folders }

func NewKept(base string) *Kept { return &Kept{f: NewClient(base)} }

func (k *Kept) Reconcile(name string) error {
	_, err := k.f.List()
	return err
}

// Good twin: a client per reconcile over one transport the reconciler
// keeps.
type Shared struct {
	base string
	tr   *http.Transport
}

func NewShared(base string) *Shared { return &Shared{base: base, tr: &http.Transport{}} }

func NewClientOver(base string, tr *http.Transport) Folders {
	return &client{base: base, http: &http.Client{Transport: tr}}
}

func (s *Shared) Reconcile(name string) error {
	_, err := NewClientOver(s.base, s.tr).List()
	return err
}

// Good twin: built once, at start-up (a CLI's main does the same).
func init() { setup() }

func setup() {
	if _, err := NewClient("https://grafana.example").List(); err != nil {
		panic(err)
	}
}
