// Command bad is the shape of vouch/vouch-proxy's main before PR #468
// (issue #317): the server sets ReadTimeout and WriteTimeout to 15 s and no
// IdleTimeout, so idle keep-alive connections are closed after 15 s; behind
// an AWS ALB, whose idle timeout is 60 s, the balancer sends requests onto
// connections the server is closing and answers 502.
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
}

var cfg = Config{Listen: ":9090"}

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
		WriteTimeout: 15 * time.Second,
		ReadTimeout:  15 * time.Second,
		ErrorLog:     log.New(os.Stderr, "", 0),
	}

	if cfg.TLS.Cert != "" {
		log.Fatal(srv.ListenAndServeTLS(cfg.TLS.Cert, cfg.TLS.Key))
	} else {
		log.Fatal(srv.ListenAndServe())
	}
}
