package fix

import (
	"net/http"
	"time"
)

func multiLine() *http.Server {
	return &http.Server{ // want `close after 10s`
		Addr:        ":8080",
		ReadTimeout: 10 * time.Second, // reads must finish in 10s
		Handler:     http.NotFoundHandler(),
	}
}

func oneLine() *http.Server {
	return &http.Server{Addr: ":8080", ReadTimeout: time.Second} // want `close after 1s`
}

func explicitZero() *http.Server {
	return &http.Server{ReadTimeout: time.Second, IdleTimeout: 0} // want `close after 1s`
}

func assigned() *http.Server {
	srv := &http.Server{}
	srv.ReadTimeout = time.Second // want `close after 1s`
	return srv
}
