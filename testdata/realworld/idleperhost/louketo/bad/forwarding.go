package bad

import (
	"context"
	"net"
	"net/http"
	"strings"
)

type contextKey int

const contextScopeName contextKey = 0

// RequestScope is what the middleware learns about a request.
type RequestScope struct {
	AccessDenied bool
}

// authenticationMiddleware checks the bearer token and records the
// verdict in the request's scope.
func (r *oauthProxy) authenticationMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		scope := req.Context().Value(contextScopeName).(*RequestScope)
		if !strings.HasPrefix(req.Header.Get("Authorization"), "Bearer ") {
			scope.AccessDenied = true
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, req)
	})
}

// entrypointMiddleware gives each request its scope.
func entrypointMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		scope := &RequestScope{}
		next.ServeHTTP(w, req.WithContext(context.WithValue(req.Context(), contextScopeName, scope)))
	})
}

// emptyHandler is the end of the chain for an allowed request.
func emptyHandler(w http.ResponseWriter, req *http.Request) {}

// proxyMiddleware runs the rest of the chain, then forwards what it
// allowed to the upstream.
func (r *oauthProxy) proxyMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		next.ServeHTTP(w, req)
		if scope, ok := req.Context().Value(contextScopeName).(*RequestScope); ok && scope.AccessDenied {
			return
		}

		req.Header.Add("X-Forwarded-For", realIP(req))
		req.Header.Set("X-Forwarded-Host", req.Host)
		for k, v := range r.config.Headers {
			req.Header.Set(k, v)
		}
		// goproxy only forwards absolute requests: point it at the upstream
		req.URL.Host = r.endpoint.Host
		req.URL.Scheme = r.endpoint.Scheme
		if !r.config.PreserveHost {
			req.Host = r.endpoint.Host
		}
		r.upstream.ServeHTTP(w, req)
	})
}

func realIP(req *http.Request) string {
	if ip := req.Header.Get("X-Real-IP"); ip != "" {
		return ip
	}
	host, _, _ := net.SplitHostPort(req.RemoteAddr)
	return host
}
