// Package router is the gateway's HTTP server: each endpoint's handler
// calls its backend's proxy, so the server's concurrent requests become
// concurrent requests to the same few backend hosts.
package router

import (
	"net/http"
	"strconv"

	proxy "example.com/realworld/idleperhost/lura/bad"
	"example.com/realworld/idleperhost/lura/bad/config"
)

// Run serves cfg's endpoints until the server fails.
func Run(cfg config.ServiceConfig) error {
	mux := http.NewServeMux()
	for _, e := range cfg.Endpoints {
		p := proxy.NewHTTPProxy(e.Backend[0], proxy.NewHTTPClient)
		mux.HandleFunc(e.Endpoint, func(w http.ResponseWriter, r *http.Request) {
			data, err := p(r.Context(), r.URL.Path, r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			_, _ = w.Write(data)
		})
	}
	return http.ListenAndServe(":"+strconv.Itoa(cfg.Port), mux)
}
