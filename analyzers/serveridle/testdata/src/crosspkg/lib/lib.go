// Package lib builds servers for other packages.
package lib

import (
	"net/http"
	"time"
)

func New(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: 10 * time.Second} // want `close after 10s`
}

func NewGood(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: 10 * time.Second, IdleTimeout: time.Minute}
}
