package fields

import (
	"net/http"
	"time"
)

type App struct {
	srv *http.Server
}

func NewApp() *App {
	return &App{srv: &http.Server{ReadTimeout: 10 * time.Second}} // want `close after 10s`
}

func (a *App) Start() error { return a.srv.ListenAndServe() }

type GoodApp struct {
	srv *http.Server
}

func NewGoodApp() *GoodApp {
	return &GoodApp{srv: &http.Server{ReadTimeout: 10 * time.Second}}
}

func (a *GoodApp) tune() { a.srv.IdleTimeout = time.Minute }

type Embedded struct {
	http.Server
}

func (e *Embedded) Init() {
	e.ReadTimeout = 12 * time.Second // want `close after 12s`
}

type EmbeddedGood struct {
	http.Server
}

func (e *EmbeddedGood) Init() {
	e.ReadTimeout = 12 * time.Second
	e.IdleTimeout = 12 * time.Minute
}

type Holder struct {
	Srv http.Server
}

func (h *Holder) Configure() {
	h.Srv = http.Server{ReadTimeout: 13 * time.Second} // want `close after 13s`
}

// Handed off: a registry or a channel may configure the server elsewhere.
func Register(reg map[string]*http.Server, ch chan *http.Server) {
	a := &http.Server{ReadTimeout: time.Second}
	reg["a"] = a
	b := &http.Server{ReadTimeout: time.Second}
	ch <- b
}
