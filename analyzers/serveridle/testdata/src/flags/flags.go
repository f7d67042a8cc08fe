package flags

import (
	"net/http"
	"time"
)

func run() *http.Server {
	return &http.Server{ReadTimeout: 5 * time.Second} // want `close after 5s`
}
