// Package good is mattermost after PR #13788: an explicit IdleTimeout.
package good

import (
	"net/http"
	"time"
)

type ServiceSettings struct {
	ListenAddress string
	ReadTimeout   int
	WriteTimeout  int
	IdleTimeout   int
}

func StartServer(s ServiceSettings, h http.Handler) error {
	srv := &http.Server{
		Addr:         s.ListenAddress,
		Handler:      h,
		ReadTimeout:  time.Duration(s.ReadTimeout) * time.Second,
		WriteTimeout: time.Duration(s.WriteTimeout) * time.Second,
		IdleTimeout:  time.Duration(s.IdleTimeout) * time.Second,
	}
	return srv.ListenAndServe()
}
