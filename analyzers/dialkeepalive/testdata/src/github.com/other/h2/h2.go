// Package h2 stands for code kalint cannot see.
package h2

import (
	"context"
	"net"
	"net/http"
)

func Configure(t *http.Transport) { t.IdleConnTimeout = 1 }

func WithDialer(func(context.Context, string, string) (net.Conn, error)) {}

func UseDialer(*net.Dialer) {}
