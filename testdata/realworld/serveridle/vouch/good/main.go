// Command good is vouch-proxy's main after PR #468: WriteTimeout,
// ReadTimeout and IdleTimeout come from the configuration (15 s by default,
// as before), so a deployment behind a load balancer can keep idle
// connections longer than the balancer does.
package main

import (
	"log"
	"net/http"
	"os"
	"time"
)

// Config is the part of vouch's configuration the server uses.
type Config struct {
	Listen       string
	DocumentRoot string
	TLS          struct{ Cert, Key string }
	WriteTimeout int
	ReadTimeout  int
	IdleTimeout  int
}

var cfg = Config{Listen: ":9090", WriteTimeout: 15, ReadTimeout: 15, IdleTimeout: 15}

func validate(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
func login(w http.ResponseWriter, r *http.Request)    { http.Redirect(w, r, "/auth", http.StatusFound) }
func healthcheck(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(`{"ok":true}`))
}

func main() {
	router := http.NewServeMux()
	router.HandleFunc("GET "+cfg.DocumentRoot+"/validate", validate)
	router.HandleFunc("GET "+cfg.DocumentRoot+"/login", login)
	router.HandleFunc("GET /healthcheck", healthcheck)

	srv := &http.Server{
		Handler: router,
		Addr:    cfg.Listen,
		// enforce timeouts for servers you create
		WriteTimeout: time.Duration(cfg.WriteTimeout) * time.Second,
		ReadTimeout:  time.Duration(cfg.ReadTimeout) * time.Second,
		IdleTimeout:  time.Duration(cfg.IdleTimeout) * time.Second,
		ErrorLog:     log.New(os.Stderr, "", 0),
	}

	if cfg.TLS.Cert != "" {
		log.Fatal(srv.ListenAndServeTLS(cfg.TLS.Cert, cfg.TLS.Key))
	} else {
		log.Fatal(srv.ListenAndServe())
	}
}
