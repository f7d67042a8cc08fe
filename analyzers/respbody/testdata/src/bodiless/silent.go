package bodiless

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// The package is client and server of one protocol (ginkgo's parallel
// support, a CLI's shutdown endpoint): its handlers for some paths write no
// body, so the answers to those paths are http.NoBody.

type peer struct {
	host string
	mu   sync.Mutex
	n    int
}

func (p *peer) routes(mux *http.ServeMux, shutdown func()) {
	mux.HandleFunc("/up", p.handleUp)
	mux.HandleFunc("POST /did-run", p.didRun)
	mux.HandleFunc("/emit", p.emit)
	mux.Handle("/quit", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		shutdown()
	}))
	mux.HandleFunc("/reset", resetHandler(p))
	mux.HandleFunc("/counter", p.counter) // writes JSON
	mux.HandleFunc("/status", p.status)   // writes through a helper
	mux.HandleFunc("/items/", p.handleUp) // a subtree: not one path
	mux.HandleFunc("/twice", p.handleUp)  // also registered below, to a writer
	http.HandleFunc("/twice", p.counter)
	http.HandleFunc("/again", p.counter) // a writer first, then a silent one
	mux.HandleFunc("/again", p.handleUp)
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("hello"))
	})
}

func (p *peer) handleUp(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func (p *peer) didRun(w http.ResponseWriter, r *http.Request) {
	var v struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	p.fail(nil, w)
}

func (p *peer) emit(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Seen", "1")
	p.fail(nil, w)
}

// fail sets a status only: it names no HTTP type that would make ssapass
// build it, so the syntax is read.
func (p *peer) fail(err error, w http.ResponseWriter) bool {
	if err == nil {
		return false
	}
	w.WriteHeader(http.StatusInternalServerError)
	return true
}

func resetHandler(p *peer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.n = 0
		p.mu.Unlock()
	}
}

func (p *peer) counter(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	json.NewEncoder(w).Encode(p.n)
}

func (p *peer) status(w http.ResponseWriter, r *http.Request) { writeText(w, "ok") }

func writeText(w http.ResponseWriter, s string) { fmt.Fprint(w, s) }

// Answers of the silent paths: nothing to read before closing.
func (p *peer) Connect() bool {
	resp, err := http.Get(p.host + "/up")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (p *peer) post(path string) error {
	resp, err := http.Post(p.host+path, "application/json", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func (p *peer) DidRun() error { return p.post("/did-run") }
func (p *peer) Emit() error   { return p.post("/emit") }

func Shutdown(port int) error {
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/quit", port), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func Reset() {
	if resp, err := http.Post("http://127.0.0.1:9000/reset", "text/plain", nil); err == nil {
		resp.Body.Close()
	}
}

// Answers that carry a body, or may: still reported.
func (p *peer) Counter() error {
	resp, err := http.Get(p.host + "/counter") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) Status() error {
	resp, err := http.Get(p.host + "/status") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) Item(id string) error {
	resp, err := http.Get(p.host + "/items/" + id) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) Twice() error {
	resp, err := http.Get(p.host + "/twice") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) Again() error {
	resp, err := http.Get(p.host + "/again") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) Hello() error {
	resp, err := http.Get(p.host + "/hello") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// One caller sends to a path that writes: the helper's close is reported.
func (p *peer) send(path string) error {
	resp, err := http.Post(p.host+path, "application/json", nil) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func (p *peer) SendUp() error      { return p.send("/up") }
func (p *peer) SendCounter() error { return p.send("/counter") }

// A path that no handler of the package answers: reported.
func Elsewhere(host string) error {
	resp, err := http.Get(host + "/nowhere") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
