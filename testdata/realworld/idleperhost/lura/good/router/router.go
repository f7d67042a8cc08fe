// Package router is the gateway's HTTP server after the fix: Run raises
// the per-host idle limit of http.DefaultTransport, the transport behind
// the proxies' default client, to the configured value (250 unless set).
package router

import (
	"net/http"
	"strconv"

	proxy "example.com/realworld/idleperhost/lura/good"
	"example.com/realworld/idleperhost/lura/good/config"
)

// Run serves cfg's endpoints until the server fails.
func Run(cfg config.ServiceConfig) error {
	cfg.Init()
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = cfg.MaxIdleConnsPerHost

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
