// Package holders holds constructors that return a struct of the package
// holding a new client and transport.
package holders

import (
	"io"
	"net/http"
	"time"
)

type API struct {
	base string
	http *http.Client
}

func NewAPI(base string) *API {
	tr := &http.Transport{IdleConnTimeout: time.Minute}
	return &API{base: base, http: &http.Client{Transport: tr}}
}

func (a *API) Item(name string) ([]byte, error) {
	resp, err := a.http.Get(a.base + "/items/" + name)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// A handler makes an API, and so a transport, per request.
func ServeItem(w http.ResponseWriter, r *http.Request) {
	api := NewAPI("https://api.example") // want `NewAPI\(\) creates an http.Transport on every request handled by ServeItem`
	data, err := api.Item(r.URL.Query().Get("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(data)
}

// The same with the transport held directly by the struct.
type direct struct {
	tr   *http.Transport
	base string
}

func newDirect(base string) *direct { return &direct{tr: &http.Transport{}, base: base} }

func (d *direct) get(path string) error {
	resp, err := (&http.Client{Transport: d.tr}).Get(d.base + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ServeDirect(w http.ResponseWriter, r *http.Request) {
	if err := newDirect("https://api.example").get(r.URL.Path); err != nil { // want `newDirect\(\) creates an http.Transport on every request handled by ServeDirect`
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// Good twin: the API is made once, at startup, and kept by the server.
type server struct{ api *API }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, err := s.api.Item(r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(data)
}

func Start() {
	http.ListenAndServe(":8080", &server{api: NewAPI("https://api.example")})
}

// Good twin: a per-request API over one package-level transport.
var shared = &http.Transport{}

func newSharedAPI(base string) *API {
	return &API{base: base, http: &http.Client{Transport: shared}}
}

func ServeShared(w http.ResponseWriter, r *http.Request) {
	data, err := newSharedAPI("https://api.example").Item(r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write(data)
}

// Good twin: the per-request API is kept in a registry.
var registry = map[string]*API{}

func ServeRegistered(w http.ResponseWriter, r *http.Request) {
	api := NewAPI(r.Host)
	registry[r.Host] = api
	if _, err := api.Item(r.URL.Path); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}
