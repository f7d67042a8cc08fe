// Package user gets its servers from lib: the servers are judged in lib.
package user

import (
	"crosspkg/lib"
	"net/http"
	"time"
)

func Run() error {
	srv := lib.New(":8080")
	return srv.ListenAndServe()
}

func RunTuned() error {
	srv := lib.NewGood(":8080")
	srv.ReadTimeout = 20 * time.Second // the origin is in lib: not judged here
	return srv.ListenAndServe()
}

func Local() *http.Server {
	return &http.Server{ReadTimeout: 30 * time.Second} // want `close after 30s`
}
