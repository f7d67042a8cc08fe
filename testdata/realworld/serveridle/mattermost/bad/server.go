// Package bad is the shape of mattermost/mattermost before PR #13788: the
// server sets ReadTimeout from its config (300 s by default) and no
// IdleTimeout, so idle keep-alive connections are held for the read
// timeout instead of being released sooner.
package bad

import (
	"net/http"
	"time"
)

type ServiceSettings struct {
	ListenAddress string
	ReadTimeout   int
	WriteTimeout  int
}

func StartServer(s ServiceSettings, h http.Handler) error {
	srv := &http.Server{
		Addr:         s.ListenAddress,
		Handler:      h,
		ReadTimeout:  time.Duration(s.ReadTimeout) * time.Second,
		WriteTimeout: time.Duration(s.WriteTimeout) * time.Second,
	}
	return srv.ListenAndServe()
}
