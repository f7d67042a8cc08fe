// Package h2lib stands for another module's code that may configure a
// transport it is given.
package h2lib

import (
	"net/http"

	"golang.org/x/net/http2"
)

func Configure(t *http.Transport) {}

func ConfigureH2(t *http2.Transport) {}

func Config() *http.HTTP2Config { return &http.HTTP2Config{} }

func Protocols() *http.Protocols { return new(http.Protocols) }

func NewTransport() *http.Transport { return &http.Transport{} }
